// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "score/applicant_form.h"

#include "explain/attribute_glossary.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <cmath>

namespace credit::ui {
namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

ApplicantForm::ApplicantForm(QWidget* parent) : QWidget(parent), m_form(new QFormLayout(this))
{
    // Attribute meanings are long ("Instalment rate in percentage of disposable income"):
    // put each label above its field so neither is squeezed.
    m_form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    m_form->setVerticalSpacing(4);
}

bool ApplicantForm::rebuild(const core::Scorer* scorer)
{
    std::vector<std::string> signature;
    if (scorer) {
        for (const core::ColumnSchema& field : scorer->settings().fields) {
            const bool whole = scorer->settings().integerFields.count(field.name) > 0;
            signature.push_back(field.name + (whole ? "#integer" : ""));
        }
    }
    if (signature == m_signature && !m_fields.empty()) {
        return false;
    }
    const core::Applicant kept = applicant();
    m_signature = signature;
    while (m_form->rowCount() > 0) {
        m_form->removeRow(0);
    }
    m_fields.clear();
    if (!scorer) {
        return true;
    }
    const core::ScoringSettings& settings = scorer->settings();
    const auto& attributes = scorer->model().pipeline().attributes();
    auto stats = [&](const std::string& name) -> const core::AttributeStats* {
        for (const core::AttributeStats& a : attributes) {
            if (a.name == name) {
                return &a;
            }
        }
        return nullptr;
    };
    for (const core::ColumnSchema& schema : settings.fields) {
        Field field;
        field.schema = schema;
        const QString meaning = qs(core::AttributeGlossary::meaning(schema.name));
        const core::AttributeStats* a = stats(schema.name);
        QWidget* editor = nullptr;
        if (schema.type == core::ColumnType::Categorical) {
            field.combo = new QComboBox;
            field.combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
            field.combo->setMinimumContentsLength(18);
            for (const std::string& level : schema.levels) {
                const std::string levelMeaning =
                    core::AttributeGlossary::levelMeaning(schema.name, level);
                const QString text =
                    levelMeaning == level
                        ? qs(level)
                        : QStringLiteral("%1 — %2").arg(qs(level), qs(levelMeaning));
                field.combo->addItem(text, qs(level));
            }
            field.defaultValue =
                a && !a->levels.empty() ? qs(a->levels[a->mode]) : qs(schema.levels.front());
            editor = field.combo;
            connect(field.combo, &QComboBox::currentIndexChanged, this, [this] {
                if (!m_filling) {
                    emit edited();
                }
            });
        } else {
            // Whole numbers in every training row (durations, amounts, ages, counts, bands):
            // no decimals; real-valued attributes keep two.
            const bool whole = settings.integerFields.count(schema.name) > 0;
            field.spin = new QDoubleSpinBox;
            field.spin->setRange(-1e9, 1e9);
            field.spin->setDecimals(whole ? 0 : 2);
            field.spin->setKeyboardTracking(false);
            const std::string unit = core::AttributeGlossary::unit(schema.name);
            if (!unit.empty() && unit != "band") {
                field.spin->setSuffix(QLatin1Char(' ') + qs(unit));
            }
            const double median = a ? a->median : 0.0;
            field.defaultValue = QString::number(whole ? std::round(median) : median, 'g', 15);
            editor = field.spin;
            connect(field.spin, &QDoubleSpinBox::valueChanged, this, [this] {
                if (!m_filling) {
                    emit edited();
                }
            });
        }
        const auto range = settings.numericRanges.find(schema.name);
        QString tip = meaning;
        if (range != settings.numericRanges.end()) {
            tip += tr("\nTraining range: %1 to %2")
                       .arg(qs(core::AttributeGlossary::formatNumber(range->second.first)),
                            qs(core::AttributeGlossary::formatNumber(range->second.second)));
        }
        editor->setToolTip(tip);
        editor->setObjectName(qs(schema.name));
        field.error = new QLabel;
        field.error->setWordWrap(true);
        field.error->hide();
        auto* cell = new QWidget;
        auto* cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->setSpacing(1);
        cellLayout->addWidget(editor);
        cellLayout->addWidget(field.error);
        auto* label = new QLabel(meaning + QLatin1Char(':'));
        label->setToolTip(qs(schema.name));
        m_form->addRow(label, cell);
        m_fields.push_back(field);
    }
    setApplicant(defaults());
    setApplicant(kept);
    return true;
}

core::Applicant ApplicantForm::applicant() const
{
    core::Applicant out;
    for (const Field& field : m_fields) {
        out[field.schema.name] = field.combo
                                     ? field.combo->currentData().toString().toStdString()
                                     : QString::number(field.spin->value(), 'g', 15).toStdString();
    }
    return out;
}

void ApplicantForm::setApplicant(const core::Applicant& values)
{
    m_filling = true;
    for (Field& field : m_fields) {
        const auto it = values.find(field.schema.name);
        if (it == values.end()) {
            continue;
        }
        if (field.combo) {
            const int index = field.combo->findData(qs(it->second));
            if (index >= 0) {
                field.combo->setCurrentIndex(index);
            }
        } else {
            field.spin->setValue(qs(it->second).toDouble());
        }
    }
    m_filling = false;
}

core::Applicant ApplicantForm::defaults() const
{
    core::Applicant values;
    for (const Field& field : m_fields) {
        values[field.schema.name] = field.defaultValue.toStdString();
    }
    return values;
}

void ApplicantForm::clearMessages()
{
    for (Field& field : m_fields) {
        field.error->hide();
        field.error->clear();
    }
}

void ApplicantForm::showMessage(const std::string& attribute, const QString& message, bool warning)
{
    for (Field& field : m_fields) {
        if (field.schema.name == attribute) {
            field.error->setStyleSheet(warning ? QStringLiteral("color: #8a5a00;")
                                               : QStringLiteral("color: #b00020;"));
            field.error->setText(message);
            field.error->show();
        }
    }
}

const ApplicantForm::Field* ApplicantForm::find(const QString& attribute) const
{
    for (const Field& field : m_fields) {
        if (qs(field.schema.name) == attribute) {
            return &field;
        }
    }
    return nullptr;
}

QWidget* ApplicantForm::fieldWidget(const QString& attribute) const
{
    const Field* field = find(attribute);
    if (!field) {
        return nullptr;
    }
    return field->combo ? static_cast<QWidget*>(field->combo) : field->spin;
}

QLabel* ApplicantForm::fieldError(const QString& attribute) const
{
    const Field* field = find(attribute);
    return field ? field->error : nullptr;
}

} // namespace credit::ui
