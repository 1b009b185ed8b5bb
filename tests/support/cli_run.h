// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// Runs the credit-risk CLI (CREDIT_CLI, set per test in tests/CMakeLists.txt) as a real
// process, for the tests that check its output, files and exit codes.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>

namespace credit::test {

struct CliRun
{
    int exitCode = -1; ///< -1: timed out (killed); -2: crashed
    QByteArray out;
    QByteArray err;
};

inline CliRun runCli(const QStringList& arguments, int timeoutMs = 240000)
{
    QProcess process;
    process.start(QStringLiteral(CREDIT_CLI), arguments);
    CliRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

/// `credit-risk train` on credit-g with `algorithms` (comma-separated), one repeat of 3-fold
/// CV and `trials` trials on two threads, writing the bundle to `out`: a model for the tests
/// that score, not a good one.
inline CliRun trainQuickModel(const QString& out, const QString& algorithms = QStringLiteral("lr"),
                              int trials = 1, const QStringList& extra = {})
{
    return runCli(QStringList{QStringLiteral("train"), QStringLiteral("--data"),
                              QStringLiteral(CREDIT_DATA_DIR "/credit-g.arff"),
                              QStringLiteral("--algorithms"), algorithms, QStringLiteral("--folds"),
                              QStringLiteral("3"), QStringLiteral("--repeats"), QStringLiteral("1"),
                              QStringLiteral("--trials"), QString::number(trials),
                              QStringLiteral("--threads"), QStringLiteral("2"),
                              QStringLiteral("--quiet"), QStringLiteral("--out"), out} +
                      extra,
                  600000);
}

} // namespace credit::test
