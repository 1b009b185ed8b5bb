// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>
#include <QString>
#include <QStringList>

class QAction;
class QLabel;
class QMenu;
class QProgressBar;
class QTabWidget;

namespace credit::ui {

class AppState;
class DatasetLoader;
class HelpDialog;
class RecentFiles;
class TabPage;

/// The main window: menus, status bar and the tabs. It only assembles; every tab talks to
/// AppState. Tabs are created in one place, createTabs() in main_window.cpp.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(AppState* state, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Appends a tab; the window takes ownership.
    void addTab(TabPage* page);
    /// Makes the tab with this id current; false when there is none.
    bool showTab(const QString& id);
    /// Ids of all tabs in display order ("data", "explore", ...).
    QStringList tabIds() const;
    TabPage* tabPage(const QString& id) const;
    TabPage* currentTabPage() const;

    AppState* appState() const;
    RecentFiles* recentFiles() const;

    /// Reads `path` off the GUI thread. On success the dataset goes to AppState (on the GUI
    /// thread), and the file to the recent list when `addToRecent`; then datasetLoaded() is
    /// emitted. On failure the current data stays and loadFailed() carries the reader's message;
    /// for a CSV column of numbers but for a few values, the message box offers to read it
    /// again as categorical (`categoricalColumns`).
    void openFile(const QString& path, bool addToRecent = true,
                  const QStringList& categoricalColumns = {});
    bool isLoading() const;
    /// Shows the Open dialog.
    void openFileDialog();

    /// Whether loadFailed() also shows a message box (on by default; off in tests and in
    /// screenshot mode).
    void setErrorDialogsEnabled(bool enabled);
    /// Restores geometry and dock/toolbar state from QSettings and saves them again on close.
    void restoreWindowState();
    /// The permanent status bar summary ("1,000 rows · 21 columns · bad rate 30.0 %").
    QString statusSummary() const;

    /// File ▸ Export Data as CSV: writes the current dataset (core::writeCsv) and says so in
    /// the status bar; false with `error` set when there is no data or the file cannot be
    /// written.
    bool exportDataCsv(const QString& path, QString* error = nullptr);

    /// Help ▸ Help for This Tab (F1): the help opened at the current tab's section.
    void showHelpForCurrentTab();
    /// Help ▸ Glossary: the help opened at the glossary.
    void showGlossary();
    /// The help window, once opened; nullptr before.
    HelpDialog* helpDialog() const { return m_help; }

signals:
    void datasetLoaded(const QString& path);
    void loadFailed(const QString& message);
    /// Emitted after every paint event of the window itself.
    void painted();

protected:
    void closeEvent(QCloseEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void createTabs();
    void createMenus();
    void createStatusBar();
    void rebuildRecentMenu();
    void openRecent(const QString& path);
    void onDatasetChanged();
    void onLoadSucceeded(const QString& path, const QStringList& warnings);
    void updateWindowTitle();
    void onLoadFailed(const QString& path, const QString& message, const QString& notNumericColumn,
                      const QStringList& categoricalColumns);
    void setBusy(bool busy, const QString& path = {});
    void showAbout();

    AppState* m_state;
    DatasetLoader* m_loader;
    RecentFiles* m_recentFiles;
    QTabWidget* m_tabs;
    QMenu* m_fileMenu = nullptr;
    QAction* m_quitSeparator = nullptr; ///< File menu: tabs insert their file actions above it
    QMenu* m_viewMenu = nullptr;
    QAction* m_exportDataAction = nullptr;
    HelpDialog* m_help = nullptr;
    QMenu* m_recentMenu = nullptr;
    QLabel* m_summaryLabel = nullptr;
    QLabel* m_busyLabel = nullptr;
    QProgressBar* m_busyBar = nullptr;
    QString m_pendingPath;
    bool m_pendingAddToRecent = true;
    bool m_errorDialogs = true;
    bool m_saveWindowState = false;
};

} // namespace credit::ui
