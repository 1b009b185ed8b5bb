// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
//
// GUI cold start: launches the real credit-risk-studio N times offscreen with --screenshot on
// the bundled data and prints min / median / max of
//   - the wall time of the whole process (start, load, paint, grab, PNG, exit),
//   - main() → first paint of the main window, and
//   - main() → first paint with the data shown,
// the last two as reported by the app itself under CREDIT_TRACE_STARTUP=1.
//
//   cmake --build build --target bench_gui_startup && build/tests/bench/bench_gui_startup [N]

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

struct Stats
{
    double min = 0;
    double median = 0;
    double max = 0;
};

Stats summarise(std::vector<double> values)
{
    if (values.empty()) {
        return {};
    }
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    const double median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
    return {values.front(), median, values.back()};
}

void print(const char* label, const Stats& stats)
{
    std::printf("%-34s min %7.1f ms   median %7.1f ms   max %7.1f ms\n", label, stats.min,
                stats.median, stats.max);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    int runs = 5;
    if (argc > 1) {
        runs = std::max(1, QString::fromLocal8Bit(argv[1]).toInt());
    }
    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "cannot create a temporary directory\n");
        return 1;
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("QT_QPA_PLATFORM"))) {
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    }
    env.insert(QStringLiteral("CREDIT_TRACE_STARTUP"), QStringLiteral("1"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));

    const QRegularExpression firstPaint(QStringLiteral("startup: first-paint (\\d+) ms"));
    const QRegularExpression dataPaint(QStringLiteral("startup: data-painted (\\d+) ms"));
    std::vector<double> wall;
    std::vector<double> toFirstPaint;
    std::vector<double> toDataPaint;
    const QString binary = QStringLiteral(CREDIT_GUI_BINARY);
    std::printf("%s --screenshot, bundled data, %d runs, QT_QPA_PLATFORM=%s\n", qPrintable(binary),
                runs, qPrintable(env.value(QStringLiteral("QT_QPA_PLATFORM"))));
    for (int i = 0; i < runs; ++i) {
        QProcess process;
        process.setProcessEnvironment(env);
        const QString png = dir.filePath(QStringLiteral("shot%1.png").arg(i));
        QElapsedTimer timer;
        timer.start();
        process.start(binary, {QStringLiteral("--screenshot"), png});
        if (!process.waitForFinished(120'000) || process.exitCode() != 0) {
            std::fprintf(stderr, "run %d failed: %s\n", i,
                         process.readAllStandardError().constData());
            return 1;
        }
        wall.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        const QString err = QString::fromLocal8Bit(process.readAllStandardError());
        const QRegularExpressionMatch first = firstPaint.match(err);
        const QRegularExpressionMatch data = dataPaint.match(err);
        if (first.hasMatch()) {
            toFirstPaint.push_back(first.captured(1).toDouble());
        }
        if (data.hasMatch()) {
            toDataPaint.push_back(data.captured(1).toDouble());
        }
    }
    print("process wall time (--screenshot)", summarise(wall));
    print("main() -> first paint", summarise(toFirstPaint));
    print("main() -> first paint with data", summarise(toDataPaint));
    return 0;
}
