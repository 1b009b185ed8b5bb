// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "widgets/number_text.h"

#include <QRegularExpression>

#include <cmath>

namespace credit::ui {

QString percentText(double share, int decimals)
{
    if (std::isnan(share)) {
        return QStringLiteral("–");
    }
    return QStringLiteral("%1 %").arg(share * 100.0, 0, 'f', decimals);
}

QString parameterText(const QString& exact)
{
    bool number = false;
    const double value = exact.toDouble(&number);
    if (!number || !exact.contains(QRegularExpression(QStringLiteral("[.eE]")))) {
        return exact;
    }
    return QString::number(value, 'g', 4);
}

} // namespace credit::ui
