// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "support/test_output.h"
#include "data/dataset_reader.h"
#include "explore/explore_tab.h"
#include "explore/outlier_table_model.h"
#include "explore/woe_table_model.h"
#include "main/app_state.h"
#include "widgets/chart_widget.h"
#include "widgets/correlation_heatmap.h"

#include <QAbstractAxis>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QBoxPlotSeries>
#include <QChart>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QFontMetrics>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLineSeries>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace credit;

namespace {

template <typename T> T* findSeries(QChart* chart)
{
    const auto all = chart->series();
    for (QAbstractSeries* s : all) {
        if (auto* typed = qobject_cast<T*>(s)) {
            return typed;
        }
    }
    return nullptr;
}

QString axisTitle(QChart* chart, Qt::Alignment alignment)
{
    const auto axes = chart->axes();
    for (QAbstractAxis* axis : axes) {
        if (axis->alignment() == alignment) {
            return axis->titleText();
        }
    }
    return {};
}

} // namespace

class TestExploreTab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString path = QStringLiteral(CREDIT_DATA_DIR "/credit-g.arff");
        m_dataset = std::make_shared<const core::Dataset>(
            core::readDataset(QFile::encodeName(path).toStdString()).dataset);
        m_state = std::make_unique<ui::AppState>();
        m_state->setDataset(m_dataset, path);
        m_tab = std::make_unique<ui::ExploreTab>(m_state.get());
        m_tab->resize(1400, 860);
        m_tab->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_tab.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_tab->isContentReady(), 20000);
        QVERIFY(m_tab->result() != nullptr);
        QCOMPARE(m_tab->tabId(), QStringLiteral("explore"));
    }

    void attributeListSortedByIv()
    {
        QTableView* view = m_tab->attributeView();
        QCOMPARE(view->model()->rowCount(), 20);
        QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("checking_status"));
        double previous = 1e9;
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const double iv = view->model()->index(row, 3).data(Qt::EditRole).toDouble();
            QVERIFY(iv <= previous);
            previous = iv;
        }
        QCOMPARE(view->model()->index(0, 4).data().toString(), QStringLiteral("suspicious"));
        QVERIFY(view->model()->index(0, 4).data(Qt::BackgroundRole).isValid());
    }

    void numericAttribute()
    {
        QVERIFY(m_tab->selectAttribute(QStringLiteral("credit_amount")));
        QCOMPARE(m_tab->currentAttribute(), QStringLiteral("credit_amount"));
        QChart* histogram = m_tab->histogramChart()->chart();
        QVERIFY(!m_tab->histogramChart()->isShowingPlaceholder());
        QCOMPARE(histogram->series().size(), 2); // good and bad areas
        QCOMPARE(histogram->series().at(0)->name(), QStringLiteral("good"));
        QCOMPARE(histogram->series().at(1)->name(), QStringLiteral("bad"));
        QCOMPARE(axisTitle(histogram, Qt::AlignBottom), QStringLiteral("credit_amount (DM)"));
        QCOMPARE(axisTitle(histogram, Qt::AlignLeft), QStringLiteral("Applicants"));
        QVERIFY(histogram->legend()->isVisible());

        QVERIFY(findSeries<QBoxPlotSeries>(m_tab->boxPlotChart()->chart()) != nullptr);
        QCOMPARE(findSeries<QBoxPlotSeries>(m_tab->boxPlotChart()->chart())->count(), 3);

        QChart* badRate = m_tab->badRateChart()->chart();
        auto* bars = findSeries<QBarSeries>(badRate);
        QVERIFY(bars != nullptr);
        QCOMPARE(bars->barSets().at(0)->count(), 5); // 5 quantile bins, no missing values
        QVERIFY(findSeries<QLineSeries>(badRate) != nullptr);
        QCOMPARE(axisTitle(badRate, Qt::AlignLeft), QStringLiteral("bad rate (%)"));

        // The WoE table: 5 bins + total.
        QCOMPARE(m_tab->woeModel()->rowCount(), 6);
        save(QStringLiteral("explore_credit_amount.png"));
    }

    void chartExport()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ui::ChartWidget* chart = m_tab->histogramChart();
        const QString png = dir.filePath(QStringLiteral("h.png"));
        const QString png2 = dir.filePath(QStringLiteral("h2.png"));
        const QString svg = dir.filePath(QStringLiteral("h.svg"));
        QString error;
        QVERIFY2(chart->exportPng(png, 1.0, &error), qPrintable(error));
        QVERIFY2(chart->exportPng(png2, 2.0, &error), qPrintable(error));
        QVERIFY2(chart->exportSvg(svg, &error), qPrintable(error));
        const QImage one(png);
        const QImage two(png2);
        // Exports are drawn at their own size, at least ChartWidget::kMinimumExportSize.
        const QSize exportSize =
            chart->content()->size().expandedTo(ui::ChartWidget::kMinimumExportSize);
        QCOMPARE(chart->exportSize(), exportSize);
        QCOMPARE(one.size(), exportSize);
        QCOMPARE(two.size(), exportSize * 2);
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.contains("credit_amount (DM)"));
        QVERIFY(!chart->exportPng(dir.filePath(QStringLiteral("no/such/dir/x.png")), 1.0, &error));
        QVERIFY(!error.isEmpty());
    }

    void categoricalAttribute()
    {
        QVERIFY(m_tab->selectAttribute(QStringLiteral("purpose")));
        QChart* chart = m_tab->levelChart()->chart();
        QVERIFY(!m_tab->levelChart()->isShowingPlaceholder());
        auto* bars = findSeries<QHorizontalStackedBarSeries>(chart);
        QVERIFY(bars != nullptr);
        QCOMPARE(bars->count(), 2);
        QCOMPARE(bars->barSets().at(0)->count(), 11);
        auto* line = findSeries<QLineSeries>(chart);
        QVERIFY(line != nullptr);
        QCOMPARE(line->count(), 10); // "vacation" has no applicant, hence no rate
        QCOMPARE(axisTitle(chart, Qt::AlignTop), QStringLiteral("bad rate (%)"));
        QCOMPARE(axisTitle(chart, Qt::AlignBottom), QStringLiteral("Applicants"));

        // Declared order from the top: the last category (drawn on top) is the first level.
        QBarCategoryAxis* levels = nullptr;
        for (QAbstractAxis* axis : chart->axes()) {
            if (axis->alignment() == Qt::AlignLeft) {
                levels = qobject_cast<QBarCategoryAxis*>(axis);
            }
        }
        QVERIFY(levels != nullptr);
        QCOMPARE(levels->categories().last(), QStringLiteral("new car"));
        QCOMPARE(levels->categories().first(), QStringLiteral("other"));

        // Bad rate of "new car" counted directly from the data.
        const std::size_t col = *m_dataset->schema().indexOf("purpose");
        double rows = 0;
        double bads = 0;
        for (std::size_t r = 0; r < m_dataset->rowCount(); ++r) {
            if (m_dataset->column(col).codes[r] == 0) {
                rows += 1;
                bads += m_dataset->labels()[r];
            }
        }
        const QPointF top = line->at(line->count() - 1);
        QCOMPARE(top.y(), 10.0); // the top row
        QVERIFY(std::fabs(top.x() - 100.0 * bads / rows) < 1e-9);
        QCOMPARE(m_tab->woeModel()->rowCount(), 12);
        save(QStringLiteral("explore_purpose.png"));

        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("woe.csv"));
        QString error;
        QVERIFY2(m_tab->exportWoeCsv(csv, &error), qPrintable(error));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines =
            QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 13);
        QVERIFY(lines[0].startsWith(QStringLiteral("Bin / level,good,bad")));
        QVERIFY(lines[1].startsWith(QStringLiteral("new car,")));
        QVERIFY(m_tab->exportSummaryCsv(dir.filePath(QStringLiteral("s.csv")), &error));
    }

    void overview()
    {
        m_tab->sections()->setCurrentIndex(1);
        ui::CorrelationHeatmap* heatmap = m_tab->heatmap();
        QCOMPARE(heatmap->size(), 7);
        QCOMPARE(heatmap->value(0, 0), 1.0);
        // duration × credit_amount, Pearson, by the textbook formula.
        const auto& x = m_dataset->column(*m_dataset->schema().indexOf("duration")).numeric;
        const auto& y = m_dataset->column(*m_dataset->schema().indexOf("credit_amount")).numeric;
        const double n = double(x.size());
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (std::size_t i = 0; i < x.size(); ++i) {
            sx += x[i];
            sy += y[i];
            sxx += x[i] * x[i];
            syy += y[i] * y[i];
            sxy += x[i] * y[i];
        }
        const double r = (n * sxy - sx * sy) / std::sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
        QVERIFY(std::fabs(heatmap->value(0, 1) - r) < 1e-9);
        QVERIFY(heatmap->cellToolTip(0, 1).contains(QStringLiteral("Pearson r")));
        const QPoint cell = heatmap->cellAt(heatmap->cellRect(0, 1).center());
        QCOMPARE(cell, QPoint(0, 1));
        QVERIFY(!m_tab->ivRankingChart()->isShowingPlaceholder());
        auto* iv = findSeries<QHorizontalStackedBarSeries>(m_tab->ivRankingChart()->chart());
        QVERIFY(iv != nullptr);
        QCOMPARE(iv->count(), 5); // one set per strength band
        save(QStringLiteral("explore_overview.png"));
    }

    void outlierActivation()
    {
        m_tab->sections()->setCurrentIndex(2);
        QTableView* view = m_tab->outlierView();
        // The row holding the largest credit amount (18424), found directly.
        const auto& amount =
            m_dataset->column(*m_dataset->schema().indexOf("credit_amount")).numeric;
        const int expectedRow =
            int(std::max_element(amount.begin(), amount.end()) - amount.begin());
        QModelIndex target;
        int amountFlags = 0;
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const QModelIndex attribute = view->model()->index(row, 1);
            if (attribute.data().toString() == QStringLiteral("credit_amount")) {
                ++amountFlags;
                if (view->model()->index(row, 2).data(Qt::EditRole).toDouble() == 18424.0) {
                    target = view->model()->index(row, 3);
                }
            }
        }
        QCOMPARE(amountFlags, 72);
        QVERIFY(target.isValid());
        QCOMPARE(target.data().toString(),
                 QStringLiteral("credit_amount = 18424 > Q3 + 1.5·IQR = 7882.4"));
        save(QStringLiteral("explore_outliers.png"));

        QSignalSpy spy(m_state.get(), &ui::AppState::rowSelectionRequested);
        view->setFocus();
        view->setCurrentIndex(target);
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toInt(), expectedRow);
        // …and the column of the flagged value, so the Data tab scrolls to the cell.
        QCOMPARE(spy.at(0).at(1).toInt(), int(*m_dataset->schema().indexOf("credit_amount")));
        QCOMPARE(view->model()->index(target.row(), 0).data().toInt(), expectedRow + 1);

        // z-score, |z| > 3: 25 credit amounts (see test_explore_stats).
        QSignalSpy ready(m_tab.get(), &ui::ExploreTab::outliersReady);
        m_tab->outlierMethodBox()->setCurrentIndex(1);
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 1, 10000);
        int zFlags = 0;
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            zFlags +=
                view->model()->index(row, 1).data().toString() == QStringLiteral("credit_amount");
        }
        QCOMPARE(zFlags, 25);
    }

    void rebinning()
    {
        QVERIFY(m_tab->selectAttribute(QStringLiteral("duration")));
        QCOMPARE(m_tab->woeModel()->rowCount(), 6);
        m_tab->binsSpinBox()->setValue(3);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_tab->isContentReady() && m_tab->result()->params.quantileBins == 3, 10000);
        QCOMPARE(m_tab->currentAttribute(), QStringLiteral("duration")); // selection kept
        QCOMPARE(m_tab->woeModel()->rowCount(), 4);
    }

    /// Issue 13 items 4 and 17: at 10 quantile bins of duration the bar labels lost their
    /// first digit ("1.7 %" for 51.7 %) and every category label read "…", in the window and
    /// in the SVG export.
    void tenBinsKeepEveryLabelWhole()
    {
        QVERIFY(m_tab->selectAttribute(QStringLiteral("duration")));
        m_tab->binsSpinBox()->setValue(10);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_tab->isContentReady() && m_tab->result()->params.quantileBins == 10, 10000);
        ui::ChartWidget* widget = m_tab->badRateChart();
        widget->layoutNow();
        auto* bars = findSeries<QBarSeries>(widget->chart());
        QVERIFY(bars != nullptr);
        auto* axis = qobject_cast<QBarCategoryAxis*>(widget->axisAt(Qt::AlignBottom));
        QVERIFY(axis != nullptr);
        QVERIFY(axis->count() >= 6);

        // On screen: a value label shows only when it fits its bar.
        const double perBar =
            widget->chart()->plotArea().width() / axis->count() * bars->barWidth();
        const QFontMetrics metrics(bars->barSets().at(0)->labelFont());
        if (bars->isLabelsVisible()) {
            QVERIFY(metrics.horizontalAdvance(QStringLiteral("51.7 %")) <= perBar);
        }

        QTemporaryDir dir;
        const QString svg = dir.filePath(QStringLiteral("badrate.svg"));
        QString error;
        QVERIFY2(widget->exportSvg(svg, &error), qPrintable(error));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY2(!text.contains(QChar(0x2026)), "an exported label is elided");
        save(QStringLiteral("explore_duration_10_bins.png"));
        m_tab->resize(1024, 640); // squeezed: labels turn or hide, never clip
        widget->layoutNow();
        QVERIFY(!bars->isLabelsVisible() ||
                metrics.horizontalAdvance(QStringLiteral("51.7 %")) <=
                    widget->chart()->plotArea().width() / axis->count() * bars->barWidth());
        save(QStringLiteral("explore_duration_10_bins_small.png"));
        QVERIFY(widget->exportPng(credit::test::testOutput(QStringLiteral("badrate_export.png")), 1.0, &error));
        m_tab->resize(1400, 860);
        for (const QString& category : axis->categories()) {
            const QString plain = QTextDocumentFragment::fromHtml(category).toPlainText();
            QVERIFY2(text.contains(plain.toHtmlEscaped()) || text.contains(plain),
                     qPrintable(plain));
        }
        m_tab->binsSpinBox()->setValue(5);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_tab->isContentReady() && m_tab->result()->params.quantileBins == 5, 10000);
    }

    void datasetReplaced()
    {
        QSignalSpy ready(m_tab.get(), &ui::TabPage::contentReady);
        m_state->setDataset(std::make_shared<const core::Dataset>(
                                m_dataset->subset({0, 1, 2, 3, 4, 5, 6, 7, 8, 9})),
                            QStringLiteral("ten.arff"));
        QVERIFY(!m_tab->isContentReady());
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 1, 10000);
        QCOMPARE(m_tab->result()->rows, std::size_t(10));
    }

    void largeDatasetKeepsGuiResponsive()
    {
        // 300,000 rows: credit-g repeated. The GUI thread must keep running timers while the
        // statistics are computed off it.
        std::vector<std::size_t> rows;
        for (std::size_t i = 0; i < 300'000; ++i) {
            rows.push_back(i % m_dataset->rowCount());
        }
        auto big = std::make_shared<const core::Dataset>(m_dataset->subset(rows));
        int ticks = 0;
        qint64 longestGap = 0;
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0;
        QTimer timer;
        timer.setInterval(10);
        connect(&timer, &QTimer::timeout, this, [&] {
            ++ticks;
            longestGap = std::max(longestGap, clock.elapsed() - last);
            last = clock.elapsed();
        });
        QSignalSpy ready(m_tab.get(), &ui::TabPage::contentReady);
        timer.start();
        last = clock.elapsed();
        m_state->setDataset(big, QStringLiteral("big.arff"));
        QVERIFY(!m_tab->isContentReady());
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 1, 60000);
        const qint64 total = clock.elapsed();
        timer.stop();
        qInfo("300,000 rows: content ready after %lld ms, %d timer ticks, longest GUI gap %lld ms",
              total, ticks, longestGap);
        QCOMPARE(m_tab->result()->rows, std::size_t(300'000));
        QVERIFY(ticks >= 2); // the event loop ran while the job computed
        // The IV is that of credit-g: same shares of every bin.
        QVERIFY(std::fabs(m_tab->result()->find("checking_status")->woe.iv - 0.666012) < 1e-3);
    }

    void cleanupTestCase()
    {
        m_tab.reset();
        m_state.reset();
    }

private:
    void save(const QString& name)
    {
        const QImage image = m_tab->grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(m_dir.isValid());
        QVERIFY(image.save(m_dir.filePath(name)));
        // Kept for a look by eye while developing.
        image.save(credit::test::testOutput(name));
    }

    QTemporaryDir m_dir;
    std::shared_ptr<const core::Dataset> m_dataset;
    std::unique_ptr<ui::AppState> m_state;
    std::unique_ptr<ui::ExploreTab> m_tab;
};

QTEST_MAIN(TestExploreTab)
#include "test_explore_tab.moc"
