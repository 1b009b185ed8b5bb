// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "explain/scorer.h"

#include <QString>
#include <QWidget>

#include <string>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;

namespace credit::ui {

/// The Score tab's applicant form, generated from a model's schema: a combo box per category
/// (with the human meaning of every level) and a spin box per number, each labelled with the
/// attribute's meaning and followed by a line for its message. Numbers whose training values
/// are all whole (ScoringSettings::integerFields) show no decimals. Defaults are the training
/// median (rounded for whole numbers) / mode.
class ApplicantForm : public QWidget
{
    Q_OBJECT

public:
    explicit ApplicantForm(QWidget* parent = nullptr);

    /// Builds the fields for `scorer` (none for nullptr), keeping the values entered where the
    /// attribute still exists. False when the fields were already those of `scorer`: nothing
    /// changes then.
    bool rebuild(const core::Scorer* scorer);
    bool isEmpty() const { return m_fields.empty(); }

    /// The applicant as entered (attribute → text).
    core::Applicant applicant() const;
    /// Fills the fields (unknown attributes and levels ignored) without emitting edited().
    void setApplicant(const core::Applicant& values);
    /// Training median / mode of every field.
    core::Applicant defaults() const;

    /// Hides every field message.
    void clearMessages();
    /// Shows `message` under `attribute`'s field: an error (red) or a warning (amber).
    void showMessage(const std::string& attribute, const QString& message, bool warning);

    QWidget* fieldWidget(const QString& attribute) const;
    QLabel* fieldError(const QString& attribute) const;

signals:
    /// The analyst changed a field (not setApplicant()).
    void edited();

private:
    struct Field
    {
        core::ColumnSchema schema;
        QComboBox* combo = nullptr;
        QDoubleSpinBox* spin = nullptr;
        QLabel* error = nullptr;
        QString defaultValue;
    };

    const Field* find(const QString& attribute) const;

    QFormLayout* m_form;
    std::vector<Field> m_fields;
    std::vector<std::string> m_signature;
    bool m_filling = false;
};

} // namespace credit::ui
