// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
//
// Runs the real credit-risk-studio binary offscreen: screenshot mode, refused files, unknown
// tabs, bad sizes, --help and --version.

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    bool crashed = false;
    QString out;
    QString err;
};

} // namespace

class TestGuiCli : public QObject
{
    Q_OBJECT

private:
    /// Runs the GUI binary offscreen or, with `noDisplay`, as on a server: no X, no Wayland
    /// and no platform chosen, where only the text answers can work.
    Run run(const QStringList& arguments, bool noDisplay = false)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (noDisplay) {
            env.remove(QStringLiteral("QT_QPA_PLATFORM"));
            env.remove(QStringLiteral("DISPLAY"));
            env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        } else {
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        }
        // Keep the user's settings (recent files, geometry) out of it.
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("HOME"), m_home.path());
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(CREDIT_GUI_BINARY), arguments);
        Run result;
        if (!process.waitForFinished(60'000)) {
            process.kill();
            process.waitForFinished();
            result.crashed = true;
            return result;
        }
        result.crashed = process.exitStatus() != QProcess::NormalExit;
        result.exitCode = process.exitCode();
        result.out = QString::fromLocal8Bit(process.readAllStandardOutput());
        result.err = QString::fromLocal8Bit(process.readAllStandardError());
        return result;
    }

    QTemporaryDir m_home;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_home.isValid());
        QVERIFY(QFile::exists(QStringLiteral(CREDIT_GUI_BINARY)));
    }

    void screenshotOfRequestedSize()
    {
        const QString png = m_home.filePath(QStringLiteral("data.png"));
        const Run result =
            run({QStringLiteral("--tab"), QStringLiteral("data"), QStringLiteral("--screenshot"),
                 png, QStringLiteral("--size"), QStringLiteral("1024x640")});
        QVERIFY2(!result.crashed && result.exitCode == 0, qPrintable(result.err));
        QImage image;
        QVERIFY(image.load(png, "PNG"));
        QCOMPARE(image.size(), QSize(1024, 640));
        // Not a blank window: a rendered table has many distinct colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7) {
            for (int x = 0; x < image.width(); x += 7) {
                colours.insert(image.pixel(x, y));
            }
        }
        QVERIFY2(colours.size() > 10, qPrintable(QString::number(colours.size())));
    }

    void defaultSizeAndExplicitFile()
    {
        const QString png = m_home.filePath(QStringLiteral("default.png"));
        const Run result = run({QStringLiteral(CREDIT_DATA_DIR "/credit-g.arff"),
                                QStringLiteral("--screenshot"), png});
        QVERIFY2(!result.crashed && result.exitCode == 0, qPrintable(result.err));
        QCOMPARE(QImage(png).size(), QSize(1280, 800));
    }

    void refusedFileFailsWithMessage()
    {
        const QString bad = m_home.filePath(QStringLiteral("bad.csv"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("a,class\n1,good\n\"2,bad\n");
        file.close();
        const QString png = m_home.filePath(QStringLiteral("bad.png"));
        const Run result = run({bad, QStringLiteral("--screenshot"), png});
        QVERIFY(!result.crashed);
        QVERIFY(result.exitCode != 0);
        QVERIFY2(result.err.contains(QStringLiteral("bad.csv")), qPrintable(result.err));
        QVERIFY(!QFile::exists(png));
    }

    void missingFileFails()
    {
        const Run result =
            run({m_home.filePath(QStringLiteral("nope.arff")), QStringLiteral("--screenshot"),
                 m_home.filePath(QStringLiteral("nope.png"))});
        QVERIFY(!result.crashed);
        QVERIFY(result.exitCode != 0);
        QVERIFY2(result.err.contains(QStringLiteral("nope.arff")), qPrintable(result.err));
    }

    void unknownTabFailsListingValidOnes()
    {
        const Run result =
            run({QStringLiteral("--tab"), QStringLiteral("bogus"), QStringLiteral("--screenshot"),
                 m_home.filePath(QStringLiteral("tab.png"))});
        QVERIFY(!result.crashed);
        QVERIFY(result.exitCode != 0);
        QVERIFY2(result.err.contains(QStringLiteral("bogus")) &&
                     result.err.contains(QStringLiteral("data")),
                 qPrintable(result.err));
    }

    void badSizeFails()
    {
        const Run result =
            run({QStringLiteral("--size"), QStringLiteral("12by7"), QStringLiteral("--screenshot"),
                 m_home.filePath(QStringLiteral("size.png"))});
        QVERIFY(!result.crashed);
        QVERIFY(result.exitCode != 0);
        QVERIFY2(result.err.contains(QStringLiteral("12by7")), qPrintable(result.err));
    }

    void helpAndVersion()
    {
        const Run help = run({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains(QStringLiteral("--screenshot")), qPrintable(help.out));
        QVERIFY(help.out.contains(QStringLiteral("--tab")));
        const Run version = run({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        // The version CMake's project() sets, and the commit it was built from.
        QVERIFY2(version.out.startsWith(
                     QStringLiteral("credit-risk-studio " CREDIT_PROJECT_VERSION " (commit ")),
                 qPrintable(version.out));
        QVERIFY2(!version.out.contains(QStringLiteral("(commit )")), qPrintable(version.out));
    }

    void helpAndVersionNeedNoDisplay()
    {
        // On a machine without X or Wayland, --help and --version must still answer (they
        // used to stop at Qt's "could not connect to display").
        const Run help = run({QStringLiteral("--help")}, true);
        QVERIFY(!help.crashed);
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.startsWith(QStringLiteral("Usage: credit-risk-studio ")),
                 qPrintable(help.out + help.err));
        const Run version = run({QStringLiteral("--version")}, true);
        QVERIFY(!version.crashed);
        QCOMPARE(version.exitCode, 0);
        QVERIFY2(version.out.contains(QStringLiteral(CREDIT_PROJECT_VERSION)),
                 qPrintable(version.out + version.err));
    }

    void traceReportsStartupTimes()
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("CREDIT_TRACE_STARTUP"), QStringLiteral("1"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(CREDIT_GUI_BINARY),
                      {QStringLiteral("--screenshot"), m_home.filePath(QStringLiteral("t.png"))});
        QVERIFY(process.waitForFinished(60'000));
        QCOMPARE(process.exitCode(), 0);
        const QString err = QString::fromLocal8Bit(process.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("startup: first-paint ")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("startup: data-painted ")), qPrintable(err));
    }
};

QTEST_MAIN(TestGuiCli)
#include "test_gui_cli.moc"
