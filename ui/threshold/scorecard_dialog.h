// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "policy/risk_grading.h"
#include "policy/scorecard_scale.h"

#include <QDialog>

#include <vector>

class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QPushButton;

namespace credit::ui {

class AppState;

/// Scorecard and grades (opened from the Threshold tab): the points scale (base points, base
/// odds, points to double the odds) and the upper PD bound of every risk grade but the last.
/// A valid change applies at once to AppState's DecisionPolicy, so every view of points or
/// grades updates and File ▸ Save Model stores it with the model. An invalid value is shown
/// beside its field with core's message and is not applied; the tabs keep the last valid
/// settings. Non-modal, so the effect can be watched on the tabs.
class ScorecardDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ScorecardDialog(AppState* state, QWidget* parent = nullptr);

    /// Validates the fields and applies them to AppState; false (messages shown) when a field
    /// is invalid.
    bool apply();
    /// Puts back the default scale (600 points at 50:1, 20 to double) and grades, and applies.
    void restoreDefaults();

    // Widgets, for tests.
    QDoubleSpinBox* basePointsSpin() const { return m_basePoints; }
    QDoubleSpinBox* baseOddsSpin() const { return m_baseOdds; }
    QDoubleSpinBox* pointsToDoubleSpin() const { return m_pointsToDouble; }
    /// Upper PD bound, in %, of grade `index` (0 = the best); every grade but the last.
    QDoubleSpinBox* gradeSpin(int index) const;
    QLabel* gradeError(int index) const;
    QLabel* baseOddsError() const { return m_baseOddsError; }
    QLabel* pointsToDoubleError() const { return m_pointsToDoubleError; }
    QLabel* statusLabel() const { return m_status; }
    QLabel* legendLabel() const { return m_legend; }
    QPushButton* restoreDefaultsButton() const { return m_restore; }

protected:
    void hideEvent(QHideEvent* event) override;

private:
    struct GradeRow
    {
        QDoubleSpinBox* spin = nullptr; ///< nullptr for the last grade
        QLabel* error = nullptr;
    };

    void reload();
    void rebuildGradeRows(const core::RiskGrading& grading);
    void setFields(const core::ScorecardScale& scale, const core::RiskGrading& grading);
    void clearMessages();
    void showPreview(const core::ScorecardScale& scale, const core::RiskGrading& grading);

    AppState* m_state;
    QDoubleSpinBox* m_basePoints;
    QDoubleSpinBox* m_baseOdds;
    QDoubleSpinBox* m_pointsToDouble;
    QLabel* m_basePointsError;
    QLabel* m_baseOddsError;
    QLabel* m_pointsToDoubleError;
    QLabel* m_example;
    QFormLayout* m_gradeForm;
    QLabel* m_lastGrade = nullptr; ///< "the rest: PD of 20 % and above"
    QLabel* m_legend;
    QLabel* m_status;
    QPushButton* m_restore;
    std::vector<GradeRow> m_gradeRows;
    std::vector<core::RiskGrade> m_gradeTemplate; ///< names and descriptions of the rows
    bool m_updating = false;
};

} // namespace credit::ui
