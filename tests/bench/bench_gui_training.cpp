// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
//
// GUI responsiveness and memory during a training run started from the Train tab (offscreen):
// the longest gap between two 10 ms QTimer ticks on the GUI thread while the run goes, and the
// resident memory of the process afterwards. Prints figures; not a test.
//
//   bench_gui_training [--limit SECONDS] [--folds K --repeats R --trials T]
//
// Without options the setup is the Train tab's default (params.yaml). --limit cancels the run
// after SECONDS (the gap is then measured over that part of the run, including the cancel).

#include "main/app_state.h"
#include "main/dataset_loader.h"
#include "train/train_tab.h"
#include "train/training_setup_panel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

long statusKb(const char* key)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QByteArray prefix = QByteArray(key) + ':';
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.startsWith(prefix)) {
            return line.mid(prefix.size()).trimmed().split(' ').first().toLong();
        }
    }
    return -1;
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_gui_training"));
    QStandardPaths::setTestModeEnabled(true);
    int limitSeconds = 0;
    int folds = 0;
    int repeats = 0;
    int trials = 0;
    const QStringList args = QCoreApplication::arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--limit")) {
            limitSeconds = args.at(i + 1).toInt();
        } else if (args.at(i) == QLatin1String("--folds")) {
            folds = args.at(i + 1).toInt();
        } else if (args.at(i) == QLatin1String("--repeats")) {
            repeats = args.at(i + 1).toInt();
        } else if (args.at(i) == QLatin1String("--trials")) {
            trials = args.at(i + 1).toInt();
        }
    }

    const credit::ui::DatasetLoadResult loaded =
        credit::ui::loadDatasetFile(QStringLiteral(CREDIT_DATA_DIR "/credit-g.arff"));
    if (!loaded.dataset) {
        std::fprintf(stderr, "%s\n", qPrintable(loaded.error));
        return 1;
    }
    credit::ui::AppState state;
    state.setDataset(loaded.dataset, loaded.path);
    credit::ui::TrainTab tab(&state);
    tab.resize(1280, 760);
    tab.show();
    if (folds > 0) {
        tab.setupPanel()->foldsBox()->setValue(folds);
    }
    if (repeats > 0) {
        tab.setupPanel()->repeatsBox()->setValue(repeats);
    }
    if (trials > 0) {
        tab.setupPanel()->trialsBox()->setValue(trials);
    }
    const long rssBefore = statusKb("VmRSS");

    QElapsedTimer sinceTick;
    QElapsedTimer run;
    qint64 longestGap = 0;
    qint64 longestAt = 0; // ms since the start of the run, at the end of the longest gap
    std::vector<qint64> gaps; // every gap over 20 ms
    qint64 ticks = 0;
    QTimer ticker;
    ticker.setInterval(10);
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout, &app, [&] {
        if (sinceTick.isValid()) {
            const qint64 gap = sinceTick.elapsed();
            if (gap > longestGap) {
                longestGap = gap;
                longestAt = run.elapsed();
            }
            if (gap > 20) {
                gaps.push_back(gap);
            }
        }
        sinceTick.restart();
        ++ticks;
    });
    QObject::connect(&tab, &credit::ui::TrainTab::trainingFinished, &app, [&](bool cancelled) {
        ticker.stop();
        const double seconds = double(run.elapsed()) / 1000.0;
        std::printf("setup: %d-fold x %d repeats, %d trials per algorithm, threads %d\n",
                    tab.setupPanel()->foldsBox()->value(), tab.setupPanel()->repeatsBox()->value(),
                    tab.setupPanel()->trialsBox()->value(), tab.setupPanel()->threadsBox()->value());
        std::printf("run: %.1f s, %s, %d trials finished\n", seconds,
                    cancelled ? "cancelled at the limit" : "finished", tab.finishedTrials());
        std::printf("gui: longest gap between 10 ms ticks: %lld ms at %.1f s (%lld ticks, %zu "
                    "gaps over 20 ms)\n",
                    static_cast<long long>(longestGap), double(longestAt) / 1000.0,
                    static_cast<long long>(ticks), gaps.size());
        std::printf("memory: RSS before %ld MB, after %ld MB, peak (VmHWM) %ld MB\n",
                    rssBefore / 1024, statusKb("VmRSS") / 1024, statusKb("VmHWM") / 1024);
        std::fflush(stdout);
        QCoreApplication::quit();
    });

    QTimer::singleShot(0, &app, [&] {
        run.start();
        ticker.start();
        if (!tab.startTraining()) {
            std::fprintf(stderr, "could not start\n");
            QCoreApplication::exit(1);
        }
        if (limitSeconds > 0) {
            QTimer::singleShot(limitSeconds * 1000, &tab, [&tab] { tab.cancelTraining(); });
        }
    });
    return QApplication::exec();
}
