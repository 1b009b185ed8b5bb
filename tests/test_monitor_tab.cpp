// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// The Monitor tab (issue 15 item 4), offscreen: after a batch of the training applicants and
// one of shifted applicants are logged, the tab shows their volume, the PSI/CSI table worst
// first with the shifted attributes red, the attribute clicked against training, and, after
// File ▸ Import Outcomes, the realised figures and the back-test. Grabs are kept in /tmp for a
// look (monitor_tab_*.png).
#include "data/dataset_reader.h"
#include "main/app_state.h"
#include "main/main_window.h"
#include "monitor/drift_table_model.h"
#include "monitor/monitor_tab.h"
#include "monitor/prediction_log.h"
#include "monitor/score_record.h"
#include "widgets/chart_widget.h"

#include "support/applicant_of.h"
#include "support/quick_model.h"

#include <QAction>
#include <QChart>
#include <QColor>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace credit;

namespace {

/// Scores every row of `data` (age and amount shifted when `shift`) into `log`, one batch.
void logBatch(core::PredictionLog& log, const core::ModelBundle& bundle, const core::Dataset& data,
              bool shift, int firstId, const std::string& time = {})
{
    const core::Scorer scorer(bundle);
    const core::ModelIdentity model = core::modelIdentity(bundle, "m.crs");
    const std::string batch = core::newRequestId();
    for (std::size_t row = 0; row < data.rowCount(); ++row) {
        core::Applicant a = test::applicantOf(data, row);
        if (shift) {
            a["age"] = std::to_string(std::stoi(a["age"]) + 15);
            a["credit_amount"] = std::to_string(2 * std::stod(a["credit_amount"]));
        }
        a["id"] = std::to_string(firstId + int(row));
        core::PredictionRecord r =
            core::predictionRecord(scorer.score(a, false), a, model, "batch", batch, "id", 0.5);
        if (!time.empty()) {
            r.time = time;
        }
        log.append(std::move(r));
    }
    log.flush();
}

} // namespace

class TestMonitorTab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_logPath = m_dir.filePath(QStringLiteral("log.sqlite"));
        qputenv("CREDIT_RISK_LOG", m_logPath.toUtf8());
        m_data = std::make_shared<const core::Dataset>(
            core::readDataset(CREDIT_DATA_DIR "/credit-g.arff").dataset);
        m_bundle = test::quickLrBundle(*m_data, 3);
    }

    void showsAPeriodAfterABatch()
    {
        {
            core::PredictionLog log(m_logPath.toStdString());
            // Ten days ago.
            logBatch(log, *m_bundle, *m_data, false, 1, core::timeBefore("10d"));
        }
        ui::AppState state;
        state.setModelBundle(m_bundle, m_dir.filePath(QStringLiteral("m.crs")));
        ui::MonitorTab tab(&state);
        tab.resize(1024, 700);
        QVERIFY(!tab.isContentReady()); // loads on first show
        tab.show();
        QTRY_VERIFY_WITH_TIMEOUT(tab.isContentReady(), 60000);
        QCOMPARE(tab.logPath(), m_logPath);
        QCOMPARE(tab.summary().summary.rows, std::size_t(1000));
        QCOMPARE(tab.summary().modelId, core::modelIdentity(*m_bundle, "m.crs").id);
        QVERIFY(!tab.volumeChart()->isShowingPlaceholder());
        QVERIFY(tab.analysis().hasDrift);
        // The training applicants again: every light green.
        QCOMPARE(tab.driftTable()->model()->rowCount(), 21);
        QCOMPARE(tab.analysis().drift.worst(), core::DriftLevel::Stable);
        QVERIFY(!tab.scoreChart()->isShowingPlaceholder());
        QCOMPARE(tab.analysis().estimate.rows, std::size_t(1000));
        QVERIFY(!tab.analysis().hasRealised);
        tab.grab().save(QStringLiteral("/tmp/monitor_tab_training.png"));

        // A shifted batch now, and the period narrowed to the last 7 days.
        {
            core::PredictionLog log(m_logPath.toStdString());
            logBatch(log, *m_bundle, *m_data, true, 5001);
        }
        tab.groupCombo()->setCurrentIndex(3); // per batch
        QTRY_VERIFY_WITH_TIMEOUT(tab.isContentReady(), 60000);
        QCOMPARE(tab.summary().summary.periods.size(), std::size_t(2));
        QCOMPARE(tab.summary().summary.rows, std::size_t(2000));
        tab.periodCombo()->setCurrentIndex(2); // last 7 days
        QTRY_VERIFY_WITH_TIMEOUT(tab.isContentReady(), 60000);
        QCOMPARE(tab.summary().summary.rows, std::size_t(1000));
        QCOMPARE(tab.summary().summary.periods.size(), std::size_t(1));
        const core::DriftReport& drift = tab.analysis().drift;
        QVERIFY(drift.attributes[0].name == "age" || drift.attributes[0].name == "credit_amount");
        QCOMPARE(drift.attributes[0].level, core::DriftLevel::Shifted);
        QCOMPARE(drift.attributes[1].level, core::DriftLevel::Shifted);
        QCOMPARE(drift.attributes[2].level, core::DriftLevel::Stable);
        // Row 1 = the worst attribute (row 0 is the score); a click shows it against training.
        const QModelIndex level = tab.driftTable()->model()->index(1, ui::DriftTableModel::Level);
        QCOMPARE(level.data(Qt::DecorationRole).value<QColor>(),
                 ui::DriftTableModel::levelColour(core::DriftLevel::Shifted));
        tab.driftTable()->selectRow(2);
        QVERIFY(tab.attributeChart()->chart()->title().contains(
            QString::fromStdString(drift.attributes[1].name)));
        tab.grab().save(QStringLiteral("/tmp/monitor_tab_shifted.png"));
        // The table as CSV, numbers at full precision.
        const QString csv = m_dir.filePath(QStringLiteral("drift.csv"));
        QString error;
        QVERIFY2(tab.exportDriftCsv(csv, &error), qPrintable(error));
        QFile written(csv);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = written.readAll().split('\n');
        QVERIFY(lines.at(0).startsWith("Figure,PSI / CSI,p-value,Level,Rows"));
        QVERIFY2(lines.at(2).startsWith(drift.attributes[0].name.c_str()), lines.at(2).constData());
        QVERIFY(lines.at(2).contains("shifted"));

        // Outcomes for the first batch: realised figures and the back-test appear.
        const QString outcomes = m_dir.filePath(QStringLiteral("outcomes.csv"));
        QFile file(outcomes);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("id,outcome\n");
        for (std::size_t row = 0; row < m_data->rowCount(); ++row) {
            file.write(QByteArray::number(qulonglong(row + 1)) +
                       (m_data->labels()[row] == 1 ? ",bad\n" : ",good\n"));
        }
        file.close();
        tab.periodCombo()->setCurrentIndex(0); // all records
        QTRY_VERIFY_WITH_TIMEOUT(tab.isContentReady(), 60000);
        const QString message = tab.importOutcomes(outcomes);
        QVERIFY2(message.contains(QStringLiteral("1000 records")), qPrintable(message));
        QTRY_VERIFY_WITH_TIMEOUT(tab.isContentReady(), 60000);
        QVERIFY(tab.analysis().hasRealised);
        QCOMPARE(tab.analysis().realised.rows, std::size_t(1000));
        QVERIFY(tab.analysis().realised.auc.estimate > 0.7);
        QCOMPARE(tab.analysis().grades.size(), std::size_t(5));
        // Each page, for a look.
        auto* pages = tab.findChild<QTabWidget*>();
        QVERIFY(pages != nullptr);
        for (int page = 0; page < pages->count(); ++page) {
            pages->setCurrentIndex(page);
            tab.grab().save(QStringLiteral("/tmp/monitor_tab_outcomes_%1.png").arg(page));
        }
    }

    void inTheMainWindowWithImportOutcomes()
    {
        ui::AppState state;
        ui::MainWindow window(&state);
        QVERIFY(window.tabIds().contains(QStringLiteral("monitor")));
        QVERIFY(window.findChild<QAction*>(QStringLiteral("importOutcomesAction")) != nullptr);
    }

    void aMissingLogIsSaidSo()
    {
        qputenv("CREDIT_RISK_LOG", m_dir.filePath(QStringLiteral("none.sqlite")).toUtf8());
        ui::AppState state;
        ui::MonitorTab tab(&state);
        tab.show();
        QTRY_VERIFY_WITH_TIMEOUT(tab.isContentReady(), 60000);
        QVERIFY(tab.statusLabel()->text().contains(QStringLiteral("no prediction log")));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("none.sqlite"))));
        qputenv("CREDIT_RISK_LOG", m_logPath.toUtf8());
    }

private:
    QTemporaryDir m_dir;
    QString m_logPath;
    std::shared_ptr<const core::Dataset> m_data;
    std::shared_ptr<const core::ModelBundle> m_bundle;
};

QTEST_MAIN(TestMonitorTab)
#include "test_monitor_tab.moc"
