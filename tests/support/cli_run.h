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

} // namespace credit::test
