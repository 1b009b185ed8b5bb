// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "threshold/scorecard_dialog.h"

#include "threshold/spin_box.h"

#include "main/app_state.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace credit::ui {
namespace {

const QString kErrorStyle = QStringLiteral("color: #b00020;");

QDoubleSpinBox* spin(double min, double max, double step, int decimals, const QString& suffix)
{
    QDoubleSpinBox* box = makeSpinBox(min, max, step, decimals, suffix);
    box->setMinimumWidth(120);
    return box;
}

QLabel* errorLabel()
{
    auto* label = new QLabel;
    label->setStyleSheet(kErrorStyle);
    label->setWordWrap(true);
    label->hide();
    return label;
}

/// A field with its message below it, as on the Score form.
QWidget* withError(QWidget* field, QLabel* error)
{
    auto* cell = new QWidget;
    auto* layout = new QVBoxLayout(cell);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(1);
    layout->addWidget(field, 0, Qt::AlignLeft);
    layout->addWidget(error);
    return cell;
}

void showError(QLabel* label, const QString& message)
{
    label->setText(message);
    label->show();
}

QString percent(double share)
{
    return QStringLiteral("%1 %").arg(share * 100.0, 0, 'g', 4);
}

} // namespace

ScorecardDialog::ScorecardDialog(AppState* state, QWidget* parent)
    : QDialog(parent), m_state(state),
      m_basePoints(spin(-100000.0, 100000.0, 10.0, 0, tr(" points"))),
      m_baseOdds(spin(0.0, 1000000.0, 5.0, 2, QStringLiteral(" : 1"))),
      m_pointsToDouble(spin(0.0, 10000.0, 1.0, 1, tr(" points"))), m_basePointsError(errorLabel()),
      m_baseOddsError(errorLabel()), m_pointsToDoubleError(errorLabel()), m_example(new QLabel),
      m_gradeForm(new QFormLayout), m_legend(new QLabel), m_status(new QLabel),
      m_restore(new QPushButton(tr("Restore defaults")))
{
    setWindowTitle(tr("Scorecard and grades"));
    m_basePoints->setObjectName(QStringLiteral("basePoints"));
    m_baseOdds->setObjectName(QStringLiteral("baseOdds"));
    m_pointsToDouble->setObjectName(QStringLiteral("pointsToDouble"));
    m_basePoints->setToolTip(tr("Points of an applicant whose odds of good to bad equal the "
                                "base odds. Higher points always mean lower risk."));
    m_baseOdds->setToolTip(tr("Odds of good to bad applicants that score the base points: 50 "
                              "means 50 goods for every bad, a PD of 1/51 = 1.96 %. Must be "
                              "above 0."));
    m_pointsToDouble->setToolTip(tr("Points to double the odds (PDO): every this many extra "
                                    "points the odds of good to bad double, so the PD roughly "
                                    "halves. Must be above 0."));

    auto* scaleBox = new QGroupBox(tr("Scorecard points"));
    auto* scaleForm = new QFormLayout(scaleBox);
    scaleForm->addRow(tr("Base points:"), withError(m_basePoints, m_basePointsError));
    scaleForm->addRow(tr("at odds (good:bad):"), withError(m_baseOdds, m_baseOddsError));
    scaleForm->addRow(tr("Points to double the odds:"),
                      withError(m_pointsToDouble, m_pointsToDoubleError));
    m_example->setWordWrap(true);
    m_example->setStyleSheet(QStringLiteral("color: #555;"));
    scaleForm->addRow(m_example);

    auto* gradesBox = new QGroupBox(tr("Risk grades (on the population PD)"));
    auto* gradesLayout = new QVBoxLayout(gradesBox);
    auto* gradesNote = new QLabel(tr("Each grade holds the PDs from the previous grade's bound "
                                     "up to its own; the last grade takes the rest."));
    gradesNote->setWordWrap(true);
    gradesLayout->addWidget(gradesNote);
    gradesLayout->addLayout(m_gradeForm);
    m_legend->setWordWrap(true);
    m_legend->setStyleSheet(QStringLiteral("color: #555;"));
    gradesLayout->addWidget(m_legend);

    m_status->setWordWrap(true);
    m_restore->setObjectName(QStringLiteral("restoreDefaults"));
    m_restore->setToolTip(tr("600 points at odds 50:1, 20 points to double the odds; grades A "
                             "< 2 %, B < 5 %, C < 10 %, D < 20 %, E the rest."));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_restore, QDialogButtonBox::ResetRole);

    scaleBox->setMinimumWidth(480);
    gradesBox->setMinimumWidth(480);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scaleBox);
    layout->addWidget(gradesBox);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(buttons);
    // Grow and shrink with the messages shown, so a message never squeezes its field.
    layout->setSizeConstraint(QLayout::SetFixedSize);

    for (QDoubleSpinBox* box : {m_basePoints, m_baseOdds, m_pointsToDouble}) {
        connect(box, &QDoubleSpinBox::valueChanged, this, &ScorecardDialog::apply);
    }
    connect(m_restore, &QPushButton::clicked, this, &ScorecardDialog::restoreDefaults);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_state, &AppState::policyChanged, this, [this] {
        if (!m_updating) {
            reload();
        }
    });
    reload();
}

QDoubleSpinBox* ScorecardDialog::gradeSpin(int index) const
{
    return index >= 0 && std::size_t(index) < m_gradeRows.size() ? m_gradeRows[index].spin
                                                                 : nullptr;
}

QLabel* ScorecardDialog::gradeError(int index) const
{
    return index >= 0 && std::size_t(index) < m_gradeRows.size() ? m_gradeRows[index].error
                                                                 : nullptr;
}

void ScorecardDialog::hideEvent(QHideEvent* event)
{
    // Invalid edits were never applied: show the settings in force when reopened.
    reload();
    QDialog::hideEvent(event);
}

void ScorecardDialog::reload()
{
    const core::DecisionPolicy& policy = m_state->policy();
    setFields(policy.scale, policy.grading);
    clearMessages();
    showPreview(policy.scale, policy.grading);
}

void ScorecardDialog::rebuildGradeRows(const core::RiskGrading& grading)
{
    while (m_gradeForm->rowCount() > 0) {
        m_gradeForm->removeRow(0);
    }
    m_gradeRows.clear();
    m_lastGrade = nullptr;
    m_gradeTemplate = grading.grades();
    const auto& grades = m_gradeTemplate;
    for (std::size_t i = 0; i < grades.size(); ++i) {
        const QString name = QString::fromStdString(grades[i].name);
        const QString label =
            grades[i].description.empty()
                ? tr("Grade %1:").arg(name)
                : tr("Grade %1 (%2):").arg(name, QString::fromStdString(grades[i].description));
        GradeRow row;
        row.error = errorLabel();
        if (i + 1 == grades.size()) {
            m_lastGrade = new QLabel;
            m_gradeForm->addRow(label, withError(m_lastGrade, row.error));
        } else {
            row.spin = spin(0.0, 100.0, 0.5, 2, QStringLiteral(" %"));
            row.spin->setPrefix(tr("PD below "));
            row.spin->setObjectName(QStringLiteral("grade%1").arg(name));
            row.spin->setToolTip(
                tr("Upper bound of grade %1 on the population PD: applicants with a PD below it "
                   "(and at or above the previous grade's bound) get grade %1. Bounds must rise "
                   "from grade to grade and stay between 0 % and 100 %.")
                    .arg(name));
            connect(row.spin, &QDoubleSpinBox::valueChanged, this, &ScorecardDialog::apply);
            m_gradeForm->addRow(label, withError(row.spin, row.error));
        }
        m_gradeRows.push_back(row);
    }
}

void ScorecardDialog::setFields(const core::ScorecardScale& scale, const core::RiskGrading& grading)
{
    const bool sameRows = [&] {
        if (grading.grades().size() != m_gradeTemplate.size()) {
            return false;
        }
        for (std::size_t i = 0; i < m_gradeTemplate.size(); ++i) {
            if (grading.grades()[i].name != m_gradeTemplate[i].name ||
                grading.grades()[i].description != m_gradeTemplate[i].description) {
                return false;
            }
        }
        return true;
    }();
    if (!sameRows) {
        rebuildGradeRows(grading);
    }
    const auto set = [](QDoubleSpinBox* box, double value) {
        const bool blocked = box->blockSignals(true);
        box->setValue(value);
        box->blockSignals(blocked);
    };
    set(m_basePoints, scale.basePoints);
    set(m_baseOdds, scale.baseOdds);
    set(m_pointsToDouble, scale.pointsToDouble);
    for (std::size_t i = 0; i < m_gradeRows.size(); ++i) {
        if (m_gradeRows[i].spin) {
            set(m_gradeRows[i].spin, grading.grades()[i].upperPd * 100.0);
        }
    }
}

void ScorecardDialog::clearMessages()
{
    for (QLabel* label : {m_basePointsError, m_baseOddsError, m_pointsToDoubleError}) {
        label->clear();
        label->hide();
    }
    for (const GradeRow& row : m_gradeRows) {
        row.error->clear();
        row.error->hide();
    }
    m_status->setStyleSheet(QStringLiteral("color: #555;"));
    m_status->setText(tr("Changes apply at once to the Threshold and Score tabs. File ▸ Save "
                         "Model stores them with the model, for the command line and batch "
                         "scoring too."));
}

void ScorecardDialog::showPreview(const core::ScorecardScale& scale,
                                  const core::RiskGrading& grading)
{
    const double doubled = scale.baseOdds * 2.0;
    m_example->setText(tr("Odds %1:1 (PD %2) score %3 points; odds %4:1 (PD %5) score %6.")
                           .arg(scale.baseOdds, 0, 'g', 6)
                           .arg(percent(1.0 / (1.0 + scale.baseOdds)))
                           .arg(scale.points(1.0 / (1.0 + scale.baseOdds)), 0, 'f', 0)
                           .arg(doubled, 0, 'g', 6)
                           .arg(percent(1.0 / (1.0 + doubled)))
                           .arg(scale.points(1.0 / (1.0 + doubled)), 0, 'f', 0));
    QStringList lines;
    for (const std::string& line : grading.legend()) {
        lines << QString::fromStdString(line);
    }
    m_legend->setText(lines.join(QLatin1Char('\n')));
    if (m_lastGrade && !m_gradeRows.empty()) {
        const std::size_t last = m_gradeRows.size() - 1;
        m_lastGrade->setText(
            last == 0 ? tr("every PD")
                      : tr("the rest: PD of %1 and above").arg(percent(grading.lowerPd(last))));
    }
}

bool ScorecardDialog::apply()
{
    if (m_updating) {
        return false;
    }
    clearMessages();
    const core::ScorecardScale scale{m_basePoints->value(), m_baseOdds->value(),
                                     m_pointsToDouble->value()};
    std::vector<core::RiskGrade> grades = m_gradeTemplate;
    for (std::size_t i = 0; i < grades.size() && i < m_gradeRows.size(); ++i) {
        grades[i].upperPd = m_gradeRows[i].spin ? m_gradeRows[i].spin->value() / 100.0 : 1.0;
    }
    bool valid = true;
    for (const std::string& problem : scale.validate()) {
        // Core names the field first ("base_odds: must be a number above 0").
        const QString text = QString::fromStdString(problem);
        const qsizetype colon = text.indexOf(QLatin1Char(':'));
        const QString field = text.left(colon);
        QString message = text.mid(colon + 1).trimmed();
        if (!message.isEmpty()) {
            message[0] = message[0].toUpper();
        }
        QLabel* label = field == QLatin1String("base_odds")          ? m_baseOddsError
                        : field == QLatin1String("points_to_double") ? m_pointsToDoubleError
                                                                     : m_basePointsError;
        showError(label, message + QLatin1Char('.'));
        valid = false;
    }
    for (const core::GradeIssue& issue : core::RiskGrading::validate(grades)) {
        if (issue.grade < m_gradeRows.size()) {
            QLabel* label = m_gradeRows[issue.grade].error;
            const QString message = QString::fromStdString(issue.message);
            showError(label, label->text().isEmpty() ? message
                                                     : label->text() + QLatin1Char('\n') + message);
        }
        valid = false;
    }
    if (!valid) {
        m_status->setStyleSheet(kErrorStyle);
        m_status->setText(tr("Not applied: correct the fields marked in red. The tabs keep "
                             "the last valid settings."));
        return false;
    }
    const core::RiskGrading grading(std::move(grades));
    showPreview(scale, grading);
    core::DecisionPolicy policy = m_state->policy();
    if (policy.scale == scale && policy.grading == grading) {
        return true;
    }
    policy.scale = scale;
    policy.grading = grading;
    m_updating = true;
    m_state->setPolicy(policy);
    m_updating = false;
    return true;
}

void ScorecardDialog::restoreDefaults()
{
    m_updating = true;
    setFields(core::ScorecardScale{}, core::RiskGrading{});
    m_updating = false;
    apply();
}

} // namespace credit::ui
