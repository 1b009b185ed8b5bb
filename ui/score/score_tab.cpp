// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "score/score_tab.h"

#include "common/atomic_file.h"
#include "explain/attribute_glossary.h"
#include "io/model_bundle.h"
#include "main/app_state.h"
#include "score/applicant_form.h"
#include "score/decision_sheet.h"
#include "score/reason_notes.h"
#include "widgets/chart_widget.h"
#include "widgets/file_names.h"
#include "widgets/number_text.h"

#include <QAction>
#include <QBarSet>
#include <QChart>
#include <QCursor>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHorizontalStackedBarSeries>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLegend>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent>

#include <chrono>

#include <algorithm>
#include <cmath>

namespace credit::ui {
namespace {

/// Height of the reasons chart with its ten bars, title, axis and legend readable.
constexpr int kReasonsChartMinimumHeight = 420;

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

ScoreTab::ScoreTab(AppState* state, QWidget* parent)
    : TabPage(state, parent), m_form(new ApplicantForm), m_modelLabel(new QLabel),
      m_resultLabel(new QLabel), m_reasonsLabel(new QLabel), m_flagsLabel(new QLabel),
      m_legendLabel(new QLabel), m_reasonsChart(new ChartWidget), m_rowSpin(new QSpinBox),
      m_scoreButton(new QPushButton(tr("Score"))), m_batchBar(new QProgressBar),
      m_batchLabel(new QLabel), m_batchAction(new QAction(tr("&Batch Score CSV…"), this))
{
    m_batchAction->setObjectName(QStringLiteral("batchScoreAction"));
    m_batchAction->setStatusTip(tr("Score every row of a CSV file into a new CSV file"));

    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_form);
    scroll->setMinimumWidth(420);

    auto* clear = new QPushButton(tr("Clear form"));
    auto* saveJson = new QPushButton(tr("Save applicant…"));
    auto* loadJson = new QPushButton(tr("Load applicant…"));
    auto* loadRow = new QPushButton(tr("Load data row"));
    auto* sheet = new QPushButton(tr("Decision sheet (PDF)…"));
    auto* batch = new QPushButton(tr("Batch score CSV…"));
    m_rowSpin->setRange(1, 1);
    m_rowSpin->setPrefix(tr("row "));
    m_rowSpin->setToolTip(tr("Row of the data (Data tab) to load into the form"));
    auto* buttons = new QGridLayout;
    buttons->addWidget(m_scoreButton, 0, 0);
    buttons->addWidget(clear, 0, 1);
    buttons->addWidget(m_rowSpin, 1, 0);
    buttons->addWidget(loadRow, 1, 1);
    buttons->addWidget(loadJson, 2, 0);
    buttons->addWidget(saveJson, 2, 1);
    buttons->addWidget(sheet, 3, 0);
    buttons->addWidget(batch, 3, 1);
    m_batchBar->setRange(0, 1000);
    m_batchBar->hide();
    m_batchLabel->setWordWrap(true);

    auto* left = new QVBoxLayout;
    m_modelLabel->setWordWrap(true);
    m_modelLabel->setTextFormat(Qt::PlainText);
    left->addWidget(m_modelLabel);
    left->addWidget(scroll, 1);
    left->addLayout(buttons);
    left->addWidget(m_batchBar);
    left->addWidget(m_batchLabel);

    m_resultLabel->setTextFormat(Qt::RichText);
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setObjectName(QStringLiteral("scoreResult"));
    m_reasonsLabel->setTextFormat(Qt::RichText);
    m_reasonsLabel->setWordWrap(true);
    m_flagsLabel->setWordWrap(true);
    m_flagsLabel->setStyleSheet(QStringLiteral("color: #8a5a00;"));
    m_legendLabel->setWordWrap(true);
    m_legendLabel->setObjectName(QStringLiteral("gradeLegend"));
    m_legendLabel->setToolTip(tr("Set the grades and the points scale on the Threshold tab "
                                 "(Scorecard and grades…)."));
    m_reasonsChart->setExportName(QStringLiteral("score_reasons"));
    m_reasonsChart->showPlaceholder(tr("Score an applicant to see the reasons."));
    // The reasons chart needs a row per bar to keep its labels; below that height the result
    // scrolls instead of squeezing the chart until every label reads "…" (1024×700).
    m_reasonsChart->setMinimumSize(480, kReasonsChartMinimumHeight);
    auto* resultBox = new QGroupBox(tr("Result"));
    auto* resultBoxLayout = new QVBoxLayout(resultBox);
    resultBoxLayout->setContentsMargins(0, 0, 0, 0);
    auto* resultScroll = new QScrollArea;
    resultScroll->setObjectName(QStringLiteral("scoreResultScroll"));
    resultScroll->setWidgetResizable(true);
    resultScroll->setFrameShape(QFrame::NoFrame);
    auto* resultPage = new QWidget;
    auto* resultLayout = new QVBoxLayout(resultPage);
    auto* top = new QHBoxLayout;
    top->addWidget(m_resultLabel, 2);
    top->addWidget(m_legendLabel, 1);
    resultLayout->addLayout(top);
    resultLayout->addWidget(m_flagsLabel);
    resultLayout->addWidget(m_reasonsLabel);
    resultLayout->addWidget(m_reasonsChart, 1);
    resultScroll->setWidget(resultPage);
    resultBoxLayout->addWidget(resultScroll);

    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 4);
    layout->addWidget(resultBox, 5);

    connect(m_scoreButton, &QPushButton::clicked, this, &ScoreTab::scoreNow);
    connect(m_form, &ApplicantForm::edited, this, &ScoreTab::scoreNow); // live what-if
    connect(clear, &QPushButton::clicked, this, &ScoreTab::clearForm);
    connect(loadRow, &QPushButton::clicked, this, [this] {
        QString error;
        if (!loadDatasetRow(m_rowSpin->value() - 1, &error)) {
            m_batchLabel->setText(error);
        }
    });
    connect(saveJson, &QPushButton::clicked, this, [this] {
        const QString path = withSuffix(
            QFileDialog::getSaveFileName(this, tr("Save applicant"), {}, tr("Applicant (*.json)")),
            QStringLiteral("json"));
        QString error;
        if (path.isEmpty()) {
            return;
        }
        if (saveApplicantJson(path, &error)) {
            announceSaved(this, path);
        } else {
            m_batchLabel->setText(error);
        }
    });
    connect(loadJson, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Load applicant"), {}, tr("Applicant (*.json)"));
        QString error;
        if (!path.isEmpty() && !loadApplicantJson(path, &error)) {
            m_batchLabel->setText(error);
        }
    });
    connect(sheet, &QPushButton::clicked, this, [this] {
        const QString path = withSuffix(
            QFileDialog::getSaveFileName(this, tr("Save decision sheet"),
                                         QStringLiteral("decision_sheet.pdf"), tr("PDF (*.pdf)")),
            QStringLiteral("pdf"));
        QString error;
        if (path.isEmpty()) {
            return;
        }
        if (exportDecisionSheet(path, &error)) {
            announceSaved(this, path);
        } else {
            m_batchLabel->setText(error);
        }
    });
    connect(batch, &QPushButton::clicked, this, &ScoreTab::batchWithDialog);
    connect(m_batchAction, &QAction::triggered, this, &ScoreTab::batchWithDialog);
    connect(&m_batchWatcher, &QFutureWatcher<BatchOutcome>::progressValueChanged, this,
            [this](int value) {
                m_batchBar->setValue(value);
                emit batchProgress(value / 1000.0);
            });
    connect(&m_batchWatcher, &QFutureWatcher<BatchOutcome>::finished, this, [this] {
        m_batchBar->hide();
        QString message;
        if (m_batchWatcher.isCanceled()) {
            message = tr("Batch scoring cancelled.");
        } else {
            const BatchOutcome outcome = m_batchWatcher.result();
            message = outcome.error;
            m_batchLabel->setText(
                outcome.error.isEmpty()
                    ? tr("Scored %1 of %2 rows (%3 rejected, %4 with errors) in %5 s.")
                              .arg(outcome.result.scored)
                              .arg(outcome.result.rows)
                              .arg(outcome.result.rejected)
                              .arg(outcome.result.failed)
                              .arg(outcome.result.seconds, 0, 'f', 1) +
                          (outcome.logProblem.isEmpty()
                               ? QString()
                               : tr(" ⚠ Not logged: %1").arg(outcome.logProblem))
                    : tr("Batch scoring failed: %1").arg(outcome.error));
        }
        emit batchFinished(message);
    });
    connect(state, &AppState::modelBundleChanged, this, &ScoreTab::rebuildScorer);
    connect(state, &AppState::currentModelChanged, this, &ScoreTab::rebuildScorer);
    connect(state, &AppState::thresholdChanged, this, &ScoreTab::rebuildScorer);
    connect(state, &AppState::policyChanged, this, &ScoreTab::rebuildScorer);
    connect(state, &AppState::datasetChanged, this, [this] {
        const auto dataset = appState()->dataset();
        m_rowSpin->setRange(1, dataset ? int(std::max<std::size_t>(1, dataset->rowCount())) : 1);
    });
    rebuildScorer();
}

ScoreTab::~ScoreTab()
{
    m_batchWatcher.cancel();
    m_batchWatcher.waitForFinished();
}

void ScoreTab::rebuildScorer()
{
    const auto bundle = appState()->modelBundle();
    const auto model = appState()->currentModel();
    if (!bundle || !model) {
        m_scorer.reset();
        m_modelLabel->setText(tr("Train a model (Train tab) or open a model file to score "
                                 "applicants."));
        m_scoreButton->setEnabled(false);
        m_batchAction->setEnabled(false);
        rebuildForm();
        return;
    }
    core::ScoringSettings settings = core::ScoringSettings::fromBundle(*bundle);
    settings.policy = appState()->policy();
    m_scorer = std::make_shared<const core::Scorer>(model, std::move(settings));
    const core::ScoringSettings& s = m_scorer->settings();
    m_modelLabel->setText(
        tr("Model: %1 · reject when %2%3")
            .arg(qs(model->classifier().displayName()), qs(core::cutoffText(s.policy)))
            .arg(s.policy.priorCorrected() ? tr(" · PDs corrected to a population bad rate of %1")
                                                 .arg(percentText(s.policy.populationBadRate, 2))
                                           : tr(" · PDs on the training sample's bad rate")));
    QStringList legend{tr("<b>Risk grades</b> (on the PD):")};
    for (const std::string& line : s.policy.grading.legend()) {
        legend << qs(line).toHtmlEscaped();
    }
    legend << tr("Points: %1 at odds %2:1 (good:bad), %3 points double the odds.")
                  .arg(s.policy.scale.basePoints)
                  .arg(s.policy.scale.baseOdds)
                  .arg(s.policy.scale.pointsToDouble);
    m_legendLabel->setText(legend.join(QStringLiteral("<br>")));
    m_scoreButton->setEnabled(true);
    m_batchAction->setEnabled(true);
    rebuildForm();
    if (m_result) {
        // A new model or policy is not a what-if step: both the current and the previous
        // applicant are scored again, so "before the last change" compares like with like.
        const std::optional<core::Applicant> before = m_previousApplicant;
        scoreNow();
        m_previousApplicant = before;
        m_previous.reset();
        if (before) {
            m_previous = m_scorer->score(*before);
        }
        showResult();
    }
}

void ScoreTab::rebuildForm()
{
    if (!m_form->rebuild(m_scorer.get())) {
        return;
    }
    m_result.reset();
    m_previous.reset();
    m_previousApplicant.reset();
    if (m_scorer) {
        scoreNow(); // the defaults, or the values kept from the previous form
    }
}

core::Applicant ScoreTab::applicant() const
{
    return m_form->applicant();
}

void ScoreTab::setApplicant(const core::Applicant& values)
{
    m_form->setApplicant(values);
    scoreNow();
}

bool ScoreTab::loadDatasetRow(int row, QString* error)
{
    const auto dataset = appState()->dataset();
    if (!dataset || row < 0 || std::size_t(row) >= dataset->rowCount()) {
        if (error) {
            *error = tr("There is no data row %1.").arg(row + 1);
        }
        return false;
    }
    core::Applicant values;
    for (const std::size_t c : dataset->schema().featureIndices()) {
        const core::Column& column = dataset->column(c);
        if (!column.isMissing(std::size_t(row))) {
            values[column.name()] = column.text(std::size_t(row));
        }
    }
    return setApplicantIfScorable(values, tr("Data row %1").arg(row + 1), error);
}

bool ScoreTab::setApplicantIfScorable(const core::Applicant& values, const QString& what,
                                      QString* error)
{
    if (m_scorer) {
        const std::vector<core::FieldIssue> issues = m_scorer->validate(values);
        if (!issues.empty()) {
            QStringList messages;
            for (const core::FieldIssue& issue : issues) {
                messages.append(QString::fromStdString(issue.message));
            }
            if (error) {
                *error = tr("%1 does not fit the model, so the form is unchanged: %2")
                             .arg(what, messages.join(QStringLiteral("; ")));
            }
            return false;
        }
    }
    setApplicant(values);
    return true;
}

void ScoreTab::clearForm()
{
    setApplicant(m_form->defaults());
}

void ScoreTab::scoreNow()
{
    if (!m_scorer || m_form->isEmpty()) {
        return;
    }
    const core::Applicant values = applicant();
    const auto started = std::chrono::steady_clock::now();
    core::ScoreResult r = m_scorer->score(values);
    logScore(r, values,
             std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                 .count());
    if (m_result && m_result->valid()) {
        m_previous = m_result;
        m_previousApplicant = m_resultApplicant;
    }
    m_result = std::move(r);
    m_resultApplicant = values;
    showResult();
    emit scored();
}

QString ScoreTab::flagsText() const
{
    return m_flagsLabel->text();
}

core::PredictionLog* ScoreTab::predictionLog()
{
    if (m_log || !m_logProblem.isEmpty()) {
        return m_log.get();
    }
    const std::string path = core::resolveLogPath({});
    if (path.empty()) {
        return nullptr;
    }
    try {
        m_log = std::make_shared<core::PredictionLog>(path);
        if (!m_log->notice().empty()) {
            emit logNotice(qs(m_log->notice()));
        }
    } catch (const std::exception& error) {
        m_logProblem = QString::fromUtf8(error.what());
    }
    return m_log.get();
}

void ScoreTab::refreshModelIdentity(const core::ModelBundle& bundle)
{
    // The current algorithm, not the bundle's selected one: the analyst may score with another.
    const std::string algorithm = appState()->currentAlgorithm().toStdString();
    if (m_identityOf != &bundle || m_identityAlgorithm != algorithm) {
        m_modelIdentity = core::modelIdentity(
            bundle, QFileInfo(appState()->modelPath()).fileName().toStdString(), algorithm);
        m_identityOf = &bundle;
        m_identityAlgorithm = algorithm;
    }
}

void ScoreTab::logScore(const core::ScoreResult& result, const core::Applicant& values, double ms)
{
    core::PredictionLog* log = predictionLog();
    const auto bundle = appState()->modelBundle();
    if (log == nullptr || !bundle) {
        return;
    }
    refreshModelIdentity(*bundle);
    try {
        log->append(core::predictionRecord(result, values, m_modelIdentity, "gui",
                                           core::newRequestId(), "id", ms));
        log->flush();
        m_logProblem.clear();
    } catch (const core::LogError& error) {
        m_logProblem = QString::fromUtf8(error.what());
    }
}

void ScoreTab::showResult()
{
    m_form->clearMessages();
    if (!m_result) {
        return;
    }
    const core::ScoreResult& r = *m_result;
    if (!r.valid()) {
        QStringList messages;
        for (const core::FieldIssue& issue : r.errors) {
            messages << qs(issue.message);
            m_form->showMessage(issue.field, qs(issue.message), false);
        }
        m_resultLabel->setText(tr("<p style='color:#b00020'><b>Cannot score:</b> fix the fields "
                                  "marked in red.</p><p>%1</p>")
                                   .arg(messages.join(QStringLiteral("<br>")).toHtmlEscaped()));
        m_reasonsLabel->clear();
        m_flagsLabel->clear();
        m_reasonsChart->showPlaceholder(tr("No result: the form has invalid fields."));
        return;
    }
    QString html;
    html += tr("<p style='font-size:15pt'>PD <b>%1</b> &nbsp; <span style='color:%2'><b>%3</b>"
               "</span></p>")
                .arg(percentText(r.pd, 2),
                     r.reject ? QStringLiteral("#b00020") : QStringLiteral("#1b5e20"),
                     r.reject ? tr("REJECT") : tr("ACCEPT"));
    const core::DecisionPolicy& policy = m_scorer->settings().policy;
    html += tr("<p>Risk grade <b>%1</b> · <b>%2</b> points · reject when %3 (%4 points)</p>")
                .arg(qs(r.grade))
                .arg(r.points, 0, 'f', 0)
                .arg(qs(core::cutoffText(policy)).toHtmlEscaped())
                .arg(policy.thresholdPoints(), 0, 'f', 0);
    if (m_previous && m_previous->valid()) {
        html += tr("<p style='color:#555'>Before the last change: PD %1, %2 points, grade %3, "
                   "%4 (change %5 points)</p>")
                    .arg(percentText(m_previous->pd, 2))
                    .arg(m_previous->points, 0, 'f', 0)
                    .arg(qs(m_previous->grade))
                    .arg(m_previous->reject ? tr("reject") : tr("accept"))
                    .arg(r.points - m_previous->points, 0, 'f', 1);
    }
    m_resultLabel->setText(html);
    QStringList flags;
    if (!m_logProblem.isEmpty()) {
        flags << tr("⚠ This score was not logged: %1").arg(m_logProblem);
    }
    for (const core::FieldIssue& issue : r.outOfRange) {
        flags << tr("⚠ Outside the training range: the model extrapolates — %1")
                     .arg(qs(issue.message));
        m_form->showMessage(issue.field, tr("outside the training range"), true);
    }
    m_flagsLabel->setText(flags.join(QLatin1Char('\n')));
    if (!r.hasReasons) {
        m_reasonsLabel->setText(tr("No reasons were computed for this score."));
        m_reasonsChart->showPlaceholder(tr("No reasons for this score."));
        return;
    }
    QStringList lines{tr("<b>Main reasons for the risk</b> (most adverse first):")};
    for (const QString& line : reasonLines(r)) {
        lines << line.toHtmlEscaped();
    }
    if (r.reasonTexts.empty()) {
        lines << tr("No attribute raises the risk above the reference applicant.");
    }
    lines << QStringLiteral("<span style='color:#555'>%1 %2</span>")
                 .arg(calibrationNote(r).toHtmlEscaped(), methodNote(r).toHtmlEscaped());
    m_reasonsLabel->setText(lines.join(QStringLiteral("<br>")));
    showReasonsChart(r);
}

void ScoreTab::showReasonsChart(const core::ScoreResult& r)
{
    // The ranking of the sentences, top to bottom: every stated reason (numbered as in the
    // list), then the other largest contributions by size.
    const std::vector<std::size_t> shown = r.chartReasons(10);
    m_reasonsChart->clear(tr("Reasons (%1)").arg(qs(r.method)));
    m_reasonsChart->setMinimumHeight(
        std::max(kReasonsChartMinimumHeight, 150 + 30 * int(shown.size())));
    auto* stated = new QBarSet(tr("Stated reason (numbered)"));
    stated->setColor(QColor(0x8e, 0x00, 0x00));
    auto* adverse = new QBarSet(tr("Raises the risk"));
    adverse->setColor(QColor(0xe5, 0x73, 0x73));
    auto* favourable = new QBarSet(tr("Lowers the risk"));
    favourable->setColor(QColor(0x2e, 0x7d, 0x32));
    QStringList categories;
    QStringList fullText; // per category, for the tooltip of a shortened label
    double extent = 0.1;
    // The category axis runs bottom-up: add the last-ranked first so that rank 1 is at the top.
    for (auto it = shown.rbegin(); it != shown.rend(); ++it) {
        const core::Reason& reason = r.reasons[*it];
        QString label = QStringLiteral("%1 = %2").arg(qs(reason.meaning), qs(reason.value));
        fullText << tr("%1\nContribution %2 to the log-odds of bad")
                        .arg(label)
                        .arg(reason.contribution, 0, 'f', 3);
        if (label.size() > 58) {
            label = label.left(56) + QStringLiteral("…");
        }
        if (reason.stated) { // stated reasons lead the ranking: their number is their rank
            label = QStringLiteral("%1. %2").arg(*it + 1).arg(label);
        }
        categories << label.toHtmlEscaped(); // axis labels render rich text: "<0" is a tag
        *stated << (reason.stated ? reason.contribution : 0.0);
        *adverse << (reason.stated ? 0.0 : std::max(0.0, reason.contribution));
        *favourable << std::min(0.0, reason.contribution);
        extent = std::max(extent, std::fabs(reason.contribution));
    }
    auto* series = new QHorizontalStackedBarSeries;
    series->append(stated);
    series->append(adverse);
    series->append(favourable);
    series->setBarWidth(0.7);
    // A label shortened to fit shows its whole text when the pointer rests on its bar.
    connect(series, &QHorizontalStackedBarSeries::hovered, m_reasonsChart,
            [fullText](bool status, int index, QBarSet*) {
                if (status && index >= 0 && index < fullText.size()) {
                    QToolTip::showText(QCursor::pos(), fullText[index]);
                } else {
                    QToolTip::hideText();
                }
            });
    m_reasonsChart->chart()->addSeries(series);
    m_reasonsChart->addCategoryAxis(Qt::AlignLeft, {}, categories, series);
    QValueAxis* x = m_reasonsChart->addValueAxis(
        Qt::AlignBottom, tr("Contribution to the log-odds of bad (> 0 raises the risk)"), series);
    x->setRange(-extent * 1.1, extent * 1.1);
    x->applyNiceNumbers();
}

QWidget* ScoreTab::fieldWidget(const QString& attribute) const
{
    return m_form->fieldWidget(attribute);
}

QLabel* ScoreTab::fieldError(const QString& attribute) const
{
    return m_form->fieldError(attribute);
}

bool ScoreTab::saveApplicantJson(const QString& path, QString* error) const
{
    QJsonObject object;
    for (const auto& [key, value] : applicant()) {
        object.insert(qs(key), qs(value));
    }
    try {
        core::writeFileAtomically(QFile::encodeName(path).toStdString(),
                                  QJsonDocument(object).toJson().toStdString());
    } catch (const std::exception& e) {
        if (error) {
            *error = QString::fromUtf8(e.what());
        }
        return false;
    }
    return true;
}

bool ScoreTab::loadApplicantJson(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        }
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        if (error) {
            *error = tr("%1 is not a JSON object of attribute → value (%2)")
                         .arg(path, parseError.errorString());
        }
        return false;
    }
    core::Applicant values;
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        values[it.key().toStdString()] =
            (it.value().isDouble() ? QString::number(it.value().toDouble(), 'g', 17)
                                   : it.value().toString())
                .toStdString();
    }
    return setApplicantIfScorable(values, QFileInfo(path).fileName(), error);
}

bool ScoreTab::exportDecisionSheet(const QString& path, QString* error) const
{
    if (!m_result || !m_result->valid() || !m_scorer) {
        if (error) {
            *error = tr("There is no valid score to print: score an applicant first.");
        }
        return false;
    }
    const core::ScoringSettings& settings = m_scorer->settings();
    DecisionSheet sheet;
    sheet.modelName = qs(m_scorer->model().classifier().displayName());
    sheet.modelFile = appState()->modelPath().isEmpty()
                          ? QString()
                          : QFileInfo(appState()->modelPath()).fileName();
    sheet.result = *m_result;
    sheet.policy = settings.policy;
    for (const core::ColumnSchema& field : settings.fields) {
        const auto it = m_resultApplicant.find(field.name);
        const std::string value = it == m_resultApplicant.end() ? std::string() : it->second;
        std::string shown = value;
        if (field.type == core::ColumnType::Categorical) {
            const std::string meaning = core::AttributeGlossary::levelMeaning(field.name, value);
            if (meaning != value) {
                shown += " (" + meaning + ")";
            }
        }
        sheet.applicant.push_back({qs(core::AttributeGlossary::meaning(field.name)), qs(shown)});
    }
    return sheet.write(path, error);
}

void ScoreTab::startBatch(const QString& input, const QString& output)
{
    if (!m_scorer || isBatchRunning()) {
        emit batchFinished(tr("No model, or a batch is already running."));
        return;
    }
    const std::shared_ptr<const core::Scorer> scorer = m_scorer;
    core::BatchScoreParams params;
    params.inputPath = QFile::encodeName(input).toStdString();
    params.outputPath = QFile::encodeName(output).toStdString();
    params.threads = std::max(1, QThread::idealThreadCount());
    const std::shared_ptr<core::PredictionLog> log = predictionLog() != nullptr ? m_log : nullptr;
    if (log) {
        if (const auto bundle = appState()->modelBundle()) {
            refreshModelIdentity(*bundle);
        }
        const double thresholdPd = scorer->settings().policy.thresholdPd();
        params.onRow = [log, thresholdPd, identity = m_modelIdentity,
                        request = core::newRequestId()](const core::BatchRowOutcome& row) {
            log->append(core::predictionRecord(row, thresholdPd, identity, request));
        };
    }
    m_batchBar->setValue(0);
    m_batchBar->show();
    m_batchLabel->setText(tr("Scoring %1…").arg(input));
    m_batchWatcher.setFuture(
        QtConcurrent::run([scorer, params, log](QPromise<BatchOutcome>& promise) mutable {
            promise.setProgressRange(0, 1000);
            params.progress = [&promise](const core::ProgressEvent& event) {
                promise.setProgressValue(int(event.fraction * 1000));
                return !promise.isCanceled();
            };
            BatchOutcome outcome;
            try {
                outcome.result = core::BatchScorer(*scorer, params).run();
                if (log) {
                    try {
                        log->flush();
                    } catch (const core::LogError& error) {
                        outcome.logProblem = QString::fromUtf8(error.what());
                    }
                }
            } catch (const core::Cancelled&) {
                outcome.error = QStringLiteral("cancelled");
            } catch (const std::exception& e) {
                outcome.error = QString::fromUtf8(e.what());
            }
            promise.addResult(outcome);
        }));
}

bool ScoreTab::isBatchRunning() const
{
    return m_batchWatcher.isRunning();
}

void ScoreTab::batchWithDialog()
{
    const QString input = QFileDialog::getOpenFileName(
        this, tr("Applicants to score"), {},
        tr("All supported data (*.arff *.csv *.tsv *.txt *.data);;Weka ARFF (*.arff);;"
           "CSV (*.csv *.tsv *.txt);;UCI german.data (*.data);;All files (*)"));
    if (input.isEmpty()) {
        return;
    }
    const QString output =
        withSuffix(QFileDialog::getSaveFileName(
                       this, tr("Write the scores to"),
                       QFileInfo(input).absolutePath() + QStringLiteral("/") +
                           QFileInfo(input).completeBaseName() + QStringLiteral("_scored.csv"),
                       tr("CSV files (*.csv)")),
                   QStringLiteral("csv"));
    if (!output.isEmpty()) {
        startBatch(input, output);
    }
}

} // namespace credit::ui
