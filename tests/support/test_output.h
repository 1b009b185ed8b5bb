// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDir>
#include <QString>

namespace credit::test {

/// Where a test writes what a developer opens afterwards (grabs, exported PDFs): the build
/// tree's test-output folder, not a shared /tmp path that another checkout's test run on the
/// same machine would overwrite mid-test.
inline QString testOutput(const QString& name)
{
    const QString dir = QStringLiteral(CREDIT_BINARY_DIR "/test-output");
    QDir().mkpath(dir);
    return dir + QLatin1Char('/') + name;
}

} // namespace credit::test
