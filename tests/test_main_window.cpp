// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
//
// The main window through the same code path as the application: loading off the GUI thread,
// status bar, Data tab on the bundled German Credit data, refused files, recent files, row
// selection requests, the command line and screenshot mode.

#include "support/test_output.h"
#include "data/data_tab.h"
#include "data/dataset_reader.h"
#include "data/dataset_table_model.h"
#include "main/about_text.h"
#include "main/app_state.h"
#include "main/help_dialog.h"
#include "main/main_window.h"
#include "main/recent_files.h"
#include "main/screenshot_runner.h"
#include "main/startup_options.h"
#include "main/tab_page.h"
#include "support/quick_model.h"
#include "train/leaderboard_model.h"
#include "train/model_file_actions.h"
#include "widgets/file_names.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QIcon>
#include <QImage>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>

#include <algorithm>

using credit::ui::AppState;
using credit::ui::DatasetTableModel;
using credit::ui::DataTab;
using credit::ui::MainWindow;
using credit::ui::RecentFiles;
using credit::ui::ScreenshotRunner;
using credit::ui::StartupCommand;
using credit::ui::StartupOptions;

namespace {

QString bundledData()
{
    return QStringLiteral(CREDIT_DATA_DIR "/credit-g.arff");
}

DataTab* dataTab(const MainWindow& window)
{
    return qobject_cast<DataTab*>(window.tabPage(QStringLiteral("data")));
}

bool loadAndWait(MainWindow& window, const QString& path, bool addToRecent = true)
{
    QSignalSpy loaded(&window, &MainWindow::datasetLoaded);
    window.openFile(path, addToRecent);
    return loaded.wait(10'000);
}

int columnNamed(const DataTab& tab, const QString& name)
{
    const DatasetTableModel* model = tab.datasetModel();
    for (int c = 0; c < model->columnCount(); ++c) {
        if (model->headerData(c, Qt::Horizontal).toString() == name) {
            return c;
        }
    }
    return -1;
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
        return {};
    }
    return path;
}

class OtherTab : public credit::ui::TabPage
{
public:
    using TabPage::TabPage;
    QString tabId() const override { return QStringLiteral("other"); }
    QString tabTitle() const override { return QStringLiteral("Other"); }
};

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CreditRiskStudio"));
        QCoreApplication::setApplicationName(QStringLiteral("Credit Risk Studio"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(QFile::exists(bundledData()));
    }

    void init() { QSettings().clear(); }

    void opensBundledDataOffTheGuiThread()
    {
        AppState state;
        MainWindow window(&state);
        QCOMPARE(window.tabIds().value(0), QStringLiteral("data")); // first; later tabs follow
        QCOMPARE(window.statusSummary(), QStringLiteral("No data loaded"));
        QSignalSpy changed(&state, &AppState::datasetChanged);

        QVERIFY(loadAndWait(window, bundledData()));
        QCOMPARE(changed.size(), 1);
        QVERIFY(state.dataset() != nullptr);
        QCOMPARE(state.datasetPath(), QFileInfo(bundledData()).absoluteFilePath());
        QVERIFY(!window.isLoading());

        const DataTab* tab = dataTab(window);
        QVERIFY(tab != nullptr);
        QCOMPARE(tab->tableView()->model()->rowCount(), 1000);
        QCOMPARE(tab->tableView()->model()->columnCount(), 21);
        QCOMPARE(window.statusSummary(),
                 QStringLiteral("1,000 rows · 21 columns · bad rate 30.0 %"));
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("credit-g.arff")));
        QCOMPARE(tab->rowCountText(),
                 QStringLiteral("Showing 1,000 of 1,000 rows · bad rate 30.0 %"));
    }

    void sortsAndFiltersTheBundledData()
    {
        AppState state;
        MainWindow window(&state);
        QVERIFY(loadAndWait(window, bundledData()));
        DataTab* tab = dataTab(window);
        const int amount = columnNamed(*tab, QStringLiteral("credit_amount"));
        QVERIFY(amount >= 0);

        tab->tableView()->sortByColumn(amount, Qt::AscendingOrder);
        const QAbstractItemModel* view = tab->tableView()->model();
        QCOMPARE(view->index(0, amount).data().toString(), QStringLiteral("250"));
        QCOMPARE(view->index(999, amount).data().toString(), QStringLiteral("18424"));

        const int purpose = columnNamed(*tab, QStringLiteral("purpose"));
        tab->filterColumnBox()->setCurrentIndex(purpose + 1);
        tab->filterEdit()->setText(QStringLiteral("education"));
        const int shown = view->rowCount();
        QVERIFY2(shown > 0 && shown < 1000, qPrintable(QString::number(shown)));
        for (int r = 0; r < shown; ++r) {
            QCOMPARE(view->index(r, purpose).data().toString(), QStringLiteral("education"));
        }
        // A comparison that is also a level name finds the level: "<0" of checking_status.
        tab->filterColumnBox()->setCurrentIndex(0);
        tab->filterEdit()->setText(QStringLiteral("<0"));
        QCOMPARE(view->rowCount(), 274); // 274 applicants with a negative balance (UCI)
        tab->filterColumnBox()->setCurrentIndex(purpose + 1);
        tab->filterEdit()->setText(QStringLiteral("education"));
        // 22 of the 50 education loans are bad (UCI Statlog German Credit).
        QCOMPARE(shown, 50);
        QCOMPARE(tab->rowCountText(),
                 QStringLiteral("Showing 50 of 1,000 rows · bad rate 44.0 % (all rows 30.0 %)"));
    }

    void refusedFileKeepsDataAndReportsMessage()
    {
        AppState state;
        MainWindow window(&state);
        window.setErrorDialogsEnabled(false);
        QVERIFY(loadAndWait(window, bundledData()));
        const auto before = state.dataset();

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString broken = writeFile(dir, QStringLiteral("broken.arff"),
                                         "@relation x\n@attribute a numeric\n"
                                         "@attribute class {good,bad}\n@data\n1,good\nabc,bad\n");
        QVERIFY(!broken.isEmpty());
        QSignalSpy failed(&window, &MainWindow::loadFailed);
        QSignalSpy changed(&state, &AppState::datasetChanged);
        window.openFile(broken);
        QVERIFY(failed.wait(10'000));
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(QStringLiteral("broken.arff")), qPrintable(message));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(state.dataset(), before);
        QCOMPARE(dataTab(window)->tableView()->model()->rowCount(), 1000);
        QVERIFY(!window.recentFiles()->files().contains(broken));
        QVERIFY(window.findChildren<QWidget*>(QStringLiteral("qt_msgbox_label")).isEmpty());

        window.openFile(dir.filePath(QStringLiteral("does-not-exist.csv")));
        QVERIFY(failed.wait(10'000));
        QVERIFY(failed.last().first().toString().contains(QStringLiteral("does-not-exist.csv")));
        QCOMPARE(state.dataset(), before);
    }

    void typoInNumericColumnIsRefusedThenReadableAsCategorical()
    {
        // credit-g as CSV with duration "six" on line 119: refused naming line and column,
        // never opened with duration turned categorical behind the analyst's back.
        AppState state;
        MainWindow window(&state);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QByteArray csv = "duration,credit_amount,class\n";
        for (int row = 0; row < 200; ++row) {
            const QByteArray duration =
                row == 117 ? QByteArray("six") : QByteArray::number(6 + row % 40);
            csv +=
                duration + "," + QByteArray::number(1000 + row) + (row % 3 ? ",good\n" : ",bad\n");
        }
        const QString path = writeFile(dir, QStringLiteral("credit.csv"), csv);
        QSignalSpy failed(&window, &MainWindow::loadFailed);
        window.openFile(path);
        QVERIFY(failed.wait(10'000));
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(QStringLiteral("credit.csv:119: column 'duration': expected a "
                                                 "number, got \"six\"")),
                 qPrintable(message));
        QVERIFY(!state.dataset());
        // The box offers to read the column as labels; the same open, asked for by the
        // button, succeeds with the column categorical.
        const QList<QPushButton*> buttons = window.findChildren<QPushButton*>();
        const auto offer = std::find_if(buttons.begin(), buttons.end(), [](QPushButton* b) {
            return b->text() == QStringLiteral("Read 'duration' as categorical");
        });
        QVERIFY(offer != buttons.end());
        QSignalSpy loaded(&window, &MainWindow::datasetLoaded);
        (*offer)->click();
        QVERIFY(loaded.wait(10'000));
        QVERIFY(state.dataset());
        QVERIFY(!state.dataset()->column(0).isNumeric());
        QVERIFY(state.dataset()->column(1).isNumeric());
    }

    void rowSelectionRequestShowsDataTabRow()
    {
        AppState state;
        MainWindow window(&state);
        QVERIFY(loadAndWait(window, bundledData()));
        DataTab* tab = dataTab(window);
        tab->filterEdit()->setText(QStringLiteral("no checking"));
        state.requestRowSelection(1); // row 2 has checking_status '0<=X<200': hidden
        QCOMPARE(window.currentTabPage(), tab);
        QVERIFY(tab->filterEdit()->text().isEmpty());
        const QModelIndex current = tab->tableView()->currentIndex();
        QCOMPARE(current.data(DatasetTableModel::DatasetRowRole).toInt(), 1);
        QCOMPARE(tab->tableView()->model()->headerData(current.row(), Qt::Vertical).toInt(), 2);
    }

    void rowSelectionSwitchesTabAndScrollsRowIntoView()
    {
        AppState state;
        MainWindow window(&state);
        window.addTab(new OtherTab(&state));
        QCOMPARE(window.tabIds().last(), QStringLiteral("other"));
        QVERIFY(loadAndWait(window, bundledData()));
        window.resize(1000, 700);
        QVERIFY(window.showTab(QStringLiteral("other")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        state.requestRowSelection(900);
        DataTab* tab = dataTab(window);
        QCOMPARE(window.currentTabPage(), tab);
        const QTableView* view = tab->tableView();
        QCOMPARE(view->currentIndex().data(DatasetTableModel::DatasetRowRole).toInt(), 900);
        QTRY_VERIFY(view->viewport()->rect().contains(view->visualRect(view->currentIndex())));
        QVERIFY(view->rowAt(0) > 800); // scrolled, not merely selected
    }

    void recentFilesUpdate()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(QStringLiteral("copy.arff"));
        QVERIFY(QFile::copy(bundledData(), copy));

        AppState state;
        MainWindow window(&state);
        window.setErrorDialogsEnabled(false);
        QVERIFY(loadAndWait(window, bundledData(), false)); // the default file: not recent
        QVERIFY(window.recentFiles()->files().isEmpty());
        QVERIFY(loadAndWait(window, copy));
        QCOMPARE(window.recentFiles()->files(), QStringList{copy});
        QCOMPARE(QSettings().value(QStringLiteral("recentFiles")).toStringList(),
                 QStringList{copy});

        auto* menu = window.findChild<QMenu*>(QStringLiteral("recentMenu"));
        QVERIFY(menu != nullptr);
        QAction* entry = nullptr;
        for (QAction* action : menu->actions()) {
            if (action->text().contains(QStringLiteral("copy.arff"))) {
                entry = action;
            }
        }
        QVERIFY(entry != nullptr);

        // A file that disappeared is dropped from the list with a message.
        QVERIFY(QFile::remove(copy));
        QSignalSpy failed(&window, &MainWindow::loadFailed);
        entry->trigger();
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("copy.arff")));
        QVERIFY(window.recentFiles()->files().isEmpty());
    }

    void recentFilesKeepsEightNewestFirst()
    {
        RecentFiles recent;
        QSignalSpy changed(&recent, &RecentFiles::changed);
        for (int i = 0; i < 10; ++i) {
            recent.add(QStringLiteral("/data/file%1.csv").arg(i));
        }
        QCOMPARE(changed.size(), 10);
        const QStringList files = recent.files();
        QCOMPARE(files.size(), RecentFiles::kMaxFiles);
        QCOMPARE(files.first(), QStringLiteral("/data/file9.csv"));
        QCOMPARE(files.last(), QStringLiteral("/data/file2.csv"));
        recent.add(QStringLiteral("/data/file5.csv"));
        QCOMPARE(recent.files().first(), QStringLiteral("/data/file5.csv"));
        QCOMPARE(recent.files().size(), RecentFiles::kMaxFiles);
        recent.remove(QStringLiteral("/data/file5.csv"));
        QVERIFY(!recent.files().contains(QStringLiteral("/data/file5.csv")));
    }

    void windowStatePersists()
    {
        {
            AppState state;
            MainWindow window(&state);
            window.restoreWindowState();
            window.resize(900, 640);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.close();
        }
        QVERIFY(!QSettings().value(QStringLiteral("mainWindow/geometry")).toByteArray().isEmpty());
        AppState state;
        MainWindow window(&state);
        window.restoreWindowState();
        QCOMPARE(window.size(), QSize(900, 640));
    }

    void iconAndShortcuts()
    {
        QVERIFY(QFile::exists(QStringLiteral(":/icons/credit-risk-studio.svg")));
        AppState state;
        MainWindow window(&state);
        QVERIFY(!window.windowIcon().isNull());
        QVERIFY(loadAndWait(window, bundledData()));
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        DataTab* tab = dataTab(window);
        tab->tableView()->setFocus();
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(tab->filterEdit()->hasFocus());
    }

    void aboutListsVersionDataAndEveryLicence()
    {
        const QString about = credit::ui::aboutHtml();
        QVERIFY(about.contains(credit::ui::applicationVersion()));
        // The bundled data's origin and licence.
        QVERIFY(about.contains(QStringLiteral("UCI Machine Learning Repository")));
        QVERIFY(about.contains(QStringLiteral("CC-BY-4.0")));
        // Each library with its licence, in the same table row.
        const QList<QPair<QString, QString>> expected{
            {QStringLiteral("Qt"), QStringLiteral("LGPL-3.0")},
            {QStringLiteral("Eigen"), QStringLiteral("MPL-2.0")},
            {QStringLiteral("dlib"), QStringLiteral("Boost Software License")},
            {QStringLiteral("XGBoost"), QStringLiteral("Apache-2.0")},
            {QStringLiteral("yaml-cpp"), QStringLiteral("MIT")},
            {QStringLiteral("SQLite"), QStringLiteral("public domain")},
        };
        for (const auto& [library, licence] : expected) {
            const qsizetype row = about.indexOf(QStringLiteral("<tr><td>%1</td>").arg(library));
            QVERIFY2(row >= 0, qPrintable(library));
            const qsizetype rowEnd = about.indexOf(QStringLiteral("</tr>"), row);
            QVERIFY2(about.mid(row, rowEnd - row).contains(licence), qPrintable(library));
        }
        // Versions were found at configure time, not left empty.
        QVERIFY(!about.contains(QStringLiteral("<td></td>")));
    }

    void tabShortcutsTitleAndSaveFeedback()
    {
        AppState state;
        MainWindow window(&state);
        QVERIFY(loadAndWait(window, bundledData()));
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        // Ctrl+N goes to the N-th main tab, wherever the focus is.
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.currentTabPage()->tabId(), QStringLiteral("train"));
        QTest::keyClick(&window, Qt::Key_6, Qt::ControlModifier);
        QCOMPARE(window.currentTabPage()->tabId(), QStringLiteral("score"));
        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(window.currentTabPage()->tabId(), QStringLiteral("data"));
        auto* openModel = window.findChild<QAction*>(QStringLiteral("openModelAction"));
        QVERIFY(openModel);
        QCOMPARE(openModel->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
        // The title names the data and the model file.
        state.setModelBundle(credit::test::quickLrBundle(*state.dataset()),
                             QStringLiteral("/tmp/somewhere/risk.crs"));
        QVERIFY2(window.windowTitle().startsWith(QStringLiteral("credit-g.arff · risk.crs")),
                 qPrintable(window.windowTitle()));
        // Every save confirms itself in the status bar.
        credit::ui::announceSaved(window.tabPage(QStringLiteral("score")),
                                  QStringLiteral("/tmp/somewhere/applicant.json"));
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Saved applicant.json"));
    }

    /// Issue 13 item 6: F1 opens the help at the current tab, Help ▸ Glossary at the terms,
    /// and a metric's tooltip says where its definition is.
    void helpForTheTabAndGlossary()
    {
        AppState state;
        MainWindow window(&state);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.showTab(QStringLiteral("threshold")));
        QTest::keyClick(&window, Qt::Key_F1);
        QVERIFY(window.helpDialog() != nullptr);
        QTRY_VERIFY(window.helpDialog()->isVisible());
        QTextBrowser* browser = window.helpDialog()->browser();
        const QString text = browser->toPlainText();
        for (const char* term :
             {"IV (Information Value)", "WoE (Weight of Evidence)", "KS (", "Gini", "Brier score",
              "ECE (expected calibration error)", "Calibration", "PSI (population stability index)",
              "Points and points to double the odds", "Prior correction", "Expected cost"}) {
            QVERIFY2(text.contains(QString::fromUtf8(term)), term);
        }
        // Scrolled to the Threshold section: its heading is near the top of the view.
        const QTextCursor top = browser->cursorForPosition(QPoint(5, 5));
        QVERIFY2(top.block().text().contains(QStringLiteral("Threshold")) ||
                     browser->verticalScrollBar()->value() > 0,
                 qPrintable(top.block().text()));
        const int atThreshold = browser->verticalScrollBar()->value();
        window.helpDialog()->grab().save(credit::test::testOutput(QStringLiteral("help_dialog.png"))); // for a look
        window.showGlossary();
        QVERIFY(browser->verticalScrollBar()->value() > atThreshold);

        credit::ui::LeaderboardModel leaderboard;
        const QString tip = leaderboard
                                .headerData(credit::ui::LeaderboardModel::AucColumn, Qt::Horizontal,
                                            Qt::ToolTipRole)
                                .toString();
        QVERIFY(tip.contains(QStringLiteral("Help ▸ Glossary ▸ AUC")));
        QVERIFY(tip.contains(QStringLiteral("pooled")));
    }

    /// Issue 13 item 18: every tab fits a 1024×700 window (its layout asks for no more, so
    /// nothing is cut off) and is grabbed at 1024×700 and 1280×800 for a look by eye.
    void everyTabFitsFrom1024x700()
    {
        AppState state;
        MainWindow window(&state);
        QVERIFY(loadAndWait(window, bundledData()));
        state.setModelBundle(credit::test::quickLrBundle(*state.dataset()));
        window.show();
        for (const QSize size : {QSize(1024, 700), QSize(1280, 800)}) {
            window.resize(size);
            for (const QString& id : window.tabIds()) {
                QVERIFY(window.showTab(id));
                QCoreApplication::processEvents();
                const QSize needed = window.tabPage(id)->minimumSizeHint();
                QVERIFY2(needed.width() <= 1000 && needed.height() <= 600,
                         qPrintable(QStringLiteral("%1 needs %2×%3")
                                        .arg(id)
                                        .arg(needed.width())
                                        .arg(needed.height())));
                QCOMPARE(window.size(), size);
                window.grab().save(credit::test::testOutput(QStringLiteral("tab_%1_%2x%3.png"))
                                       .arg(id)
                                       .arg(size.width())
                                       .arg(size.height()));
            }
        }
    }

    /// Issue 13 item 5: File ▸ Export Data as CSV writes the data so that it reads back whole.
    void exportsTheDataAsCsv()
    {
        AppState state;
        MainWindow window(&state);
        auto* action = window.findChild<QAction*>(QStringLiteral("exportDataAction"));
        QVERIFY(action != nullptr);
        QVERIFY(!action->isEnabled()); // nothing to export yet
        QVERIFY(loadAndWait(window, bundledData()));
        QVERIFY(action->isEnabled());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("credit-g.csv"));
        QString error;
        QVERIFY2(window.exportDataCsv(path, &error), qPrintable(error));
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Saved credit-g.csv"));
        const auto back = credit::core::readDataset(QFile::encodeName(path).toStdString());
        QCOMPARE(back.dataset.rowCount(), state.dataset()->rowCount());
        // CSV has no schema (levels come back in order of appearance): compare the text.
        const credit::core::Dataset& data = *state.dataset();
        QCOMPARE(back.dataset.columnCount(), data.columnCount());
        for (std::size_t c = 0; c < data.columnCount(); ++c) {
            QCOMPARE(back.dataset.column(c).name(), data.column(c).name());
            for (std::size_t r = 0; r < data.rowCount(); ++r) {
                QCOMPARE(back.dataset.column(c).text(r), data.column(c).text(r));
            }
        }
        QVERIFY(!window.exportDataCsv(QStringLiteral("/proc/no/such/x.csv"), &error));
        QVERIFY(error.contains(QStringLiteral("/proc/no/such/x.csv")));
    }

    void savedFilesGetTheirExtension()
    {
        // What the Open filters look for is what Save writes, also when the name was typed
        // without it; models use the command line's .crs.
        using credit::ui::withSuffix;
        QCOMPARE(withSuffix(QStringLiteral("/tmp/applicant"), QStringLiteral("json")),
                 QStringLiteral("/tmp/applicant.json"));
        QCOMPARE(withSuffix(QStringLiteral("/tmp/a.JSON"), QStringLiteral("json")),
                 QStringLiteral("/tmp/a.JSON"));
        QCOMPARE(withSuffix(QStringLiteral("/tmp/my.model"), QStringLiteral("crs")),
                 QStringLiteral("/tmp/my.model.crs"));
        QCOMPARE(withSuffix(QString(), QStringLiteral("crs")), QString());
        QCOMPARE(credit::ui::ModelFileActions::suffix(), QStringLiteral("crs"));
    }

    void parsesCommandLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("action");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("tab");
        QTest::addColumn<QSize>("size");

        const int run = int(StartupCommand::Action::Run);
        const int error = int(StartupCommand::Action::Error);
        const QSize defaultSize = StartupOptions::kDefaultSize;
        QTest::newRow("nothing") << QStringList{} << run << QString() << QString() << defaultSize;
        QTest::newRow("file and tab")
            << QStringList{QStringLiteral("a.csv"), QStringLiteral("--tab"),
                           QStringLiteral("Explore")}
            << run << QStringLiteral("a.csv") << QStringLiteral("explore") << defaultSize;
        QTest::newRow("size") << QStringList{QStringLiteral("--size"), QStringLiteral("800x600")}
                              << run << QString() << QString() << QSize(800, 600);
        QTest::newRow("size garbage")
            << QStringList{QStringLiteral("--size"), QStringLiteral("big")} << error << QString()
            << QString() << defaultSize;
        QTest::newRow("size too small")
            << QStringList{QStringLiteral("--size"), QStringLiteral("10x10")} << error << QString()
            << QString() << defaultSize;
        QTest::newRow("two files") << QStringList{QStringLiteral("a"), QStringLiteral("b")} << error
                                   << QString() << QString() << defaultSize;
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--no-such-option=x")}
                                        << error << QString() << QString() << defaultSize;
        QTest::newRow("help") << QStringList{QStringLiteral("--help")}
                              << int(StartupCommand::Action::ShowHelp) << QString() << QString()
                              << defaultSize;
        QTest::newRow("version") << QStringList{QStringLiteral("--version")}
                                 << int(StartupCommand::Action::ShowVersion) << QString()
                                 << QString() << defaultSize;
    }

    void parsesCommandLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, action);
        QFETCH(QString, file);
        QFETCH(QString, tab);
        QFETCH(QSize, size);
        arguments.prepend(QStringLiteral("credit-risk-studio"));
        const StartupCommand command = credit::ui::parseStartupCommand(arguments);
        QCOMPARE(int(command.action), action);
        if (command.action == StartupCommand::Action::Run) {
            QCOMPARE(command.options.file, file);
            QCOMPARE(command.options.tab, tab);
            QCOMPARE(command.options.size, size);
        } else {
            QVERIFY(!command.text.isEmpty());
        }
    }

    void findsBundledData()
    {
        QCOMPARE(credit::ui::findBundledDataset(QStringLiteral(CREDIT_DATA_DIR)),
                 QFileInfo(bundledData()).canonicalFilePath());
        QVERIFY(credit::ui::findBundledDataset(QStringLiteral("/nonexistent")).isEmpty());
    }

    void screenshotRunnerWritesPng()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        AppState state;
        MainWindow window(&state);
        StartupOptions options;
        options.tab = QStringLiteral("data");
        options.screenshotPath = dir.filePath(QStringLiteral("shot.png"));
        options.size = QSize(1000, 700);
        ScreenshotRunner runner(&window, options);
        QSignalSpy finished(&runner, &ScreenshotRunner::finished);
        runner.start(bundledData());
        QVERIFY(finished.wait(20'000));
        QCOMPARE(finished.first().first().toInt(), 0);
        const QImage image(options.screenshotPath);
        QCOMPARE(image.size(), QSize(1000, 700));
    }

    void screenshotRunnerRejectsUnknownTab()
    {
        AppState state;
        MainWindow window(&state);
        StartupOptions options;
        options.tab = QStringLiteral("nope");
        options.screenshotPath = QStringLiteral("unused.png");
        ScreenshotRunner runner(&window, options);
        QSignalSpy finished(&runner, &ScreenshotRunner::finished);
        runner.start(bundledData());
        QVERIFY(finished.wait(5'000));
        QVERIFY(finished.first().first().toInt() != 0);
        QVERIFY2(runner.errorMessage().contains(QStringLiteral("data")),
                 qPrintable(runner.errorMessage()));
        QVERIFY(!QFile::exists(QStringLiteral("unused.png")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
