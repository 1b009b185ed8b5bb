// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// The Score tab, offscreen: form round trip against direct scoring, validation, what-if,
// whole-number fields, points and grades following the scorecard settings, applicant JSON,
// the PDF decision sheet and its layout, and batch scoring.
#include "support/test_output.h"
#include "score/score_tab.h"

#include "common/atomic_file.h"
#include "data/csv_writer.h"
#include "data/dataset_reader.h"
#include "io/model_bundle.h"
#include "main/app_state.h"
#include "score/decision_sheet.h"
#include "support/quick_model.h"
#include "threshold/scorecard_dialog.h"
#include "train/model_file_actions.h"
#include "train/training_job.h"
#include "widgets/chart_widget.h"

#include <QBarCategoryAxis>
#include <QBuffer>
#include <QChart>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFontMetrics>
#include <QLabel>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <tuple>

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
        m_bundle = test::quickLrBundle(*m_data);
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
                     qPrintable(
                         QStringLiteral("row %1: %2 vs %3").arg(row).arg(r->pd).arg(direct[row])));
            QCOMPARE(r->reject, direct[row] > m_bundle->policy.threshold);
        }
        // The widgets hold the values: read them back for one row.
        QVERIFY(m_tab->loadDatasetRow(7));
        const core::Applicant shown = m_tab->applicant();
        QCOMPARE(shown.at("checking_status"), m_data->column(0).text(7));
        QCOMPARE(std::stod(shown.at("duration")), m_data->column(1).numeric[7]);
        auto* combo =
            qobject_cast<QComboBox*>(m_tab->fieldWidget(QStringLiteral("checking_status")));
        QVERIFY(combo);
        // Human meanings in the combo (data/README.md), raw label kept as data.
        QCOMPARE(combo->itemText(combo->findData(QStringLiteral("<0"))),
                 QStringLiteral("<0 — balance below 0 DM"));
        QVERIFY(
            combo->toolTip().contains(QStringLiteral("Status of the existing checking account")));
    }

    void invalidFieldBlocksScoring()
    {
        QVERIFY(m_tab->loadDatasetRow(1));
        auto* amount =
            qobject_cast<QDoubleSpinBox*>(m_tab->fieldWidget(QStringLiteral("credit_amount")));
        QVERIFY(amount);
        amount->setValue(-500);
        QVERIFY(m_tab->result() && !m_tab->result()->valid());
        QVERIFY(m_tab->fieldError(QStringLiteral("credit_amount"))->isVisible());
        QVERIFY(m_tab->fieldError(QStringLiteral("credit_amount"))
                    ->text()
                    .contains(QStringLiteral("must not be negative")));
        QVERIFY(m_tab->resultLabel()->text().contains(QStringLiteral("Cannot score")));
        amount->setValue(2000);
        QVERIFY(m_tab->result()->valid());
        QVERIFY(!m_tab->fieldError(QStringLiteral("credit_amount"))->isVisible());
    }

    void whatIfKeepsPrevious()
    {
        QVERIFY(m_tab->loadDatasetRow(2));
        const double before = m_tab->result()->pd;
        auto* duration =
            qobject_cast<QDoubleSpinBox*>(m_tab->fieldWidget(QStringLiteral("duration")));
        duration->setValue(100); // beyond the training maximum of 72 months
        const auto& r = m_tab->result();
        QVERIFY(r && r->valid());
        QVERIFY(m_tab->previousResult());
        QCOMPARE(m_tab->previousResult()->pd, before);
        QVERIFY(r->pd != before);
        QCOMPARE(r->outOfRange.size(), std::size_t(1));
        QVERIFY(m_tab->resultLabel()->text().contains(QStringLiteral("Before the last change")));
    }

    void previousIsRescoredWhenTheModelChanges()
    {
        // Issue 13 item 2: after a what-if step, switching the model must not leave the old
        // model's PD on the "before" line; both lines then describe the new model.
        QVERIFY(m_tab->loadDatasetRow(2));
        const double rowPdOld = m_tab->result()->pd;
        auto* duration =
            qobject_cast<QDoubleSpinBox*>(m_tab->fieldWidget(QStringLiteral("duration")));
        duration->setValue(60);
        QCOMPARE(m_tab->previousResult()->pd, rowPdOld);

        const auto other = test::quickLrBundle(*m_data, 3);
        m_state.setModelBundle(other);
        QVERIFY(m_tab->previousResult());
        const double previousNew = m_tab->previousResult()->pd;
        QVERIFY(previousNew != rowPdOld); // a different fit gives a different PD
        const double currentNew = m_tab->result()->pd;
        QVERIFY(m_tab->loadDatasetRow(2));
        QCOMPARE(m_tab->result()->pd, previousNew); // row 2 under the new model
        QCOMPARE(m_tab->previousResult()->pd, currentNew);
        m_state.setModelBundle(m_bundle);
    }

    /// Issue 15: every score of the form is logged (source gui); a log that cannot be written
    /// leaves the score on screen with a visible warning.
    void everyScoreIsLoggedOrSaysItIsNot()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("gui.sqlite"));
        qputenv("CREDIT_RISK_LOG", QFile::encodeName(path));
        {
            ui::AppState state;
            state.setDataset(m_data, QStringLiteral(CREDIT_DATA_DIR "/credit-g.arff"));
            state.setModelBundle(m_bundle, QStringLiteral("/tmp/risk.crs"));
            ui::ScoreTab tab(&state);
            QVERIFY(tab.loadDatasetRow(4));
            QVERIFY(tab.predictionLogInUse() != nullptr);
            QVERIFY(tab.logProblem().isEmpty());
            const double pd = tab.result()->pd;
            std::vector<core::StoredPrediction> rows;
            tab.predictionLogInUse()->read({}, {}, [&](const auto& row) { rows.push_back(row); });
            QVERIFY(!rows.empty());
            QCOMPARE(rows.back().record.source, std::string("gui"));
            QCOMPARE(rows.back().record.pd, pd);
            QVERIFY(rows.back().record.modelName.find("risk.crs") != std::string::npos);
        }
        {
            // Scoring with another algorithm of the bundle than its selected one: the records
            // carry that model's own id, so the Monitor never compares them with the
            // selected model's drift reference.
            const auto two = test::quickBundle(*m_data, {"lr", "gbdt"});
            ui::AppState state;
            state.setDataset(m_data, QStringLiteral(CREDIT_DATA_DIR "/credit-g.arff"));
            state.setModelBundle(two, QStringLiteral("/tmp/two.crs"));
            const QString other =
                two->selected == "lr" ? QStringLiteral("gbdt") : QStringLiteral("lr");
            ui::ScoreTab tab(&state);
            QVERIFY(tab.loadDatasetRow(1));
            state.setCurrentAlgorithm(other);
            QVERIFY(tab.loadDatasetRow(2));
            std::vector<core::StoredPrediction> rows;
            tab.predictionLogInUse()->read({}, {}, [&](const auto& row) { rows.push_back(row); });
            QVERIFY(rows.size() >= 2);
            const core::ModelIdentity selected = core::modelIdentity(*two, "two.crs");
            // The score before the switch (a switch rescores the form, which is logged too).
            QVERIFY(std::any_of(rows.begin(), rows.end(),
                                [&](const auto& r) { return r.record.modelId == selected.id; }));
            QCOMPARE(rows.back().record.modelId, selected.id + "-" + other.toStdString());
            QVERIFY(rows.back().record.modelName.rfind(other.toStdString() + " · ", 0) == 0);
        }
        qputenv("CREDIT_RISK_LOG", "/proc/credit-risk/gui.sqlite");
        {
            ui::AppState state;
            state.setDataset(m_data, QStringLiteral(CREDIT_DATA_DIR "/credit-g.arff"));
            state.setModelBundle(m_bundle);
            ui::ScoreTab tab(&state);
            QVERIFY(tab.loadDatasetRow(4));
            QVERIFY(tab.result()->valid()); // scored all the same
            QVERIFY(!tab.logProblem().isEmpty());
            QVERIFY(tab.flagsText().contains(QStringLiteral("not logged")));
        }
        qunsetenv("CREDIT_RISK_LOG");
    }

    void wholeNumberFieldsShowNoDecimals()
    {
        // Decided from the training data: every numeric attribute of German Credit holds
        // whole numbers only.
        for (const char* name : {"duration", "credit_amount", "installment_commitment",
                                 "residence_since", "age", "existing_credits", "num_dependents"}) {
            auto* spin =
                qobject_cast<QDoubleSpinBox*>(m_tab->fieldWidget(QString::fromLatin1(name)));
            QVERIFY2(spin, name);
            QVERIFY2(spin->decimals() == 0, name);
        }
        QVERIFY(m_tab->loadDatasetRow(0));
        QCOMPARE(m_tab->applicant().at("credit_amount"), std::string("1169"));

        // A model trained on real-valued amounts keeps the decimals for that field only.
        std::vector<core::Column> columns = m_data->columns();
        const auto amount = *m_data->schema().indexOf("credit_amount");
        for (double& v : columns[amount].numeric) {
            v += 0.25;
        }
        const auto data = std::make_shared<const core::Dataset>(
            core::Dataset::create(columns, core::TargetSpec{}, "real.csv"));
        const auto quickBundle = test::quickLrBundle(*data, 3);
        ui::AppState state;
        state.setModelBundle(quickBundle);
        ui::ScoreTab tab(&state);
        auto* real =
            qobject_cast<QDoubleSpinBox*>(tab.fieldWidget(QStringLiteral("credit_amount")));
        auto* whole = qobject_cast<QDoubleSpinBox*>(tab.fieldWidget(QStringLiteral("duration")));
        QVERIFY(real && whole);
        QCOMPARE(real->decimals(), 2);
        QCOMPARE(whole->decimals(), 0);
        real->setValue(1234.75);
        QCOMPARE(tab.applicant().at("credit_amount"), std::string("1234.75"));
    }

    void cutoffNamedWithItsScale()
    {
        // Issue 13 item 8: the cut-off reads as in the Threshold and Evaluate tabs, with the
        // scale named, before and after a prior correction of the policy.
        QVERIFY(m_tab->loadDatasetRow(3));
        const auto shows = [this] {
            return m_tab->resultLabel()->text().contains(
                QString::fromStdString(core::cutoffText(m_state.policy())).toHtmlEscaped());
        };
        QVERIFY2(shows(), qPrintable(m_tab->resultLabel()->text()));
        core::DecisionPolicy corrected = m_state.policy();
        corrected.populationBadRate = 0.05;
        m_state.setPolicy(corrected);
        QVERIFY(core::cutoffText(m_state.policy()).find("population scale") != std::string::npos);
        QVERIFY2(shows(), qPrintable(m_tab->resultLabel()->text()));
        corrected.populationBadRate = core::DecisionPolicy::kNaN;
        m_state.setPolicy(corrected);
    }

    void pointsAndGradesFollowTheScorecardSettings()
    {
        QVERIFY(m_tab->loadDatasetRow(3));
        const double pd = m_tab->result()->pd;
        const core::ScorecardScale defaults;
        QVERIFY(std::fabs(m_tab->result()->points - defaults.points(pd)) < 1e-9);
        QVERIFY(m_tab->legendLabel()->text().contains(QStringLiteral("20 points double")));

        // Changing PDO in the Threshold tab's dialog: the Score tab rescores at once.
        ui::ScorecardDialog dialog(&m_state);
        dialog.pointsToDoubleSpin()->setValue(40.0);
        const core::ScorecardScale scale{600.0, 50.0, 40.0};
        QCOMPARE(m_tab->result()->pd, pd);
        QVERIFY(std::fabs(m_tab->result()->points - scale.points(pd)) < 1e-9);
        QVERIFY(m_tab->resultLabel()->text().contains(
            QStringLiteral("<b>%1</b> points").arg(scale.points(pd), 0, 'f', 0)));
        QVERIFY(m_tab->legendLabel()->text().contains(QStringLiteral("40 points double")));

        // Grade bounds: put the applicant's PD into grade A.
        const double bound = std::ceil(pd * 100.0 + 1.0); // in %, above the PD
        for (int i = 3; i >= 0; --i) {
            dialog.gradeSpin(i)->setValue(std::min(99.0, bound + i));
        }
        QCOMPARE(m_tab->result()->grade, std::string("A"));
        QVERIFY(m_tab->legendLabel()->text().contains(
            QStringLiteral("A: PD &lt; %1 %").arg(bound, 0, 'g', 4)));
        // An invalid order is not applied: the tab keeps grade A.
        dialog.gradeSpin(1)->setValue(bound - 0.5);
        QVERIFY(!dialog.gradeError(1)->isHidden());
        QCOMPARE(m_tab->result()->grade, std::string("A"));
        dialog.gradeSpin(1)->setValue(bound + 1.0);

        // File ▸ Save Model writes them; scoring the saved model (CLI, batch) gives the same.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("scaled.crsmodel"));
        ui::ModelFileActions actions(&m_state, m_tab.get());
        QString error;
        QVERIFY2(actions.saveFile(path, &error), qPrintable(error));
        const core::ModelBundle saved = core::ModelBundle::load(path.toStdString());
        QCOMPARE(saved.policy.scale.pointsToDouble, 40.0);
        QCOMPARE(saved.policy.grading.grades().front().upperPd, bound / 100.0);
        const core::ScoreResult again = core::Scorer(saved).score(m_tab->applicant());
        QCOMPARE(again.grade, std::string("A"));
        QVERIFY(std::fabs(again.points - m_tab->result()->points) < 1e-9);

        dialog.restoreDefaults();
        QVERIFY(std::fabs(m_tab->result()->points - defaults.points(pd)) < 1e-9);
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
        const QString path = credit::test::testOutput(QStringLiteral("score_decision_sheet.pdf"));
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

    void dataRowThatDoesNotFitTheModelIsRefused()
    {
        // credit-g as CSV with duration "six" on line 118, opened with duration read as
        // categorical: loading that row must name the field, never score a duration of 0.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string csvPath = dir.filePath(QStringLiteral("credit.csv")).toStdString();
        core::writeCsv(*m_data, csvPath);
        QFile file(QString::fromStdString(csvPath));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = file.readAll().split('\n');
        file.close();
        QVERIFY(lines[0].startsWith("checking_status,duration,"));
        QList<QByteArray> fields = lines[117].split(',');
        fields[1] = "six";
        lines[117] = fields.join(',');
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(lines.join('\n'));
        file.close();
        core::ReadOptions options;
        options.categoricalColumns = {"duration"};
        auto typo =
            std::make_shared<const core::Dataset>(core::readDataset(csvPath, options).dataset);
        m_state.setDataset(typo, QString::fromStdString(csvPath));

        QVERIFY(m_tab->loadDatasetRow(0));
        const core::Applicant before = m_tab->applicant();
        QString error;
        QVERIFY(!m_tab->loadDatasetRow(116, &error)); // data row 117 = line 118
        QVERIFY2(error.contains(QStringLiteral("duration: 'six' is not a number")),
                 qPrintable(error));
        QCOMPARE(m_tab->applicant(), before);
        QVERIFY(!m_tab->loadDatasetRow(5000, &error));
        QVERIFY2(error.contains(QStringLiteral("5001")), qPrintable(error));
        m_state.setDataset(m_data, QStringLiteral(CREDIT_DATA_DIR "/credit-g.arff"));
    }

    void applicantJsonThatDoesNotFitIsRefused()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(m_tab->loadDatasetRow(2));
        const core::Applicant before = m_tab->applicant();
        const QString path = dir.filePath(QStringLiteral("foo.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"foo\": 1}");
        file.close();
        QString error;
        QVERIFY(!m_tab->loadApplicantJson(path, &error));
        QVERIFY2(error.contains(QStringLiteral("checking_status: a value is required")),
                 qPrintable(error));
        QCOMPARE(m_tab->applicant(), before);
    }

    void decisionSheetLayoutKeepsColumnsApart()
    {
        // An applicant with long labels and long values.
        QVERIFY(m_tab->loadDatasetRow(0));
        core::Applicant a = m_tab->applicant();
        a["checking_status"] = "0<=X<200";
        a["credit_history"] = "critical/other existing credit";
        a["purpose"] = "domestic appliance";
        a["other_payment_plans"] = "stores";
        a["personal_status"] = "female div/dep/mar";
        a["num_dependents"] = "2";
        m_tab->setApplicant(a);
        QVERIFY(m_tab->result() && m_tab->result()->valid());
        const QString path = credit::test::testOutput(QStringLiteral("score_decision_sheet_long.pdf"));
        QFile::remove(path);
        QString error;
        QVERIFY2(m_tab->exportDecisionSheet(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QRegularExpression page(QStringLiteral("/Type\\s*/Page[^s]"));
        QCOMPARE(QString::fromLatin1(file.readAll()).count(page), 1);

        // The layout on the sheet's own device: labels within the label area, values to
        // the right of it and inside the page, every text inside its box, no overlap.
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QPdfWriter pdf(&buffer);
        ui::DecisionSheet::setUpPage(pdf);
        QPainter painter(&pdf);
        painter.setFont(ui::DecisionSheet::bodyFont());
        const int width = painter.viewport().width();
        const QFontMetrics metrics = painter.fontMetrics();
        std::vector<ui::SheetEntry> entries{
            {QStringLiteral("Status of the existing checking account"),
             QStringLiteral("0<=X<200 (0 to under 200 DM)")},
            {QStringLiteral("Number of people liable to provide maintenance for"),
             QStringLiteral("2")},
            {QStringLiteral("Instalment rate in percentage of disposable income (band 1-4)"),
             QStringLiteral("4")},
            {QStringLiteral("Credit history"),
             QStringLiteral("critical/other existing credit (critical account, or other "
                            "credits existing (not at this bank))")},
            {QStringLiteral("Other instalment plans"), QStringLiteral("stores")},
            {QStringLiteral("Purpose of the loan"),
             QStringLiteral("domestic appliance (domestic appliance)")},
            {QStringLiteral("An_attribute_name_without_any_space_that_is_far_too_long_to_fit"),
             QStringLiteral("x")},
        };
        const ui::SheetTableLayout layout =
            ui::DecisionSheet::layoutTable(metrics, entries, width, 100);
        QCOMPARE(layout.rows.size(), entries.size());
        QCOMPARE(layout.labelArea, int(width * ui::DecisionSheet::kLabelShare));
        QVERIFY(layout.labelWidth <= layout.labelArea);
        QVERIFY(layout.valueLeft >=
                layout.labelWidth + metrics.horizontalAdvance(QLatin1Char('M')));
        int previousBottom = 100;
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const ui::SheetRow& row = layout.rows[i];
            QVERIFY(row.label.left() >= 0 && row.label.right() < layout.labelWidth);
            QVERIFY(row.value.left() == layout.valueLeft && row.value.right() < width);
            QVERIFY(row.label.top() >= previousBottom);
            previousBottom = row.label.bottom();
            for (const auto& [rect, flags, text] :
                 {std::tuple{row.label, row.labelFlags, entries[i].label},
                  std::tuple{row.value, row.valueFlags, entries[i].value}}) {
                const QRect needed = metrics.boundingRect(rect, flags, text);
                QVERIFY2(needed.width() <= rect.width() && needed.height() <= rect.height(),
                         qPrintable(text));
            }
        }
        // Long labels wrap onto a second line instead of running into the values.
        QVERIFY(layout.rows[2].label.height() > metrics.height());
        QVERIFY(layout.bottom > layout.rows.back().label.bottom());
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

    void ensembleReasonsOnChartListAndSheet()
    {
        // The soft-vote ensemble (lr, rf, gbdt, svm), the model training selects by default:
        // a rejected applicant gets sentences, the chart numbers exactly those at its top, and
        // the list and the decision sheet name the method.
        core::TrainingParams params;
        params.algorithms = {"ensemble"};
        params.folds = 3;
        params.repeats = 1;
        params.trials = 1;
        params.threads = 2;
        const auto bundle = std::make_shared<const core::ModelBundle>(
            core::ModelBundle::fromTraining(core::TrainingJob(params).run(*m_data), *m_data));
        ui::AppState state;
        state.setDataset(m_data, QStringLiteral(CREDIT_DATA_DIR "/credit-g.arff"));
        state.setModelBundle(bundle);
        ui::ScoreTab tab(&state);
        tab.resize(1400, 950);
        tab.show();
        int row = 0;
        for (; row < 100; ++row) {
            QVERIFY(tab.loadDatasetRow(row));
            if (tab.result()->reject) {
                break;
            }
        }
        QVERIFY(row < 100);
        const core::ScoreResult& r = *tab.result();
        QCOMPARE(r.method, std::string("soft-vote"));
        QVERIFY(!r.reasonTexts.empty());
        QVERIFY(tab.reasonsLabel()->text().contains(QStringLiteral("soft-vote")));
        QVERIFY(tab.reasonsLabel()->text().contains(
            QString::fromStdString(r.reasonTexts.front()).toHtmlEscaped()));
        const auto axes = tab.reasonsChart()->chart()->axes(Qt::Vertical);
        QCOMPARE(axes.size(), 1);
        const QStringList categories = qobject_cast<QBarCategoryAxis*>(axes.front())->categories();
        // Bottom-up axis: the last category is the top bar, reason 1.
        for (std::size_t k = 0; k < r.reasonTexts.size(); ++k) {
            const QString label = categories.at(categories.size() - 1 - int(k));
            QVERIFY2(label.startsWith(QStringLiteral("%1. ").arg(k + 1)), qPrintable(label));
            QVERIFY2(label.contains(QString::fromStdString(r.reasons[k].meaning).toHtmlEscaped()),
                     qPrintable(label));
        }
        QCOMPARE(categories.filter(QRegularExpression(QStringLiteral("^\\d+\\. "))).size(),
                 int(r.reasonTexts.size()));
        const QString path = credit::test::testOutput(QStringLiteral("score_decision_sheet_ensemble.pdf"));
        QString error;
        QVERIFY2(tab.exportDecisionSheet(path, &error), qPrintable(error));
        for (int i = 0; i < 5; ++i) {
            QCoreApplication::processEvents();
        }
        QVERIFY(tab.grab().save(credit::test::testOutput(QStringLiteral("score_tab_ensemble.png"))));
    }

    void grab()
    {
        QVERIFY(m_tab->loadDatasetRow(0));
        // Let layouts and charts process their pending layout requests before painting.
        for (int i = 0; i < 5; ++i) {
            QCoreApplication::processEvents();
        }
        QVERIFY(m_tab->grab().save(credit::test::testOutput(QStringLiteral("score_tab.png"))));
    }

private:
    ui::AppState m_state;
    std::shared_ptr<const core::Dataset> m_data;
    std::shared_ptr<const core::ModelBundle> m_bundle;
    std::unique_ptr<ui::ScoreTab> m_tab;
};

QTEST_MAIN(TestScoreTab)
#include "test_score_tab.moc"
