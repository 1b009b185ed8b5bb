// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// The Score tab, offscreen: form round trip against direct scoring, validation, what-if,
// applicant JSON, the PDF decision sheet and batch scoring.
#include "score/score_tab.h"

#include "common/atomic_file.h"
#include "data/csv_writer.h"
#include "data/dataset_reader.h"
#include "io/model_bundle.h"
#include "main/app_state.h"
#include "train/training_job.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace credit;

class TestScoreTab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_data = std::make_shared<const core::Dataset>(
            core::readDataset(CREDIT_DATA_DIR "/credit-g.arff").dataset);
        core::TrainingParams params;
        params.algorithms = {"lr"};
        params.folds = 5;
        params.repeats = 1;
        params.trials = 1;
        params.threads = 2;
        const core::TrainingResult result = core::TrainingJob(params).run(*m_data);
        m_bundle = std::make_shared<const core::ModelBundle>(
            core::ModelBundle::fromTraining(result, *m_data));
        m_state.setDataset(m_data, QStringLiteral(CREDIT_DATA_DIR "/credit-g.arff"));
        m_state.setModelBundle(m_bundle);
        m_tab = std::make_unique<ui::ScoreTab>(&m_state);
        m_tab->resize(1400, 950);
        m_tab->show();
        QVERIFY(m_tab->hasModel());
    }

    void formRoundTripMatchesDirectScoring()
    {
        // Every row typed through the form scores exactly like the row scored directly.
        const core::Vector direct = m_bundle->model().predictProba(*m_data);
        for (int row = 0; row < 400; ++row) {
            QVERIFY(m_tab->loadDatasetRow(row));
            const auto& r = m_tab->result();
            QVERIFY(r && r->valid());
            QVERIFY2(std::fabs(r->pd - direct[row]) < 1e-12,
                     qPrintable(QStringLiteral("row %1: %2 vs %3").arg(row).arg(r->pd).arg(
                         direct[row])));
            QCOMPARE(r->reject, direct[row] > m_bundle->threshold);
        }
        // The widgets hold the values: read them back for one row.
        QVERIFY(m_tab->loadDatasetRow(7));
        const core::Applicant shown = m_tab->applicant();
        QCOMPARE(shown.at("checking_status"), m_data->column(0).text(7));
        QCOMPARE(std::stod(shown.at("duration")), m_data->column(1).numeric[7]);
        auto* combo = qobject_cast<QComboBox*>(m_tab->fieldWidget(QStringLiteral("checking_status")));
        QVERIFY(combo);
        // Human meanings in the combo (data/README.md), raw label kept as data.
        QCOMPARE(combo->itemText(combo->findData(QStringLiteral("<0"))),
                 QStringLiteral("<0 — balance below 0 DM"));
        QVERIFY(combo->toolTip().contains(QStringLiteral("Status of the existing checking account")));
    }

    void invalidFieldBlocksScoring()
    {
        QVERIFY(m_tab->loadDatasetRow(1));
        auto* amount = qobject_cast<QDoubleSpinBox*>(m_tab->fieldWidget(QStringLiteral("credit_amount")));
        QVERIFY(amount);
        amount->setValue(-500);
        QVERIFY(m_tab->result() && !m_tab->result()->valid());
        QVERIFY(m_tab->fieldError(QStringLiteral("credit_amount"))->isVisible());
        QVERIFY(m_tab->fieldError(QStringLiteral("credit_amount"))->text().contains(
            QStringLiteral("must not be negative")));
        QVERIFY(m_tab->resultLabel()->text().contains(QStringLiteral("Cannot score")));
        amount->setValue(2000);
        QVERIFY(m_tab->result()->valid());
        QVERIFY(!m_tab->fieldError(QStringLiteral("credit_amount"))->isVisible());
    }

    void whatIfKeepsPrevious()
    {
        QVERIFY(m_tab->loadDatasetRow(2));
        const double before = m_tab->result()->pd;
        auto* duration = qobject_cast<QDoubleSpinBox*>(m_tab->fieldWidget(QStringLiteral("duration")));
        duration->setValue(100); // beyond the training maximum of 72 months
        const auto& r = m_tab->result();
        QVERIFY(r && r->valid());
        QVERIFY(m_tab->previousResult());
        QCOMPARE(m_tab->previousResult()->pd, before);
        QVERIFY(r->pd != before);
        QCOMPARE(r->outOfRange.size(), std::size_t(1));
        QVERIFY(m_tab->resultLabel()->text().contains(QStringLiteral("Before the last change")));
    }

    void applicantJsonRoundTrip()
    {
        QTemporaryDir dir;
        QVERIFY(m_tab->loadDatasetRow(11));
        const core::Applicant expected = m_tab->applicant();
        const QString path = dir.filePath(QStringLiteral("a.json"));
        QVERIFY(m_tab->saveApplicantJson(path));
        m_tab->clearForm();
        QVERIFY(m_tab->applicant() != expected);
        QString error;
        QVERIFY2(m_tab->loadApplicantJson(path, &error), qPrintable(error));
        QCOMPARE(m_tab->applicant(), expected);
    }

    void decisionSheetIsOnePage()
    {
        QVERIFY(m_tab->loadDatasetRow(0));
        const QString path = QStringLiteral("/tmp/score_decision_sheet.pdf");
        QFile::remove(path);
        QString error;
        QVERIFY2(m_tab->exportDecisionSheet(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pdf = file.readAll();
        QVERIFY(pdf.startsWith("%PDF"));
        const QRegularExpression page(QStringLiteral("/Type\\s*/Page[^s]"));
        QCOMPARE(QString::fromLatin1(pdf).count(page), 1);
    }

    void batchScoring()
    {
        QTemporaryDir dir;
        const std::string input = dir.filePath(QStringLiteral("in.csv")).toStdString();
        core::writeCsv(m_data->subset({0, 1, 2}), input);
        core::writeFileAtomically(input, core::readWholeFile(input) + "x,y\r\n");
        const std::string before = core::readWholeFile(input);
        QSignalSpy finished(m_tab.get(), &ui::ScoreTab::batchFinished);
        m_tab->startBatch(QString::fromStdString(input), dir.filePath(QStringLiteral("out.csv")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(finished.at(0).at(0).toString(), QString());
        QCOMPARE(core::readWholeFile(input), before);
        const std::string out =
            core::readWholeFile(dir.filePath(QStringLiteral("out.csv")).toStdString());
        QVERIFY(out.find("expected 21 fields, found 2") != std::string::npos);
        QCOMPARE(std::count(out.begin(), out.end(), '\n'), 5);
    }

    void grab()
    {
        QVERIFY(m_tab->loadDatasetRow(0));
        // Let layouts and charts process their pending layout requests before painting.
        for (int i = 0; i < 5; ++i) {
            QCoreApplication::processEvents();
        }
        QVERIFY(m_tab->grab().save(QStringLiteral("/tmp/score_tab.png")));
    }

private:
    ui::AppState m_state;
    std::shared_ptr<const core::Dataset> m_data;
    std::shared_ptr<const core::ModelBundle> m_bundle;
    std::unique_ptr<ui::ScoreTab> m_tab;
};

QTEST_MAIN(TestScoreTab)
#include "test_score_tab.moc"
