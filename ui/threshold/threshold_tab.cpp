// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "threshold/threshold_tab.h"

#include "threshold/spin_box.h"

#include "io/model_bundle.h"
#include "main/app_state.h"
#include "threshold/cutoff_charts.h"
#include "threshold/optimum_spread_job.h"
#include "threshold/scorecard_dialog.h"
#include "widgets/chart_widget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace credit::ui {
namespace {

constexpr int kSliderSteps = 1000;
constexpr std::size_t kSpreadResamples = 100;

QString percent(double share, int decimals = 1)
{
    return std::isnan(share) ? QStringLiteral("–")
                             : QStringLiteral("%1 %").arg(share * 100.0, 0, 'f', decimals);
}

// The analysis inputs of a policy: the Threshold tab edits the policy, the analysis reads it.
core::CutoffParams cutoffParams(const core::DecisionPolicy& policy, double portfolioSize)
{
    core::CutoffParams params;
    params.objective =
        policy.useProfitModel ? core::CutoffObjective::Profit : core::CutoffObjective::Cost;
    params.costs = policy.costs;
    params.profit = policy.profit;
    params.sampleBadRate = policy.sampleBadRate;
    params.populationBadRate = policy.populationBadRate;
    params.portfolioSize = portfolioSize;
    return params;
}

QString money(double value)
{
    return std::isnan(value)
               ? QStringLiteral("–")
               : QLocale(QLocale::English).toString(value, 'f', 0) + QStringLiteral(" DM");
}

} // namespace

ThresholdTab::ThresholdTab(AppState* state, QWidget* parent)
    : TabPage(state, parent), m_objective(new QComboBox), m_inputsStack(new QStackedWidget),
      m_badAccepted(makeSpinBox(0.0, 1000.0, 0.5, 2, {})),
      m_goodRejected(makeSpinBox(0.0, 1000.0, 0.5, 2, {})),
      m_margin(makeSpinBox(0.1, 100.0, 0.5, 1, QStringLiteral(" %"))),
      m_lgd(makeSpinBox(0.1, 100.0, 5.0, 1, QStringLiteral(" %"))), m_prior(new QCheckBox),
      m_populationRate(makeSpinBox(0.1, 99.9, 0.5, 1, QStringLiteral(" %"))), m_theory(new QLabel),
      m_inputError(new QLabel), m_scale(new QComboBox), m_slider(new QSlider(Qt::Horizontal)),
      m_cutoffSpin(new QDoubleSpinBox), m_useOptimal(new QPushButton(tr("Use optimal"))),
      m_scorecardButton(new QPushButton(tr("Scorecard and grades…"))), m_optimumLabel(new QLabel),
      m_figures(new QLabel), m_figuresBox(new QGroupBox(tr("At this cut-off"))),
      m_emptyState(new QLabel), m_lossChart(new ChartWidget), m_strategyChart(new ChartWidget),
      m_spreadJob(new OptimumSpreadJob(this)),
      m_charts(std::make_unique<CutoffCharts>(m_lossChart, m_strategyChart))
{
    m_objective->addItem(tr("Cost matrix"));
    m_objective->addItem(tr("Profit (amount-aware)"));
    m_objective->setToolTip(tr("Choose the cut-off that minimises the expected cost of wrong "
                               "decisions, or that maximises the profit of the accepted loans."));

    auto* costPage = new QWidget;
    auto* costForm = new QFormLayout(costPage);
    costForm->setContentsMargins(0, 0, 0, 0);
    costForm->addRow(tr("Cost of accepting a bad applicant:"), m_badAccepted);
    costForm->addRow(tr("Cost of rejecting a good applicant:"), m_goodRejected);
    costForm->addRow(new QLabel(tr("Correct decisions cost 0. German Credit preset: 5 and 1.")));
    auto* preset = new QPushButton(tr("German Credit preset"));
    costForm->addRow(preset);
    auto* profitPage = new QWidget;
    auto* profitForm = new QFormLayout(profitPage);
    profitForm->setContentsMargins(0, 0, 0, 0);
    profitForm->addRow(tr("Margin on a good loan (of amount):"), m_margin);
    profitForm->addRow(tr("Loss given default (of amount):"), m_lgd);
    m_inputsStack->addWidget(costPage);
    m_inputsStack->addWidget(profitPage);

    m_prior->setText(tr("Correct to the population bad rate"));
    m_prior->setToolTip(tr("The training file over-samples bad applicants (German Credit: 30 %). "
                           "Enter the bad rate of the real applicant population: every "
                           "probability, cost and acceptance figure is then corrected to it."));
    m_populationRate->setValue(5.0);
    m_inputError->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_inputError->setWordWrap(true);
    m_theory->setWordWrap(true);

    auto* inputs = new QGroupBox(tr("Business inputs"));
    auto* inputsLayout = new QFormLayout(inputs);
    inputsLayout->addRow(tr("Objective:"), m_objective);
    inputsLayout->addRow(m_inputsStack);
    inputsLayout->addRow(m_prior);
    inputsLayout->addRow(tr("Population bad rate:"), m_populationRate);
    inputsLayout->addRow(m_theory);
    inputsLayout->addRow(m_inputError);

    m_scale->addItem(tr("Probability of default (PD)"));
    m_scale->addItem(tr("Scorecard points"));
    m_slider->setRange(0, kSliderSteps);
    m_cutoffSpin->setKeyboardTracking(false);
    m_cutoffSpin->setObjectName(QStringLiteral("cutoffSpin"));
    m_useOptimal->setObjectName(QStringLiteral("useOptimal"));
    m_optimumLabel->setWordWrap(true);
    auto* cutoffBox = new QGroupBox(tr("Cut-off"));
    auto* cutoffLayout = new QFormLayout(cutoffBox);
    cutoffLayout->addRow(tr("Cut-off on:"), m_scale);
    auto* sliderRow = new QHBoxLayout;
    sliderRow->addWidget(m_slider, 1);
    sliderRow->addWidget(m_cutoffSpin);
    cutoffLayout->addRow(sliderRow);
    m_scorecardButton->setObjectName(QStringLiteral("scorecardAndGrades"));
    m_scorecardButton->setToolTip(tr("Set the scorecard points scale (base points, odds, points "
                                     "to double the odds) and the PD bands of the risk grades."));
    auto* buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_useOptimal, 1);
    buttonRow->addWidget(m_scorecardButton, 1);
    cutoffLayout->addRow(buttonRow);
    cutoffLayout->addRow(m_optimumLabel);

    auto* figuresBox = m_figuresBox;
    auto* figuresLayout = new QVBoxLayout(figuresBox);
    m_figures->setTextFormat(Qt::RichText);
    m_figures->setWordWrap(true);
    figuresLayout->addWidget(m_figures);

    auto* left = new QVBoxLayout;
    left->addWidget(inputs);
    left->addWidget(cutoffBox);
    left->addWidget(figuresBox);
    left->addStretch(1);
    auto* leftWidget = new QWidget;
    leftWidget->setLayout(left);
    // In a scroll area, so that on a small window (1024x700) the inputs and figures keep
    // their size and scroll instead of being squeezed over each other.
    auto* leftScroll = new QScrollArea;
    leftScroll->setWidget(leftWidget);
    leftScroll->setWidgetResizable(true);
    leftScroll->setFrameShape(QFrame::NoFrame);
    leftScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    leftScroll->setMaximumWidth(460);
    leftScroll->setMinimumWidth(360);

    m_lossChart->setExportName(QStringLiteral("threshold_cost_curve"));
    m_strategyChart->setExportName(QStringLiteral("threshold_strategy_curve"));
    auto* charts = new QVBoxLayout;
    charts->addWidget(m_lossChart, 1);
    charts->addWidget(m_strategyChart, 1);
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    charts->addWidget(m_emptyState);

    auto* layout = new QHBoxLayout(this);
    layout->addWidget(leftScroll);
    layout->addLayout(charts, 1);

    connect(m_objective, &QComboBox::currentIndexChanged, this, &ThresholdTab::onInputsChanged);
    for (QDoubleSpinBox* box : {m_badAccepted, m_goodRejected, m_margin, m_lgd, m_populationRate}) {
        connect(box, &QDoubleSpinBox::valueChanged, this, &ThresholdTab::onInputsChanged);
    }
    connect(m_prior, &QCheckBox::toggled, this, &ThresholdTab::onInputsChanged);
    connect(preset, &QPushButton::clicked, this, [this] {
        m_updating = true;
        m_badAccepted->setValue(5.0);
        m_goodRejected->setValue(1.0);
        m_updating = false;
        onInputsChanged();
    });
    connect(m_scale, &QComboBox::currentIndexChanged, this, [this] {
        syncControls();
        updateCharts();
    });
    connect(m_slider, &QSlider::valueChanged, this, &ThresholdTab::onSliderChanged);
    connect(m_cutoffSpin, &QDoubleSpinBox::valueChanged, this, &ThresholdTab::onSpinChanged);
    connect(m_useOptimal, &QPushButton::clicked, this, &ThresholdTab::useOptimal);
    connect(m_scorecardButton, &QPushButton::clicked, this, &ThresholdTab::showScorecardDialog);
    connect(m_spreadJob, &OptimumSpreadJob::finished, this, &ThresholdTab::onSpreadFinished);
    connect(state, &AppState::policyChanged, this, &ThresholdTab::onPolicyChanged);
    connect(state, &AppState::modelBundleChanged, this, &ThresholdTab::rebuild);
    connect(state, &AppState::currentModelChanged, this, &ThresholdTab::rebuild);
    connect(state, &AppState::datasetChanged, this, &ThresholdTab::rebuild);
    connect(state, &AppState::thresholdChanged, this, [this](double threshold) {
        if (!m_updating && m_analysis) {
            setCutoff(m_analysis->toPopulation(threshold));
        }
    });
    rebuild();
}

ThresholdTab::~ThresholdTab()
{
    delete m_spreadJob; // cancels and waits before any member goes
    m_spreadJob = nullptr;
}

bool ThresholdTab::isSpreadPending() const
{
    return m_spreadJob && m_spreadJob->isPending();
}

ScorecardDialog* ThresholdTab::scorecardDialog()
{
    if (!m_scorecardDialog) {
        m_scorecardDialog = new ScorecardDialog(appState(), this);
    }
    return m_scorecardDialog;
}

void ThresholdTab::showScorecardDialog()
{
    ScorecardDialog* dialog = scorecardDialog();
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

bool ThresholdTab::pointsScale() const
{
    return m_scale->currentIndex() == 1;
}

double ThresholdTab::displayValue(double pd) const
{
    return pointsScale() ? scale().points(pd) : pd * 100.0;
}

double ThresholdTab::fromDisplay(double value) const
{
    return pointsScale() ? scale().probability(value) : value / 100.0;
}

void ThresholdTab::rebuild()
{
    m_analysis.reset();
    m_spreadJob->cancel();
    m_spread = {};
    m_curve.clear();
    const auto bundle = appState()->modelBundle();
    const std::string algorithm = appState()->currentAlgorithm().toStdString();
    const auto oof = bundle ? bundle->outOfFold.find(algorithm)
                            : std::map<std::string, core::OutOfFold>::const_iterator();
    if (!bundle || oof == bundle->outOfFold.end() || oof->second.calibrated.empty()) {
        m_emptyState->setText(tr("Train a model (Train tab) or open a model file to tune the "
                                 "cut-off: the curves use its out-of-fold predictions."));
        m_emptyState->show();
        m_lossChart->hide();
        m_strategyChart->hide();
        m_figures->clear();
        m_optimumLabel->clear();
        m_scorecardButton->setEnabled(false);
        setEnabled(true);
        emit contentReady();
        return;
    }
    m_scorecardButton->setEnabled(true);
    m_emptyState->hide();
    m_lossChart->show();
    m_strategyChart->show();

    // Load the inputs from the policy without writing it back.
    const core::DecisionPolicy& policy = appState()->policy();
    m_updating = true;
    m_objective->setCurrentIndex(policy.useProfitModel ? 1 : 0);
    m_inputsStack->setCurrentIndex(m_objective->currentIndex());
    m_badAccepted->setValue(policy.costs.badAccepted);
    m_goodRejected->setValue(policy.costs.goodRejected);
    m_margin->setValue(policy.profit.marginGood * 100.0);
    m_lgd->setValue(policy.profit.lossGivenDefault * 100.0);
    m_prior->setChecked(!std::isnan(policy.populationBadRate));
    if (!std::isnan(policy.populationBadRate)) {
        m_populationRate->setValue(policy.populationBadRate * 100.0);
    }
    m_populationRate->setEnabled(m_prior->isChecked());
    m_updating = false;
    onInputsChanged();
}

void ThresholdTab::onInputsChanged()
{
    if (m_updating) {
        return;
    }
    m_inputsStack->setCurrentIndex(m_objective->currentIndex());
    m_populationRate->setEnabled(m_prior->isChecked());
    const auto bundle = appState()->modelBundle();
    if (!bundle) {
        return;
    }
    const auto oofIt = bundle->outOfFold.find(appState()->currentAlgorithm().toStdString());
    if (oofIt == bundle->outOfFold.end()) {
        return;
    }
    const core::OutOfFold& oof = oofIt->second;

    // The tab's inputs as a policy; the cut-off's partner fields (scale, grades, threshold) stay.
    core::DecisionPolicy policy = appState()->policy();
    policy.useProfitModel = m_objective->currentIndex() == 1;
    // The tab edits the two error costs; the correct decisions keep the policy's costs.
    policy.costs.badAccepted = m_badAccepted->value();
    policy.costs.goodRejected = m_goodRejected->value();
    policy.profit = {m_margin->value() / 100.0, m_lgd->value() / 100.0};
    policy.populationBadRate =
        m_prior->isChecked() ? m_populationRate->value() / 100.0 : core::CutoffParams::kNaN;
    const core::CutoffParams params = cutoffParams(policy, double(oof.rows));
    if (const auto problems = params.validate(); !problems.empty()) {
        QStringList lines;
        for (const std::string& p : problems) {
            lines << QString::fromStdString(p);
        }
        m_inputError->setText(tr("Invalid input: %1").arg(lines.join(QStringLiteral("; "))));
        return;
    }

    // Amounts for the profit model: the policy's amount column of the training data, when the
    // current dataset is the one the model was trained on (out-of-fold rows are in its order).
    std::vector<double> amounts;
    const auto dataset = appState()->dataset();
    if (dataset && dataset->rowCount() == oof.rows && dataset->contentHash() == bundle->dataHash) {
        if (const auto column = dataset->schema().indexOf(policy.amountColumn);
            column && dataset->column(*column).isNumeric()) {
            const auto& values = dataset->column(*column).numeric;
            for (std::size_t r = 0; r < oof.repeats; ++r) {
                for (const double v : values) {
                    amounts.push_back(std::isnan(v) ? 0.0 : v);
                }
            }
        }
    }
    if (policy.useProfitModel && amounts.empty()) {
        m_inputError->setText(tr("The profit model needs the loan amounts: open the data the "
                                 "model was trained on (column %1).")
                                  .arg(QString::fromStdString(policy.amountColumn)));
        return;
    }
    m_inputError->clear();
    std::vector<std::uint8_t> labels;
    labels.reserve(oof.calibrated.size());
    for (std::size_t r = 0; r < oof.repeats; ++r) {
        labels.insert(labels.end(), oof.labels.begin(), oof.labels.end());
    }
    std::vector<double> pd(oof.calibrated.begin(), oof.calibrated.end());
    for (double& p : pd) {
        p = std::clamp(p, 0.0, 1.0);
    }
    m_analysis = std::make_shared<const core::CutoffAnalysis>(std::move(pd), std::move(labels),
                                                              std::move(amounts), params);
    m_curve = m_analysis->curve();
    m_optimum = m_analysis->optimum();
    m_spread = {};
    m_spreadJob->start(m_analysis, kSpreadResamples, policy.seed);

    const double theory = m_analysis->theoreticalThreshold();
    m_theory->setText(
        policy.useProfitModel
            ? tr("Break-even PD = margin / (margin + LGD) = %1; naive cut-off 50 %.")
                  .arg(percent(theory, 1))
            : tr("Bayes cut-off for calibrated PDs: reject when PD > %1 / (%1 + %2) = %3 "
                 "(naive cut-off: 50 %).")
                  .arg(policy.costs.goodRejected)
                  .arg(policy.costs.badAccepted)
                  .arg(percent(theory, 1)));
    updateOptimumLabel();

    m_updating = true;
    appState()->setPolicy(policy);
    m_updating = false;
    m_cutoff = m_analysis->toPopulation(appState()->threshold());
    syncControls();
    updateFigures();
    updateCharts();
}

void ThresholdTab::updateOptimumLabel()
{
    if (!m_analysis) {
        m_optimumLabel->clear();
        return;
    }
    const QString optimum = tr("Optimal cut-off on out-of-fold predictions: PD %1 (%2 points)")
                                .arg(percent(m_optimum.threshold, 2))
                                .arg(scale().points(m_optimum.threshold), 0, 'f', 0);
    QString spread;
    if (isSpreadPending()) {
        spread = tr("95 % bootstrap range: computing…");
    } else if (std::isnan(m_spread.lower) || std::isnan(m_spread.upper)) {
        spread = tr("95 % bootstrap range: not available");
    } else {
        spread = tr("95 % bootstrap range %1 – %2")
                     .arg(percent(m_spread.lower, 2), percent(m_spread.upper, 2));
    }
    m_optimumLabel->setText(optimum + QStringLiteral("; ") + spread + QLatin1Char('.'));
}

void ThresholdTab::onPolicyChanged()
{
    // The tab writes the inputs itself; from elsewhere (the scorecard dialog) only the scale
    // and grades change, which the labels and the points axis show.
    if (m_updating || !m_analysis) {
        return;
    }
    syncControls();
    updateOptimumLabel();
    updateFigures();
    if (pointsScale()) {
        updateCharts();
    }
}

const core::ScorecardScale& ThresholdTab::scale() const
{
    return appState()->policy().scale;
}

void ThresholdTab::onSpreadFinished(const core::BootstrapInterval& spread, const QString& error)
{
    m_spread = spread;
    if (!error.isEmpty()) {
        m_spread = {};
        m_spread.warnings.push_back(error.toStdString());
    }
    updateOptimumLabel();
    emit spreadComputed();
    emit contentReady();
}

void ThresholdTab::syncControls()
{
    const bool blockedSlider = m_slider->blockSignals(true);
    const bool blockedSpin = m_cutoffSpin->blockSignals(true);
    if (pointsScale()) {
        m_cutoffSpin->setRange(scale().points(0.999), scale().points(0.001));
        m_cutoffSpin->setDecimals(1);
        m_cutoffSpin->setSingleStep(1.0);
        m_cutoffSpin->setSuffix(tr(" points"));
        m_cutoffSpin->setToolTip(tr("Reject applicants scoring below this many points."));
    } else {
        m_cutoffSpin->setRange(0.0, 100.0);
        m_cutoffSpin->setDecimals(2);
        m_cutoffSpin->setSingleStep(0.5);
        m_cutoffSpin->setSuffix(QStringLiteral(" %"));
        m_cutoffSpin->setToolTip(tr("Reject applicants whose PD is above this value."));
    }
    const double shown = displayValue(m_cutoff);
    m_cutoffSpin->setValue(shown);
    const double lo = m_cutoffSpin->minimum();
    const double hi = m_cutoffSpin->maximum();
    m_slider->setValue(int(std::lround((shown - lo) / (hi - lo) * kSliderSteps)));
    m_slider->blockSignals(blockedSlider);
    m_cutoffSpin->blockSignals(blockedSpin);
}

void ThresholdTab::onSliderChanged(int value)
{
    const double lo = m_cutoffSpin->minimum();
    const double hi = m_cutoffSpin->maximum();
    setCutoff(fromDisplay(lo + (hi - lo) * value / kSliderSteps));
}

void ThresholdTab::onSpinChanged()
{
    setCutoff(fromDisplay(m_cutoffSpin->value()));
}

void ThresholdTab::setCutoff(double populationPd)
{
    if (!m_analysis) {
        return;
    }
    m_cutoff = std::clamp(populationPd, 0.0, 1.0);
    // The policy first: the figures name its cut-off.
    m_updating = true;
    appState()->setThreshold(m_analysis->toModelScale(m_cutoff));
    m_updating = false;
    syncControls();
    updateFigures();
    m_charts->moveCurrent(currentPoint(), displayValue(m_cutoff),
                          m_analysis->params().objective == core::CutoffObjective::Profit);
}

void ThresholdTab::useOptimal()
{
    if (m_analysis) {
        setCutoff(m_optimum.threshold);
    }
}

core::CutoffPoint ThresholdTab::currentPoint() const
{
    return m_analysis ? m_analysis->at(m_cutoff) : core::CutoffPoint{};
}

void ThresholdTab::updateFigures()
{
    if (!m_analysis) {
        return;
    }
    const core::CutoffPoint p = currentPoint();
    const core::CutoffPoint all = m_analysis->acceptAll();
    const core::CutoffPoint naive = m_analysis->at(0.5);
    const core::CutoffParams& params = m_analysis->params();
    const bool profit = params.objective == core::CutoffObjective::Profit;
    // The title says which population the shares describe: the real one after the prior
    // correction, else the file with its over-sampled bad rate.
    m_figuresBox->setTitle(std::isnan(params.populationBadRate)
                               ? tr("At this cut-off (figures of the file, bad rate %1 as sampled)")
                                     .arg(percent(params.sampleBadRate, 1))
                               : tr("At this cut-off (population figures, bad rate %1)")
                                     .arg(percent(params.populationBadRate, 1)));
    auto saving = [&](const core::CutoffPoint& reference) {
        const double s = m_analysis->savings(p, reference);
        return profit ? money(s) : QString::number(s, 'f', 3);
    };
    QString html;
    // The cut-off as every view names it (the policy's threshold is m_cutoff on the model's
    // scale), with its points.
    html += tr("<p><b>Reject when %1</b> (score below %2 points)</p>")
                .arg(QString::fromStdString(core::cutoffText(appState()->policy())).toHtmlEscaped())
                .arg(scale().points(m_cutoff), 0, 'f', 0);
    html += QStringLiteral("<table cellspacing='0' cellpadding='3' border='1'>");
    html += tr("<tr><th></th><th>accepted</th><th>rejected</th></tr>");
    html += tr("<tr><th>actual good</th><td>%1 (%2)</td><td>%3 (%4)</td></tr>")
                .arg(percent(p.goodAccepted))
                .arg(p.counts.trueNegatives)
                .arg(percent(p.goodRejected))
                .arg(p.counts.falsePositives);
    html += tr("<tr><th>actual bad</th><td>%1 (%2)</td><td>%3 (%4)</td></tr>")
                .arg(percent(p.badAccepted))
                .arg(p.counts.falseNegatives)
                .arg(percent(p.badRejected))
                .arg(p.counts.truePositives);
    html += QStringLiteral("</table><p>");
    html += std::isnan(params.populationBadRate)
                ? tr("Shares of the file's applicants (out-of-fold rows in brackets).<br>")
                : tr("Shares of the population's applicants, corrected to its bad rate "
                     "(out-of-fold rows of the file in brackets).<br>");
    html += tr("Acceptance rate: <b>%1</b><br>").arg(percent(p.acceptanceRate));
    html += tr("Bad rate among accepted: <b>%1</b><br>").arg(percent(p.badRateAccepted, 2));
    if (profit && m_analysis->hasAmounts()) {
        // The inputs behind the figure, so it is never read without them.
        html += tr("Total profit (%1 applicants; margin %2, loss given default %3 of the "
                   "amount): <b>%4</b><br>")
                    .arg(params.portfolioSize, 0, 'f', 0)
                    .arg(percent(params.profit.marginGood, 1))
                    .arg(percent(params.profit.lossGivenDefault, 1))
                    .arg(money(p.profitTotal));
    } else {
        html += tr("Expected cost per applicant: <b>%1</b> cost units (bad accepted %2, good "
                   "rejected %3)<br>")
                    .arg(p.costPerApplicant, 0, 'f', 3)
                    .arg(params.costs.badAccepted, 0, 'g', 4)
                    .arg(params.costs.goodRejected, 0, 'g', 4);
    }
    html +=
        profit
            ? tr("Extra profit vs accepting everyone: <b>%1</b><br>").arg(saving(all))
            : tr("Cost saved per applicant vs accepting everyone: <b>%1</b><br>").arg(saving(all));
    html += profit
                ? tr("Extra profit vs the 50 % cut-off: <b>%1</b>").arg(saving(naive))
                : tr("Cost saved per applicant vs the 50 % cut-off: <b>%1</b>").arg(saving(naive));
    html += QStringLiteral("</p>");
    m_figures->setText(html);
}

void ThresholdTab::updateCharts()
{
    if (m_analysis) {
        m_charts->draw(*m_analysis, m_curve, m_optimum, m_cutoff, pointsScale(),
                       [this](double pd) { return displayValue(pd); });
    }
}

} // namespace credit::ui
