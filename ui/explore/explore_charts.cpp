// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "explore/explore_charts.h"

#include "widgets/chart_widget.h"
#include "widgets/number_text.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QPieSeries>
#include <QPieSlice>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace credit::ui {
namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

// A round upper bound for an axis: 1, 2, 2.5, 5 × 10^k above `value`.
double niceCeiling(double value)
{
    if (!(value > 0)) {
        return 1.0;
    }
    const double base = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0}) {
        if (step * base >= value) {
            return step * base;
        }
    }
    return 10.0 * base;
}

void hideLegendMarker(QChart* chart, QAbstractSeries* series)
{
    const auto markers = chart->legend()->markers(series);
    for (QLegendMarker* marker : markers) {
        marker->setVisible(false);
    }
}

void showBarToolTips(QBarSet* set, const QStringList& texts)
{
    QObject::connect(set, &QBarSet::hovered, set, [texts](bool status, int index) {
        if (status && index >= 0 && index < texts.size()) {
            QToolTip::showText(QCursor::pos(), texts[index]);
        } else {
            QToolTip::hideText();
        }
    });
}

} // namespace

QColor ExploreCharts::goodColour()
{
    return QColor(68, 119, 170); // blue (Paul Tol's colour-blind safe palette)
}

QColor ExploreCharts::badColour()
{
    return QColor(204, 68, 85); // red
}

QColor ExploreCharts::strengthColour(core::IvStrength strength)
{
    switch (strength) {
    case core::IvStrength::Useless:
        return QColor(200, 200, 200);
    case core::IvStrength::Weak:
        return QColor(236, 206, 110);
    case core::IvStrength::Medium:
        return QColor(140, 196, 120);
    case core::IvStrength::Strong:
        return QColor(46, 139, 87);
    case core::IvStrength::Suspicious:
        return QColor(230, 120, 50);
    }
    return {};
}

QString ExploreCharts::strengthLabel(core::IvStrength strength)
{
    switch (strength) {
    case core::IvStrength::Useless:
        return QObject::tr("useless");
    case core::IvStrength::Weak:
        return QObject::tr("weak");
    case core::IvStrength::Medium:
        return QObject::tr("medium");
    case core::IvStrength::Strong:
        return QObject::tr("strong");
    case core::IvStrength::Suspicious:
        return QObject::tr("suspicious");
    }
    return {};
}

QString ExploreCharts::strengthBand(core::IvStrength strength)
{
    switch (strength) {
    case core::IvStrength::Useless:
        return QObject::tr("useless (< 0.02)");
    case core::IvStrength::Weak:
        return QObject::tr("weak (0.02–0.1)");
    case core::IvStrength::Medium:
        return QObject::tr("medium (0.1–0.3)");
    case core::IvStrength::Strong:
        return QObject::tr("strong (0.3–0.5)");
    case core::IvStrength::Suspicious:
        return QObject::tr("suspicious (> 0.5)");
    }
    return {};
}

QString ExploreCharts::strengthToolTip(core::IvStrength strength)
{
    QString meaning;
    switch (strength) {
    case core::IvStrength::Useless:
        meaning = QObject::tr("IV below 0.02: the attribute does not separate good from bad.");
        break;
    case core::IvStrength::Weak:
        meaning = QObject::tr("IV 0.02 to 0.1: a weak predictor.");
        break;
    case core::IvStrength::Medium:
        meaning = QObject::tr("IV 0.1 to 0.3: a medium predictor.");
        break;
    case core::IvStrength::Strong:
        meaning = QObject::tr("IV 0.3 to 0.5: a strong predictor.");
        break;
    case core::IvStrength::Suspicious:
        meaning = QObject::tr("IV above 0.5: suspiciously strong — check that the attribute is "
                              "known before the credit decision (no leakage of the outcome).");
        break;
    }
    return meaning + QLatin1Char('\n') + strengthBandsDefinition();
}

QString ExploreCharts::ivDefinition()
{
    return QObject::tr("Information Value: IV = Σ (%good − %bad) × WoE over the bins. It measures "
                       "how well the attribute alone separates good from bad applicants.");
}

QString ExploreCharts::woeDefinition()
{
    return QObject::tr("Weight of Evidence: WoE = ln(%good / %bad), where %good is the share of "
                       "all good applicants in this bin. Positive = safer than average, negative "
                       "= riskier. Bins with no good or no bad get 0.5 added to both counts.");
}

QString ExploreCharts::strengthBandsDefinition()
{
    return QObject::tr("Strength bands: < 0.02 useless, 0.02–0.1 weak, 0.1–0.3 medium, "
                       "0.3–0.5 strong, > 0.5 suspicious.");
}

QString ExploreCharts::axisTitle(const QString& attribute)
{
    // German Credit units; other data sets show "value".
    if (attribute == QLatin1String("duration")) {
        return QObject::tr("%1 (months)").arg(attribute);
    }
    if (attribute == QLatin1String("credit_amount")) {
        return QObject::tr("%1 (DM)").arg(attribute);
    }
    if (attribute == QLatin1String("age")) {
        return QObject::tr("%1 (years)").arg(attribute);
    }
    return QObject::tr("%1 (value)").arg(attribute);
}

void ExploreCharts::fillHistogram(ChartWidget* widget, const core::AttributeExploration& a,
                                  const Labels& labels)
{
    const QString name = qs(a.summary.name);
    widget->clear(QObject::tr("Distribution of %1 by outcome").arg(name));
    widget->setExportName(QStringLiteral("histogram_") + name);
    const auto& bins = a.histogram.bins;
    if (bins.empty()) {
        widget->showPlaceholder(QObject::tr("%1 has no values to show").arg(name));
        return;
    }
    QChart* chart = widget->chart();
    // Two stacked step areas: good from 0, bad on top of good.
    auto* zero = new QLineSeries;
    auto* goodTop = new QLineSeries;
    auto* badTop = new QLineSeries;
    zero->append(bins.front().lower, 0);
    zero->append(bins.back().upper, 0);
    double peak = 0;
    goodTop->append(bins.front().lower, 0);
    badTop->append(bins.front().lower, 0);
    for (const core::HistogramBin& bin : bins) {
        const double g = double(bin.goods);
        const double t = double(bin.goods + bin.bads);
        goodTop->append(bin.lower, g);
        goodTop->append(bin.upper, g);
        badTop->append(bin.lower, t);
        badTop->append(bin.upper, t);
        peak = std::max(peak, t);
    }
    goodTop->append(bins.back().upper, 0);
    badTop->append(bins.back().upper, 0);

    auto* goodArea = new QAreaSeries(goodTop, zero);
    goodArea->setName(labels.good);
    goodArea->setColor(goodColour());
    goodArea->setBorderColor(goodColour().darker(130));
    auto* badLower = new QLineSeries;
    badLower->append(goodTop->points());
    auto* badArea = new QAreaSeries(badTop, badLower);
    badArea->setName(labels.bad);
    badArea->setColor(badColour());
    badArea->setBorderColor(badColour().darker(130));
    // An area series does not own its boundary lines: parent them to it, or every redraw
    // of the histogram leaked four line series (found by LeakSanitizer).
    goodTop->setParent(goodArea);
    zero->setParent(goodArea);
    badTop->setParent(badArea);
    badLower->setParent(badArea);
    chart->addSeries(goodArea);
    chart->addSeries(badArea);

    QValueAxis* x = widget->addValueAxis(Qt::AlignBottom, axisTitle(name), goodArea);
    badArea->attachAxis(x);
    x->setRange(bins.front().lower, bins.back().upper);
    x->applyNiceNumbers();
    x->setLabelFormat(QStringLiteral("%.0f"));
    QValueAxis* y = widget->addValueAxis(Qt::AlignLeft, QObject::tr("Applicants"), goodArea);
    badArea->attachAxis(y);
    y->setRange(0, niceCeiling(peak * 1.05));
    y->setLabelFormat(QStringLiteral("%.0f"));
}

void ExploreCharts::fillBoxPlot(ChartWidget* widget, const core::AttributeExploration& a,
                                const Labels& labels)
{
    const QString name = qs(a.summary.name);
    widget->clear(QObject::tr("Quartiles of %1").arg(name));
    widget->setExportName(QStringLiteral("boxplot_") + name);
    if (a.summary.count == 0) {
        widget->showPlaceholder(QObject::tr("%1 has no values to show").arg(name));
        return;
    }
    QChart* chart = widget->chart();
    auto* series = new QBoxPlotSeries;
    series->setName(QObject::tr("quartiles"));
    struct Group
    {
        QString label;
        const core::BoxStats* box;
        QColor colour;
    };
    const Group groups[] = {{QObject::tr("all"), &a.summary.all, QColor(170, 170, 170)},
                            {labels.good, &a.summary.good, goodColour()},
                            {labels.bad, &a.summary.bad, badColour()}};
    double lo = a.summary.min;
    double hi = a.summary.max;
    QStringList categories;
    for (const Group& g : groups) {
        if (g.box->count == 0) {
            continue;
        }
        auto* set = new QBoxSet(g.box->lowerWhisker, g.box->q1, g.box->median, g.box->q3,
                                g.box->upperWhisker, g.label);
        set->setBrush(g.colour.lighter(125));
        set->setPen(QPen(g.colour.darker(150), 1.5));
        series->append(set);
        categories << g.label;
    }
    chart->addSeries(series);
    chart->legend()->setVisible(false);
    widget->addCategoryAxis(Qt::AlignBottom, QObject::tr("Outcome"), categories, series);
    QValueAxis* y = widget->addValueAxis(Qt::AlignLeft, axisTitle(name), series);
    const double pad = (hi - lo) * 0.05 + (hi == lo ? 1.0 : 0.0);
    y->setRange(lo >= 0 && lo - pad < 0 ? 0.0 : lo - pad, hi + pad);
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%.0f"));
    chart->setToolTip(QObject::tr("Boxes span Q1 to Q3 with the median inside; whiskers reach "
                                  "the most extreme values within 1.5 × IQR of the box."));
}

void ExploreCharts::fillBadRate(ChartWidget* widget, const core::AttributeExploration& a,
                                const Labels& labels, double portfolioRate)
{
    const QString name = qs(a.summary.name);
    const auto& bins = a.woe.bins;
    widget->clear(QObject::tr("%1 rate per %2 bin").arg(labels.bad, name));
    widget->setExportName(QStringLiteral("badrate_") + name);
    if (bins.empty()) {
        widget->showPlaceholder(QObject::tr("%1 has no values to show").arg(name));
        return;
    }
    QChart* chart = widget->chart();
    auto* set = new QBarSet(QObject::tr("%1 rate").arg(labels.bad));
    set->setColor(badColour());
    QStringList categories;
    QStringList tips;
    double peak = portfolioRate;
    for (const core::WoeBin& bin : bins) {
        set->append(std::round(1000.0 * bin.badRate) / 10.0);
        const QString label = bin.missingBin ? QObject::tr("missing") : qs(bin.label);
        // Axis labels are rich text: "<0" would vanish as a tag.
        categories << label.toHtmlEscaped();
        tips << QObject::tr("%1: %2 %3 of %4 applicants (%5)")
                    .arg(label)
                    .arg(bin.bads)
                    .arg(labels.bad)
                    .arg(bin.goods + bin.bads)
                    .arg(percentText(bin.badRate));
        peak = std::max(peak, bin.badRate);
    }
    showBarToolTips(set, tips);
    auto* series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    series->setLabelsFormat(QStringLiteral("@value %"));
    set->setLabelColor(Qt::white);
    chart->addSeries(series);

    auto* average = new QLineSeries;
    average->setName(
        QObject::tr("portfolio %1 rate %2").arg(labels.bad, percentText(portfolioRate)));
    average->append(-0.5, 100.0 * portfolioRate);
    average->append(double(bins.size()) - 0.5, 100.0 * portfolioRate);
    QPen pen(QColor(60, 60, 60), 1.5, Qt::DashLine);
    average->setPen(pen);
    chart->addSeries(average);

    QBarCategoryAxis* x =
        widget->addCategoryAxis(Qt::AlignBottom, axisTitle(name), categories, series);
    widget->keepLabelsWhole(x, series);
    average->attachAxis(x);
    QValueAxis* y =
        widget->addValueAxis(Qt::AlignLeft, QObject::tr("%1 rate (%)").arg(labels.bad), series);
    average->attachAxis(y);
    y->setRange(0, std::min(100.0, niceCeiling(100.0 * peak * 1.15)));
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%.0f"));
}

void ExploreCharts::fillLevels(ChartWidget* widget, const core::AttributeExploration& a,
                               const Labels& labels)
{
    const QString name = qs(a.summary.name);
    const auto& bins = a.woe.bins;
    widget->clear(QObject::tr("%1: applicants and %2 rate per level").arg(name, labels.bad));
    widget->setExportName(QStringLiteral("levels_") + name);
    if (bins.empty()) {
        widget->showPlaceholder(QObject::tr("%1 has no levels").arg(name));
        return;
    }
    QChart* chart = widget->chart();
    auto* good = new QBarSet(labels.good);
    auto* bad = new QBarSet(labels.bad);
    good->setColor(goodColour());
    bad->setColor(badColour());
    auto* rate = new QLineSeries;
    rate->setName(QObject::tr("%1 rate (top axis)").arg(labels.bad));
    rate->setPen(QPen(QColor(90, 90, 90), 1.2));
    auto* dots = new QScatterSeries;
    dots->setMarkerSize(8);
    dots->setColor(QColor(40, 40, 40));
    dots->setBorderColor(Qt::white);
    QStringList categories;
    QStringList goodTips;
    QStringList badTips;
    double peakCount = 0;
    double peakRate = 0;
    // Horizontal bars grow upwards from the first category: append in reverse so that the
    // declared order reads from the top.
    const int n = int(bins.size());
    for (int k = n - 1; k >= 0; --k) {
        const core::WoeBin& bin = bins[std::size_t(k)];
        const QString label = bin.missingBin ? QObject::tr("missing") : qs(bin.label);
        categories << label.toHtmlEscaped(); // axis labels are rich text ("<0")
        good->append(double(bin.goods));
        bad->append(double(bin.bads));
        const int position = n - 1 - k;
        if (bin.goods + bin.bads > 0) { // no rate for an unused level
            rate->append(100.0 * bin.badRate, position);
            dots->append(100.0 * bin.badRate, position);
        }
        const QString tip = QObject::tr("%1: %2 %3, %4 %5, %6 rate %7")
                                .arg(label)
                                .arg(bin.goods)
                                .arg(labels.good)
                                .arg(bin.bads)
                                .arg(labels.bad, labels.bad, percentText(bin.badRate));
        goodTips << tip;
        badTips << tip;
        peakCount = std::max(peakCount, double(bin.goods + bin.bads));
        peakRate = std::max(peakRate, bin.badRate);
    }
    showBarToolTips(good, goodTips);
    showBarToolTips(bad, badTips);
    auto* bars = new QHorizontalStackedBarSeries;
    bars->append(good);
    bars->append(bad);
    bars->setBarWidth(0.6);
    chart->addSeries(bars);
    chart->addSeries(rate);
    chart->addSeries(dots);
    hideLegendMarker(chart, dots);

    QBarCategoryAxis* levels = widget->addCategoryAxis(Qt::AlignLeft, QString(), categories, bars);
    rate->attachAxis(levels);
    dots->attachAxis(levels);
    QValueAxis* count = widget->addValueAxis(Qt::AlignBottom, QObject::tr("Applicants"), bars);
    count->setRange(0, niceCeiling(peakCount * 1.05));
    count->applyNiceNumbers();
    count->setLabelFormat(QStringLiteral("%.0f"));
    QValueAxis* percentAxis =
        widget->addValueAxis(Qt::AlignTop, QObject::tr("%1 rate (%)").arg(labels.bad), rate);
    dots->attachAxis(percentAxis);
    percentAxis->setRange(0, std::min(100.0, niceCeiling(100.0 * peakRate * 1.1)));
    percentAxis->applyNiceNumbers();
    percentAxis->setLabelFormat(QStringLiteral("%.0f"));
    percentAxis->setGridLineVisible(false);
}

void ExploreCharts::fillIvRanking(ChartWidget* widget, const core::ExploreResult& result)
{
    widget->clear(QObject::tr("Information Value by attribute"));
    widget->setExportName(QStringLiteral("iv_ranking"));
    if (result.attributes.empty()) {
        widget->showPlaceholder(QObject::tr("No attributes"));
        return;
    }
    QChart* chart = widget->chart();
    const core::IvStrength bands[] = {core::IvStrength::Useless, core::IvStrength::Weak,
                                      core::IvStrength::Medium, core::IvStrength::Strong,
                                      core::IvStrength::Suspicious};
    QList<QBarSet*> sets;
    for (core::IvStrength band : bands) {
        auto* set = new QBarSet(strengthBand(band).toHtmlEscaped()); // legend is rich text
        set->setColor(strengthColour(band));
        set->setBorderColor(strengthColour(band).darker(120));
        sets << set;
    }
    // Ascending, so that the strongest attribute is drawn at the top.
    std::vector<std::size_t> order = result.ivRanking();
    std::reverse(order.begin(), order.end());
    QStringList categories;
    QStringList tips;
    double peak = 0;
    for (std::size_t index : order) {
        const core::AttributeExploration& a = result.attributes[index];
        categories << qs(a.summary.name).toHtmlEscaped();
        tips << QObject::tr("%1: IV %2 (%3)")
                    .arg(qs(a.summary.name), QLocale().toString(a.woe.iv, 'f', 3),
                         strengthLabel(a.woe.strength));
        for (int b = 0; b < 5; ++b) {
            sets[b]->append(bands[b] == a.woe.strength ? a.woe.iv : 0.0);
        }
        peak = std::max(peak, a.woe.iv);
    }
    auto* series = new QHorizontalStackedBarSeries;
    for (QBarSet* set : sets) {
        showBarToolTips(set, tips);
        series->append(set);
    }
    series->setBarWidth(0.7);
    chart->addSeries(series);
    QBarCategoryAxis* names = widget->addCategoryAxis(Qt::AlignLeft, QString(), categories, series);
    QValueAxis* ivAxis =
        widget->addValueAxis(Qt::AlignBottom, QObject::tr("Information Value (IV)"), series);
    const double top = std::max(0.6, niceCeiling(peak * 1.05));
    ivAxis->setRange(0, top);
    ivAxis->setLabelFormat(QStringLiteral("%.2f"));
    // Band limits as dashed vertical lines.
    for (double limit : {0.02, 0.1, 0.3, 0.5}) {
        auto* line = new QLineSeries;
        line->append(limit, -0.5);
        line->append(limit, double(categories.size()) - 0.5);
        line->setPen(QPen(QColor(120, 120, 120), 1, Qt::DashLine));
        chart->addSeries(line);
        line->attachAxis(ivAxis);
        line->attachAxis(names);
        hideLegendMarker(chart, line);
    }
    chart->legend()->setToolTip(strengthBandsDefinition());
    widget->chartView()->setToolTip(ivDefinition() + QLatin1Char('\n') + strengthBandsDefinition());
}

void ExploreCharts::fillClassBalance(ChartWidget* widget, const core::ClassBalance& balance)
{
    widget->clear(QObject::tr("Class balance"));
    widget->setExportName(QStringLiteral("class_balance"));
    QChart* chart = widget->chart();
    const double total = double(balance.positives + balance.negatives);
    if (total == 0) {
        widget->showPlaceholder(QObject::tr("No rows"));
        return;
    }
    auto* series = new QPieSeries;
    auto* good = series->append(QObject::tr("%1: %2 (%3)")
                                    .arg(qs(balance.negativeLabel),
                                         QLocale().toString(qulonglong(balance.negatives)),
                                         percentText(double(balance.negatives) / total)),
                                double(balance.negatives));
    auto* bad = series->append(QObject::tr("%1: %2 (%3)")
                                   .arg(qs(balance.positiveLabel),
                                        QLocale().toString(qulonglong(balance.positives)),
                                        percentText(double(balance.positives) / total)),
                               double(balance.positives));
    good->setColor(goodColour());
    bad->setColor(badColour());
    bad->setExploded(true);
    series->setLabelsVisible(true);
    series->setPieSize(0.6);
    chart->addSeries(series);
    chart->legend()->setVisible(false);
}

} // namespace credit::ui
