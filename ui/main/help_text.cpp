// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "main/help_text.h"

#include "explore/explore_charts.h"

#include <QCoreApplication>

namespace credit::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("credit::ui::Help", text);
}

QString link(GlossaryTerm term)
{
    return QStringLiteral("<a href=\"#%1\">%2</a>").arg(glossaryAnchor(term), glossaryTitle(term));
}

QString definition(GlossaryTerm term)
{
    switch (term) {
    case GlossaryTerm::Woe:
        return ExploreCharts::woeDefinition().toHtmlEscaped() + QLatin1Char(' ') +
               tr("A scorecard uses the WoE of an applicant's bin as the input of a logistic "
                  "regression.");
    case GlossaryTerm::InformationValue:
        return ExploreCharts::ivDefinition().toHtmlEscaped() + QLatin1Char(' ') +
               ExploreCharts::strengthBandsDefinition().toHtmlEscaped() + QLatin1Char(' ') +
               tr("A suspicious IV is too good to be true for one attribute: check that it "
                  "was not recorded after the outcome (leakage). Built from the %1 of each "
                  "bin.")
                   .arg(link(GlossaryTerm::Woe));
    case GlossaryTerm::Auc:
        return tr("Area under the ROC curve: the probability that a randomly chosen bad "
                  "applicant gets a higher PD than a randomly chosen good one. 0.5 is chance, "
                  "1 a perfect ranking. It measures ranking only, not whether the PDs are "
                  "right (see %1). The leaderboard shows the <b>mean over the folds</b> of "
                  "cross-validation (± their standard deviation); the ROC chart shows the "
                  "AUC of the <b>pooled</b> %2 predictions, which differs slightly because "
                  "each fold's PDs come from a different model.")
            .arg(link(GlossaryTerm::Calibration), link(GlossaryTerm::OutOfFold));
    case GlossaryTerm::Gini:
        return tr("Gini coefficient (accuracy ratio) = 2 × %1 − 1: 0 is chance, 1 a perfect "
                  "ranking. Credit teams often quote it instead of the AUC.")
            .arg(link(GlossaryTerm::Auc));
    case GlossaryTerm::Ks:
        return tr("Kolmogorov–Smirnov statistic: the largest gap between the cumulative PD "
                  "distributions of bad and of good applicants, in [0, 1]. The PD where the "
                  "gap is largest separates the two groups best.");
    case GlossaryTerm::AveragePrecision:
        return tr("Average precision: the area under the precision–recall curve, where "
                  "precision is the share of bads among the rejected and recall the share of "
                  "all bads that are rejected. A model that ranks at random scores the bad "
                  "rate (30 % on German Credit).");
    case GlossaryTerm::Brier:
        return tr("Brier score: the mean of (PD − outcome)², the outcome being 1 for bad and "
                  "0 for good. Lower is better; it rewards PDs that are both well ranked and "
                  "%1. Always predicting the bad rate p scores p(1 − p): 0.21 at 30 %.")
            .arg(link(GlossaryTerm::Calibration));
    case GlossaryTerm::LogLoss:
        return tr("Log loss: the mean of −ln(PD) over bad applicants and −ln(1 − PD) over "
                  "good ones. Lower is better; it punishes a confident wrong PD hard.");
    case GlossaryTerm::Ece:
        return tr("Expected calibration error: the applicants are grouped into bins of PD; "
                  "ECE is the mean, weighted by bin size, of |mean PD − observed bad rate| "
                  "over the bins. 0 means the PDs match the observed bad rates.");
    case GlossaryTerm::Calibration:
        return tr("A model is calibrated when, among applicants with a PD of 20 %, about 20 % "
                  "turn out bad. The calibration chart plots observed bad rate against mean "
                  "PD per bin; the diagonal is perfect. Platt scaling fits a logistic curve "
                  "to the model's scores, isotonic regression a step function; both are "
                  "fitted on %1 predictions. Measured by %2 and %3.")
            .arg(link(GlossaryTerm::OutOfFold), link(GlossaryTerm::Ece), link(GlossaryTerm::Brier));
    case GlossaryTerm::OutOfFold:
        return tr("Out-of-fold predictions: in k-fold cross-validation each applicant is "
                  "scored once by the model trained on the other k − 1 folds, so no PD comes "
                  "from a model that saw that applicant. Every chart of the Evaluate and "
                  "Threshold tabs uses them; figures on the training rows themselves would "
                  "be optimistic.");
    case GlossaryTerm::ExpectedCost:
        return tr("Expected cost per applicant = (cost of a bad accepted × bads accepted + "
                  "cost of a good rejected × goods rejected) / applicants. German Credit's "
                  "costs are 5 and 1, so accepting a bad costs five times as much as turning "
                  "away a good. With calibrated PDs the cheapest %1 is PD > 1 / (1 + 5) = "
                  "16.7 % (the Bayes threshold).")
            .arg(link(GlossaryTerm::Cutoff));
    case GlossaryTerm::Cutoff:
        return tr("Cut-off (threshold): an applicant is rejected when the PD is above it. "
                  "It is set on the Threshold tab against %1 or profit, and shown on the PD "
                  "scale it applies to: the training sample's, or the population's after %2. "
                  "The same cut-off can be read in %3.")
            .arg(link(GlossaryTerm::ExpectedCost), link(GlossaryTerm::PriorCorrection),
                 link(GlossaryTerm::Points));
    case GlossaryTerm::PriorCorrection:
        return tr("Prior correction: German Credit holds 30 % bads, more than a lender's "
                  "book. When the population bad rate π differs from the sample's ρ, each PD "
                  "is moved to the population by multiplying its odds of bad, PD / (1 − PD), by "
                  "(π / (1 − π)) / (ρ / (1 − ρ)). The ranking and the decisions stay the "
                  "same; the PDs, grades and expected figures change.");
    case GlossaryTerm::Points:
        return tr("Scorecard points: score = base points + (points to double the odds) × "
                  "log₂(odds / base odds), with odds = good : bad = (1 − PD) / PD. With 600 "
                  "points at 50 : 1 and 20 points to double the odds, 620 points means odds "
                  "of 100 : 1. More points = lower risk.");
    case GlossaryTerm::Psi:
        return tr("Population stability index: PSI = Σ (a − e) × ln(a / e) over score bins, "
                  "where e is the share of the training applicants in a bin and a that of "
                  "the new applicants. Below 0.1 stable, 0.1 to 0.25 worth watching, above "
                  "0.25 the population has shifted (the thresholds are set in params.yaml, "
                  "monitoring.psi_warning and psi_alert). Per attribute it is called CSI.");
    }
    return {};
}

struct TabHelp
{
    const char* id;
    const char* title;
    const char* text;
};

constexpr TabHelp kTabs[] = {
    {"data", QT_TRANSLATE_NOOP("credit::ui::Help", "Data"),
     QT_TRANSLATE_NOOP("credit::ui::Help",
                       "The applicants as read from the file, one row each. Sort by a column "
                       "header; filter with Ctrl+F: text matches anywhere, and on numeric "
                       "columns a number is compared by value (24, >24, <=24, 12-24). The "
                       "status line gives the bad rate of the rows shown.")},
    {"explore", QT_TRANSLATE_NOOP("credit::ui::Help", "Explore"),
     QT_TRANSLATE_NOOP("credit::ui::Help",
                       "Each attribute against the outcome: distributions of good and bad, "
                       "the bad rate per bin or level, the Weight of Evidence table and the "
                       "Information Value ranking; the overview shows correlations and the "
                       "class balance; Outliers lists unusual values (IQR fences or "
                       "z-scores). Double-click an outlier to see it in the Data tab.")},
    {"train", QT_TRANSLATE_NOOP("credit::ui::Help", "Train"),
     QT_TRANSLATE_NOOP("credit::ui::Help",
                       "Trains the chosen algorithms with stratified, repeated k-fold "
                       "cross-validation and a seeded random search, live and cancellable "
                       "(finished trials are kept). The leaderboard ranks the best "
                       "configuration of each algorithm; ★ best is the one the selection rule "
                       "chose, current the one used for scoring (Use as current model). Every "
                       "run is kept in the history.")},
    {"evaluate", QT_TRANSLATE_NOOP("credit::ui::Help", "Evaluate"),
     QT_TRANSLATE_NOOP("credit::ui::Help",
                       "How good the current model is, on out-of-fold predictions: ROC and "
                       "precision–recall curves, calibration, the confusion matrix at the "
                       "cut-off, feature importance and stability. Overlay other algorithms "
                       "to compare them.")},
    {"threshold", QT_TRANSLATE_NOOP("credit::ui::Help", "Threshold"),
     QT_TRANSLATE_NOOP("credit::ui::Help",
                       "Sets the cut-off: against the cost of a bad accepted and of a good "
                       "rejected, or against profit (margin and loss given default on the "
                       "amount). Set the population bad rate for prior correction, and the "
                       "scorecard points and risk grades. The settings are saved with the "
                       "model.")},
    {"score", QT_TRANSLATE_NOOP("credit::ui::Help", "Score"),
     QT_TRANSLATE_NOOP("credit::ui::Help",
                       "Scores one applicant typed into the form, loaded from a JSON file or "
                       "from a row of the data: PD, decision, grade, points and the reasons "
                       "(each attribute's contribution to the log-odds of bad). Every change "
                       "rescores it; the line below compares with the previous values. "
                       "Decision sheet (PDF) writes the one-page notice; Batch score CSV "
                       "scores a whole file.")},
    {"monitor", QT_TRANSLATE_NOOP("credit::ui::Help", "Monitor"),
     QT_TRANSLATE_NOOP("credit::ui::Help",
                       "What the model decided and whether it still holds, from the prediction "
                       "log: volume and acceptance by day, week, month or batch; latency and "
                       "the most frequent refusals; drift of the score (PSI) and of every "
                       "attribute (CSI) against the training population frozen in the model "
                       "bundle, with traffic lights and a p-value; the figures estimated from "
                       "the PDs against those realised on imported outcomes (File > Import "
                       "Outcomes), and the back-test of each risk grade.")},
};

} // namespace

QList<GlossaryTerm> glossaryTerms()
{
    return {GlossaryTerm::Woe,       GlossaryTerm::InformationValue,
            GlossaryTerm::Auc,       GlossaryTerm::Gini,
            GlossaryTerm::Ks,        GlossaryTerm::AveragePrecision,
            GlossaryTerm::Brier,     GlossaryTerm::LogLoss,
            GlossaryTerm::Ece,       GlossaryTerm::Calibration,
            GlossaryTerm::OutOfFold, GlossaryTerm::ExpectedCost,
            GlossaryTerm::Cutoff,    GlossaryTerm::PriorCorrection,
            GlossaryTerm::Points,    GlossaryTerm::Psi};
}

QString glossaryTitle(GlossaryTerm term)
{
    switch (term) {
    case GlossaryTerm::Woe:
        return tr("WoE (Weight of Evidence)");
    case GlossaryTerm::InformationValue:
        return tr("IV (Information Value)");
    case GlossaryTerm::Auc:
        return tr("AUC (ROC-AUC)");
    case GlossaryTerm::Gini:
        return tr("Gini");
    case GlossaryTerm::Ks:
        return tr("KS (Kolmogorov–Smirnov)");
    case GlossaryTerm::AveragePrecision:
        return tr("AP (average precision)");
    case GlossaryTerm::Brier:
        return tr("Brier score");
    case GlossaryTerm::LogLoss:
        return tr("Log loss");
    case GlossaryTerm::Ece:
        return tr("ECE (expected calibration error)");
    case GlossaryTerm::Calibration:
        return tr("Calibration");
    case GlossaryTerm::OutOfFold:
        return tr("Out-of-fold predictions");
    case GlossaryTerm::ExpectedCost:
        return tr("Expected cost");
    case GlossaryTerm::Cutoff:
        return tr("Cut-off");
    case GlossaryTerm::PriorCorrection:
        return tr("Prior correction");
    case GlossaryTerm::Points:
        return tr("Points and points to double the odds");
    case GlossaryTerm::Psi:
        return tr("PSI (population stability index)");
    }
    return {};
}

QString glossaryAnchor(GlossaryTerm term)
{
    return QStringLiteral("term-%1").arg(int(term));
}

QString tabHelpAnchor(const QString& tabId)
{
    return QStringLiteral("tab-") + tabId;
}

QString glossaryPointer(GlossaryTerm term)
{
    return tr("More: Help ▸ Glossary ▸ %1").arg(glossaryTitle(term));
}

QString helpHtml()
{
    QString html = QStringLiteral("<html><body>");
    html += tr("<h2>Credit Risk Studio</h2><p>F1 opens this page at the tab you are on. "
               "Ctrl+1 … Ctrl+6 switch tabs.</p>");
    html += QStringLiteral("<h3>%1</h3><ul>").arg(tr("Tabs"));
    for (const TabHelp& tab : kTabs) {
        html += QStringLiteral("<li><a href=\"#%1\">%2</a></li>")
                    .arg(tabHelpAnchor(QLatin1String(tab.id)), tr(tab.title));
    }
    html += QStringLiteral("<li><a href=\"#glossary\">%1</a></li></ul>").arg(tr("Glossary"));
    for (const TabHelp& tab : kTabs) {
        html += QStringLiteral("<h3><a name=\"%1\"></a>%2</h3><p>%3</p>")
                    .arg(tabHelpAnchor(QLatin1String(tab.id)), tr(tab.title), tr(tab.text));
    }
    html += QStringLiteral("<h2><a name=\"glossary\"></a>%1</h2>").arg(tr("Glossary"));
    for (const GlossaryTerm term : glossaryTerms()) {
        html +=
            QStringLiteral("<h4><a name=\"%1\"></a>%2</h4><p>%3</p>")
                .arg(glossaryAnchor(term), glossaryTitle(term).toHtmlEscaped(), definition(term));
    }
    html += QStringLiteral("</body></html>");
    return html;
}

} // namespace credit::ui
