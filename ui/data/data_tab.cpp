// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "data/data_tab.h"

#include "data/dataset_filter_proxy.h"
#include "data/dataset_table_model.h"
#include "main/app_state.h"
#include "widgets/number_text.h"

#include <QAction>
#include <QComboBox>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace credit::ui {

namespace {

constexpr int kMinColumnWidth = 56;
constexpr int kMaxColumnWidth = 260;
constexpr int kCellPadding = 18;   // item margins plus a little air
constexpr int kHeaderPadding = 34; // room for the sort indicator
constexpr std::size_t kWidthSampleRows = 2000;

} // namespace

DataTab::DataTab(AppState* state, QWidget* parent)
    : TabPage(state, parent), m_model(new DatasetTableModel(this)),
      m_proxy(new DatasetFilterProxy(this)), m_filterEdit(new QLineEdit(this)),
      m_columnBox(new QComboBox(this)), m_countLabel(new QLabel(this)), m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("dataTab"));
    m_proxy->setDatasetModel(m_model);

    auto* filterLabel = new QLabel(tr("&Filter:"), this);
    filterLabel->setBuddy(m_filterEdit);
    m_filterEdit->setObjectName(QStringLiteral("dataFilter"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setPlaceholderText(tr("Text, or >24 / 12-24 on numbers (Ctrl+F)"));
    m_filterEdit->setToolTip(
        tr("Shows the rows whose text contains this, ignoring case.\n"
           "On numeric columns a number is compared by value: 24, >24, >=24, <24, <=24, "
           "or a range such as 12-24.\nType \"missing\" to find missing values."));
    m_filterEdit->setMinimumWidth(260);
    auto* inLabel = new QLabel(tr("&in"), this);
    inLabel->setBuddy(m_columnBox);
    m_columnBox->setObjectName(QStringLiteral("dataFilterColumn"));
    m_columnBox->setToolTip(tr("Search all columns or only one"));
    m_columnBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_countLabel->setObjectName(QStringLiteral("dataRowCount"));

    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filterEdit, 2);
    filterRow->addWidget(inLabel);
    filterRow->addWidget(m_columnBox);
    filterRow->addStretch(1);
    filterRow->addWidget(m_countLabel);

    m_view->setObjectName(QStringLiteral("dataTable"));
    m_view->setModel(m_proxy);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    QHeaderView* header = m_view->horizontalHeader();
    header->setSortIndicatorClearable(true);
    header->setSortIndicator(-1, Qt::AscendingOrder); // dataset order until the user sorts
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_view->setSortingEnabled(true);
    QHeaderView* rows = m_view->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 8);
    rows->setToolTip(tr("Row number in the file"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);

    auto* findAction = new QAction(tr("Filter Rows"), this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WindowShortcut); // only while this tab is visible
    addAction(findAction);
    connect(findAction, &QAction::triggered, this, &DataTab::focusFilter);

    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterText(text);
        updateRowCount();
    });
    connect(m_columnBox, &QComboBox::currentIndexChanged, this, &DataTab::onFilterColumnChanged);
    connect(appState(), &AppState::datasetChanged, this, &DataTab::onDatasetChanged);
    connect(appState(), &AppState::rowSelectionRequested, this, &DataTab::selectDatasetRow);

    onDatasetChanged();
}

QString DataTab::tabId() const
{
    return QStringLiteral("data");
}

QString DataTab::tabTitle() const
{
    return tr("Data");
}

void DataTab::onDatasetChanged()
{
    const std::shared_ptr<const core::Dataset> dataset = appState()->dataset();
    m_model->setDataset(dataset);

    const QSignalBlocker blocker(m_columnBox);
    const QString previous = m_columnBox->currentText();
    m_columnBox->clear();
    m_columnBox->addItem(tr("all columns"), -1);
    if (dataset) {
        for (std::size_t c = 0; c < dataset->columnCount(); ++c) {
            m_columnBox->addItem(QString::fromStdString(dataset->column(c).name()),
                                 static_cast<int>(c));
        }
    }
    const int keep = m_columnBox->findText(previous);
    m_columnBox->setCurrentIndex(std::max(keep, 0));
    m_proxy->setFilterColumnIndex(m_columnBox->currentData().toInt());

    m_filterEdit->setEnabled(dataset != nullptr);
    m_columnBox->setEnabled(dataset != nullptr);
    resizeColumns();
    updateRowCount();
}

void DataTab::onFilterColumnChanged()
{
    m_proxy->setFilterColumnIndex(m_columnBox->currentData().toInt());
    updateRowCount();
}

bool DataTab::selectDatasetRow(int datasetRow, int column)
{
    if (datasetRow < 0 || datasetRow >= m_model->rowCount()) {
        return false;
    }
    const int shownColumn = column >= 0 && column < m_model->columnCount() ? column : 0;
    const QModelIndex source = m_model->index(datasetRow, shownColumn);
    QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid()) {
        m_filterEdit->clear();
        index = m_proxy->mapFromSource(source);
    }
    if (!index.isValid()) {
        return false;
    }
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    return true;
}

void DataTab::focusFilter()
{
    m_filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_filterEdit->selectAll();
}

QString DataTab::rowCountText() const
{
    return m_countLabel->text();
}

void DataTab::updateRowCount()
{
    if (m_model->dataset() == nullptr) {
        m_countLabel->setText(tr("No data loaded: use File ▸ Open…"));
        return;
    }
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    QString text = tr("Showing %1 of %2 rows").arg(locale.toString(shown), locale.toString(total));
    const core::Dataset& dataset = *m_model->dataset();
    if (shown > 0 && shown < total) {
        std::vector<std::size_t> rows;
        rows.reserve(std::size_t(shown));
        for (int row = 0; row < shown; ++row) {
            rows.push_back(std::size_t(m_proxy->mapToSource(m_proxy->index(row, 0)).row()));
        }
        text += tr(" · bad rate %1 (all rows %2)")
                    .arg(percentText(core::positiveRate(dataset, rows)),
                         percentText(dataset.positiveRate()));
    } else if (shown == total) {
        text += tr(" · bad rate %1").arg(percentText(dataset.positiveRate()));
    }
    if (!m_proxy->filterProblem().isEmpty()) {
        text += tr(" · %1").arg(m_proxy->filterProblem());
    } else if (shown == 0 && m_proxy->comparisonOnCategoricalColumn()) {
        text += tr(" · comparisons apply to numeric columns; %1 is categorical")
                    .arg(m_columnBox->currentText());
    }
    m_countLabel->setText(text);
}

void DataTab::resizeColumns()
{
    const core::Dataset* dataset = m_model->dataset();
    if (dataset == nullptr) {
        return;
    }
    // Widths from the level names and a sample of numbers: exact for categoricals and much
    // cheaper than asking the view to measure every cell.
    const QFontMetrics metrics(m_view->font());
    QFont bold = m_view->font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    QFont italic = m_view->font();
    italic.setItalic(true);
    const int missingWidth =
        QFontMetrics(italic).horizontalAdvance(DatasetTableModel::missingText());
    const std::size_t rows = dataset->rowCount();
    const std::size_t step = std::max<std::size_t>(1, rows / kWidthSampleRows);
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const core::Column& column = dataset->column(static_cast<std::size_t>(c));
        const bool target = m_model->isTargetColumn(c);
        const QFontMetrics& cellMetrics = target ? boldMetrics : metrics;
        int width = 0;
        if (column.isNumeric()) {
            for (std::size_t r = 0; r < rows; r += step) {
                width = std::max(width, cellMetrics.horizontalAdvance(
                                            m_model->cellText(static_cast<int>(r), c)));
            }
        } else {
            for (std::int32_t level = 0;
                 level < static_cast<std::int32_t>(column.schema.levels.size()); ++level) {
                width =
                    std::max(width, cellMetrics.horizontalAdvance(m_model->levelText(c, level)));
            }
        }
        if (column.missingCount() > 0) {
            width = std::max(width, missingWidth);
        }
        const QString title = m_model->headerData(c, Qt::Horizontal).toString();
        const int headerWidth = (target ? boldMetrics : metrics).horizontalAdvance(title);
        width = std::max(width + kCellPadding, headerWidth + kHeaderPadding);
        m_view->setColumnWidth(c, std::clamp(width, kMinColumnWidth, kMaxColumnWidth));
    }
}

} // namespace credit::ui
