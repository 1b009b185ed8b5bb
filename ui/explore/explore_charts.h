// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "explore/explore_result.h"

#include <QColor>
#include <QString>
#include <QStringList>

namespace credit::ui {

class ChartWidget;

/// Builds the Explore tab's charts from core results into ChartWidgets, plus the shared
/// colours, labels and definitions (tooltips) of the tab. Every number comes from core.
class ExploreCharts
{
public:
    /// Outcome labels and the dataset's column levels, as the charts need them.
    struct Labels
    {
        QString good; ///< e.g. "good"
        QString bad;  ///< e.g. "bad"
    };

    static QColor goodColour();
    static QColor badColour();
    static QColor strengthColour(core::IvStrength strength);
    /// Translated band name ("medium").
    static QString strengthLabel(core::IvStrength strength);
    /// Band name with its range ("medium (0.1–0.3)").
    static QString strengthBand(core::IvStrength strength);
    static QString strengthToolTip(core::IvStrength strength);
    static QString ivDefinition();
    static QString woeDefinition();
    static QString strengthBandsDefinition();

    /// Axis title of a numeric attribute with its unit: "credit_amount (DM)", "age (years)",
    /// "duration (months)", otherwise "<name> (value)".
    static QString axisTitle(const QString& attribute);

    /// Histogram split by outcome (stacked areas on a numeric axis).
    static void fillHistogram(ChartWidget* chart, const core::AttributeExploration& a,
                              const Labels& labels);
    /// Box plots of all, good and bad applicants (Tukey whiskers at 1.5·IQR).
    static void fillBoxPlot(ChartWidget* chart, const core::AttributeExploration& a,
                            const Labels& labels);
    /// Bad rate per quantile bin (bars, %) with the portfolio bad rate as a dashed line.
    static void fillBadRate(ChartWidget* chart, const core::AttributeExploration& a,
                            const Labels& labels, double portfolioRate);
    /// Categorical: horizontal bars of counts per level split by outcome, levels in declared
    /// order from the top, and the bad rate per level as a line on a top percent axis.
    static void fillLevels(ChartWidget* chart, const core::AttributeExploration& a,
                           const Labels& labels);
    /// IV of every attribute, sorted, coloured by strength band, with band limits as lines.
    static void fillIvRanking(ChartWidget* chart, const core::ExploreResult& result);
    /// Share of each outcome.
    static void fillClassBalance(ChartWidget* chart, const core::ClassBalance& balance);
};

} // namespace credit::ui
