// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
//
// The Data tab on a tiny hand-made dataset: display, missing cells, sorting, filtering and
// row selection.

#include "data/data_tab.h"
#include "data/dataset_filter_proxy.h"
#include "data/dataset_table_model.h"
#include "main/app_state.h"

#include <QComboBox>
#include <QFont>
#include <QLineEdit>
#include <QLocale>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

#include <limits>
#include <memory>

using credit::core::Column;
using credit::core::ColumnType;
using credit::core::Dataset;
using credit::ui::AppState;
using credit::ui::DatasetTableModel;
using credit::ui::DataTab;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// rows:      0       1        2      3        4
// amount:   500     NaN      250    1200     250
// purpose:  radio   car      ?      Business car
// class:    good    bad      good   bad      good
std::shared_ptr<const Dataset> tinyDataset()
{
    Column amount;
    amount.schema = {"amount", ColumnType::Numeric, {}};
    amount.numeric = {500, kNaN, 250, 1200, 250};
    Column purpose;
    purpose.schema = {"purpose", ColumnType::Categorical, {"radio", "car", "Business"}};
    purpose.codes = {0, 1, Column::kMissingCode, 2, 1};
    Column target;
    target.schema = {"class", ColumnType::Categorical, {"good", "bad"}};
    target.codes = {0, 1, 0, 1, 0};
    return std::make_shared<const Dataset>(
        Dataset::create({amount, purpose, target}, {"class", "bad"}, "tiny"));
}

QList<int> datasetRowsInViewOrder(const DataTab& tab)
{
    QList<int> rows;
    const QAbstractItemModel* model = tab.tableView()->model();
    for (int r = 0; r < model->rowCount(); ++r) {
        rows.append(model->headerData(r, Qt::Vertical).toInt() - 1);
    }
    return rows;
}

} // namespace

class TestDataTab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void showsEveryCellWithoutData()
    {
        AppState state;
        DataTab tab(&state);
        QCOMPARE(tab.tabId(), QStringLiteral("data"));
        QCOMPARE(tab.datasetModel()->rowCount(), 0);
        QVERIFY(!tab.filterEdit()->isEnabled());

        state.setDataset(tinyDataset(), QStringLiteral("/tmp/tiny.csv"));
        const DatasetTableModel* model = tab.datasetModel();
        QCOMPARE(model->rowCount(), 5);
        QCOMPARE(model->columnCount(), 3);
        QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("500"));
        QCOMPARE(model->index(3, 1).data().toString(), QStringLiteral("Business"));
        QCOMPARE(model->headerData(0, Qt::Vertical).toInt(), 1);
        QCOMPARE(model->headerData(4, Qt::Vertical).toInt(), 5);
        QCOMPARE(tab.rowCountText(), QStringLiteral("Showing 5 of 5 rows · bad rate 40.0 %"));
        QCOMPARE(tab.filterColumnBox()->count(), 4); // all columns + 3
    }

    void marksMissingCells()
    {
        AppState state;
        DataTab tab(&state);
        state.setDataset(tinyDataset(), {});
        const QModelIndex missing = tab.datasetModel()->index(1, 0);
        QCOMPARE(missing.data().toString(), QStringLiteral("missing"));
        QVERIFY(missing.data(DatasetTableModel::MissingRole).toBool());
        QVERIFY(missing.data(Qt::FontRole).value<QFont>().italic());
        QVERIFY(missing.data(Qt::BackgroundRole).isValid());
        QVERIFY(missing.data(Qt::ToolTipRole).toString().contains(QStringLiteral("row 2")));
        const QModelIndex present = tab.datasetModel()->index(0, 0);
        QVERIFY(!present.data(DatasetTableModel::MissingRole).toBool());
        QVERIFY(!present.data(Qt::BackgroundRole).isValid());
    }

    void headersDescribeColumns()
    {
        AppState state;
        DataTab tab(&state);
        state.setDataset(tinyDataset(), {});
        const DatasetTableModel* model = tab.datasetModel();
        const QString amountTip = model->headerData(0, Qt::Horizontal, Qt::ToolTipRole).toString();
        QVERIFY2(amountTip.contains(QStringLiteral("numeric")), qPrintable(amountTip));
        QVERIFY2(amountTip.contains(QStringLiteral("Missing: 1 of 5")), qPrintable(amountTip));
        const QString purposeTip = model->headerData(1, Qt::Horizontal, Qt::ToolTipRole).toString();
        QVERIFY2(purposeTip.contains(QStringLiteral("categorical, 3 levels")),
                 qPrintable(purposeTip));
        // The target stands out: own title, bold header, tinted cells, bad in red.
        QCOMPARE(model->headerData(2, Qt::Horizontal).toString(), QStringLiteral("class (target)"));
        QVERIFY(model->headerData(2, Qt::Horizontal, Qt::FontRole).value<QFont>().bold());
        QVERIFY(!model->headerData(0, Qt::Horizontal, Qt::FontRole).isValid());
        QVERIFY(model->index(0, 2).data(Qt::BackgroundRole).isValid());
        QVERIFY(model->index(1, 2).data(Qt::ForegroundRole).isValid());
        QVERIFY(!model->index(0, 2).data(Qt::ForegroundRole).isValid());
        QVERIFY(model->headerData(2, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("40.0 %")));
    }

    void sortsNumbersNumericallyWithMissingLast()
    {
        AppState state;
        DataTab tab(&state);
        state.setDataset(tinyDataset(), {});
        QCOMPARE(datasetRowsInViewOrder(tab), (QList<int>{0, 1, 2, 3, 4})); // file order
        tab.tableView()->sortByColumn(0, Qt::AscendingOrder);
        QCOMPARE(datasetRowsInViewOrder(tab), (QList<int>{2, 4, 0, 3, 1}));
        QCOMPARE(tab.tableView()->model()->index(0, 0).data().toString(), QStringLiteral("250"));
        tab.tableView()->sortByColumn(0, Qt::DescendingOrder);
        QCOMPARE(datasetRowsInViewOrder(tab), (QList<int>{3, 0, 2, 4, 1}));
    }

    void sortsCategoriesByNameWithMissingLast()
    {
        AppState state;
        DataTab tab(&state);
        state.setDataset(tinyDataset(), {});
        tab.tableView()->sortByColumn(1, Qt::AscendingOrder);
        // Business, car, car, radio, missing (case-insensitive, ties in file order)
        QCOMPARE(datasetRowsInViewOrder(tab), (QList<int>{3, 1, 4, 0, 2}));
        tab.tableView()->sortByColumn(1, Qt::DescendingOrder);
        QCOMPARE(datasetRowsInViewOrder(tab), (QList<int>{0, 1, 4, 3, 2}));
    }

    void filtersAllOrOneColumn()
    {
        AppState state;
        DataTab tab(&state);
        state.setDataset(tinyDataset(), {});
        tab.filterEdit()->setText(QStringLiteral("CAR"));
        QCOMPARE(datasetRowsInViewOrder(tab), (QList<int>{1, 4}));
        QCOMPARE(tab.rowCountText(),
                 QStringLiteral("Showing 2 of 5 rows · bad rate 50.0 % (all rows 40.0 %)"));

        tab.filterEdit()->setText(QStringLiteral("250"));
        QCOMPARE(datasetRowsInViewOrder(tab), (QList<int>{2, 4}));

        tab.filterEdit()->setText(QStringLiteral("missing"));
        QCOMPARE(datasetRowsInViewOrder(tab), (QList<int>{1, 2}));
        tab.filterColumnBox()->setCurrentIndex(2); // purpose only
        QCOMPARE(datasetRowsInViewOrder(tab), (QList<int>{2}));
        QCOMPARE(tab.rowCountText(),
                 QStringLiteral("Showing 1 of 5 rows · bad rate 0.0 % (all rows 40.0 %)"));

        tab.filterEdit()->setText(QStringLiteral("good"));
        QCOMPARE(tab.tableView()->model()->rowCount(), 0);
        tab.filterColumnBox()->setCurrentIndex(0); // all columns
        QCOMPARE(datasetRowsInViewOrder(tab), (QList<int>{0, 2, 4}));

        tab.filterEdit()->clear();
        QCOMPARE(tab.tableView()->model()->rowCount(), 5);
    }

    /// Issue 13 item 11: on numeric columns a number is a value, not a substring, and
    /// comparisons and ranges work; what cannot be read says why.
    void filtersNumbersByValue()
    {
        AppState state;
        DataTab tab(&state);
        state.setDataset(tinyDataset(), {});
        tab.filterEdit()->setText(QStringLiteral(">300"));
        QCOMPARE(datasetRowsInViewOrder(tab), (QList<int>{0, 3}));
        QCOMPARE(tab.rowCountText(),
                 QStringLiteral("Showing 2 of 5 rows · bad rate 50.0 % (all rows 40.0 %)"));
        tab.filterEdit()->setText(QStringLiteral("<= 250"));
        QCOMPARE(datasetRowsInViewOrder(tab), (QList<int>{2, 4}));
        tab.filterEdit()->setText(QStringLiteral("250-600"));
        QCOMPARE(datasetRowsInViewOrder(tab), (QList<int>{0, 2, 4}));
        tab.filterEdit()->setText(QStringLiteral("25")); // not a part of "250"
        QCOMPARE(tab.tableView()->model()->rowCount(), 0);
        tab.filterEdit()->setText(QStringLiteral("1200"));
        QCOMPARE(datasetRowsInViewOrder(tab), (QList<int>{3}));

        tab.filterEdit()->setText(QStringLiteral(">abc"));
        QVERIFY(tab.rowCountText().contains(QStringLiteral("'>' needs a number")));
        tab.filterEdit()->setText(QStringLiteral("600-250"));
        QVERIFY(tab.rowCountText().contains(QStringLiteral("smaller bound first")));
        tab.filterColumnBox()->setCurrentIndex(2);        // purpose
        tab.filterEdit()->setText(QStringLiteral("<ca")); // not a comparison: searched as text
        QCOMPARE(tab.tableView()->model()->rowCount(), 0);
        QVERIFY(tab.rowCountText().contains(QStringLiteral("'<' needs a number")));
        tab.filterEdit()->setText(QStringLiteral(">3"));
        QCOMPARE(tab.tableView()->model()->rowCount(), 0);
        QVERIFY(tab.rowCountText().contains(
            QStringLiteral("comparisons apply to numeric columns; purpose is categorical")));
    }

    void selectsRequestedRowAndClearsHidingFilter()
    {
        AppState state;
        DataTab tab(&state);
        state.setDataset(tinyDataset(), {});
        tab.tableView()->sortByColumn(0, Qt::AscendingOrder);
        tab.filterEdit()->setText(QStringLiteral("car"));

        state.requestRowSelection(4); // visible through the filter: the filter stays
        QCOMPARE(tab.filterEdit()->text(), QStringLiteral("car"));
        QModelIndex current = tab.tableView()->currentIndex();
        QCOMPARE(current.data(DatasetTableModel::DatasetRowRole).toInt(), 4);

        state.requestRowSelection(3); // hidden by the filter: cleared
        QVERIFY(tab.filterEdit()->text().isEmpty());
        current = tab.tableView()->currentIndex();
        QCOMPARE(current.data(DatasetTableModel::DatasetRowRole).toInt(), 3);
        const QModelIndexList selected = tab.tableView()->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().data(DatasetTableModel::DatasetRowRole).toInt(), 3);
        QCOMPARE(current.column(), 0);

        state.requestRowSelection(2, 1); // the cell: row 2, the purpose column
        current = tab.tableView()->currentIndex();
        QCOMPARE(current.data(DatasetTableModel::DatasetRowRole).toInt(), 2);
        QCOMPARE(current.column(), 1);

        QVERIFY(!tab.selectDatasetRow(5));
        QVERIFY(!tab.selectDatasetRow(-1));
    }

    void keepsFilterColumnAcrossReload()
    {
        AppState state;
        DataTab tab(&state);
        state.setDataset(tinyDataset(), {});
        tab.filterColumnBox()->setCurrentIndex(2);
        tab.filterEdit()->setText(QStringLiteral("radio"));
        state.setDataset(tinyDataset(), {});
        QCOMPARE(tab.filterColumnBox()->currentText(), QStringLiteral("purpose"));
        QCOMPARE(datasetRowsInViewOrder(tab), (QList<int>{0}));
    }
};

QTEST_MAIN(TestDataTab)
#include "test_data_tab.moc"
