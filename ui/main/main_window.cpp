// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "main/main_window.h"

#include "data/csv_writer.h"
#include "data/data_tab.h"
#include "evaluate/evaluate_tab.h"
#include "explore/explore_tab.h"
#include "main/about_text.h"
#include "main/app_state.h"
#include "main/dataset_loader.h"
#include "main/help_dialog.h"
#include "main/help_text.h"
#include "main/recent_files.h"
#include "main/startup_options.h"
#include "main/tab_page.h"
#include "monitor/monitor_tab.h"
#include "score/score_tab.h"
#include "threshold/threshold_tab.h"
#include "train/model_file_actions.h"
#include "train/train_tab.h"
#include "widgets/file_names.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

// Q_INIT_RESOURCE must be used outside any namespace. The resources are compiled into this
// static library, so nothing pulls them in unless they are referenced.
static void initCreditResources()
{
    static const bool done = [] {
        Q_INIT_RESOURCE(credit_resources);
        return true;
    }();
    Q_UNUSED(done);
}

namespace credit::ui {

namespace {

QString geometryKey()
{
    return QStringLiteral("mainWindow/geometry");
}

QString stateKey()
{
    return QStringLiteral("mainWindow/state");
}

QString lastDirectoryKey()
{
    return QStringLiteral("mainWindow/lastDirectory");
}

/// The user's locale, but always with digit grouping ("1,000"), which the C locale omits.
QLocale displayLocale()
{
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    return locale;
}

} // namespace

MainWindow::MainWindow(AppState* state, QWidget* parent)
    : QMainWindow(parent), m_state(state), m_loader(new DatasetLoader(this)),
      m_recentFiles(new RecentFiles(this)), m_tabs(new QTabWidget(this))
{
    initCreditResources();
    setObjectName(QStringLiteral("mainWindow"));
    const QIcon icon(QStringLiteral(":/icons/credit-risk-studio.svg"));
    setWindowIcon(icon);
    if (QApplication::windowIcon().isNull()) {
        QApplication::setWindowIcon(icon);
    }
    setMinimumSize(StartupOptions::kMinimumSize);
    m_tabs->setDocumentMode(true);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    setCentralWidget(m_tabs);

    createMenus();
    createStatusBar();
    // Connected before the tabs exist, so the Data tab is already shown (and sized) when it
    // handles the same request and scrolls to the row.
    connect(m_state, &AppState::rowSelectionRequested, this,
            [this] { showTab(QStringLiteral("data")); });
    createTabs();

    connect(m_state, &AppState::datasetChanged, this, &MainWindow::onDatasetChanged);
    connect(m_state, &AppState::modelBundleChanged, this, &MainWindow::updateWindowTitle);
    connect(m_loader, &DatasetLoader::loaded, this,
            [this](const QString& path, std::shared_ptr<const core::Dataset> dataset,
                   const QStringList& warnings) {
                setBusy(false);
                m_state->setDataset(std::move(dataset), path);
                onLoadSucceeded(path, warnings);
            });
    connect(m_loader, &DatasetLoader::failed, this, &MainWindow::onLoadFailed);
    connect(m_recentFiles, &RecentFiles::changed, this, &MainWindow::rebuildRecentMenu);
    rebuildRecentMenu();
    onDatasetChanged();
}

MainWindow::~MainWindow() = default;

void MainWindow::createTabs()
{
    // One line per tab, in display order.
    addTab(new DataTab(m_state, this));
    addTab(new ExploreTab(m_state, this));
    addTab(new TrainTab(m_state, this));
    addTab(new EvaluateTab(m_state, this));
    addTab(new ThresholdTab(m_state, this));
    auto* scoreTab = new ScoreTab(m_state, this);
    addTab(scoreTab);
    connect(scoreTab, &ScoreTab::logNotice, this,
            [this](const QString& message) { statusBar()->showMessage(message, 30'000); });
    // Batch scoring lives in the Score tab; its action also goes to a Tools menu before Help.
    auto* toolsMenu = new QMenu(tr("&Tools"), this);
    toolsMenu->addAction(scoreTab->batchAction());
    menuBar()->insertMenu(menuBar()->actions().constLast(), toolsMenu);
    auto* monitorTab = new MonitorTab(m_state, this);
    addTab(monitorTab);
    // File ▸ Import Outcomes, with the model actions (before the separator above Quit).
    m_fileMenu->insertAction(m_quitSeparator, monitorTab->importOutcomesAction());
}

void MainWindow::addTab(TabPage* page)
{
    const int index = m_tabs->addTab(page, page->tabTitle());
    // Ctrl+1…9 go to the main tabs from anywhere in the window (Ctrl+Tab stops inside a
    // tab's own sub-tabs); the View menu lists them.
    if (index < 9) {
        auto* go = new QAction(page->tabTitle(), this);
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
        go->setShortcutContext(Qt::WindowShortcut);
        go->setObjectName(QStringLiteral("goToTab_") + page->tabId());
        connect(go, &QAction::triggered, this, [this, page] { m_tabs->setCurrentWidget(page); });
        m_viewMenu->addAction(go);
        m_tabs->setTabToolTip(
            index,
            tr("%1 (%2)").arg(page->tabTitle(), go->shortcut().toString(QKeySequence::NativeText)));
    }
}

bool MainWindow::showTab(const QString& id)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto* page = qobject_cast<TabPage*>(m_tabs->widget(i));
        if (page != nullptr && page->tabId() == id) {
            m_tabs->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

QStringList MainWindow::tabIds() const
{
    QStringList ids;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto* page = qobject_cast<TabPage*>(m_tabs->widget(i))) {
            ids.append(page->tabId());
        }
    }
    return ids;
}

TabPage* MainWindow::tabPage(const QString& id) const
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto* page = qobject_cast<TabPage*>(m_tabs->widget(i));
        if (page != nullptr && page->tabId() == id) {
            return page;
        }
    }
    return nullptr;
}

TabPage* MainWindow::currentTabPage() const
{
    return qobject_cast<TabPage*>(m_tabs->currentWidget());
}

AppState* MainWindow::appState() const
{
    return m_state;
}

RecentFiles* MainWindow::recentFiles() const
{
    return m_recentFiles;
}

void MainWindow::createMenus()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    m_fileMenu = fileMenu;

    QAction* openAction =
        fileMenu->addAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open…"));
    openAction->setShortcut(QKeySequence::Open);
    openAction->setStatusTip(tr("Open a dataset: Weka ARFF, CSV or UCI german.data"));
    connect(openAction, &QAction::triggered, this, &MainWindow::openFileDialog);

    m_recentMenu = fileMenu->addMenu(QIcon::fromTheme(QStringLiteral("document-open-recent")),
                                     tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));

    m_exportDataAction = fileMenu->addAction(tr("&Export Data as CSV…"));
    m_exportDataAction->setObjectName(QStringLiteral("exportDataAction"));
    m_exportDataAction->setStatusTip(
        tr("Write the current data as CSV (comma-separated, quoted where needed)"));
    m_exportDataAction->setEnabled(false);
    connect(m_exportDataAction, &QAction::triggered, this, [this] {
        const QString path = withSuffix(
            QFileDialog::getSaveFileName(this, tr("Export Data as CSV"),
                                         QFileInfo(m_state->datasetPath()).completeBaseName() +
                                             QStringLiteral(".csv"),
                                         tr("CSV files (*.csv)")),
            QStringLiteral(".csv"));
        QString error;
        if (!path.isEmpty() && !exportDataCsv(path, &error)) {
            QMessageBox::warning(this, tr("Export Data as CSV"), error);
        }
    });

    fileMenu->addSeparator();
    (new ModelFileActions(m_state, this))->addTo(fileMenu); // Open Model… / Save Model…

    m_quitSeparator = fileMenu->addSeparator();
    QAction* quitAction =
        fileMenu->addAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"));
    quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quitAction->setMenuRole(QAction::QuitRole);
    quitAction->setStatusTip(tr("Quit Credit Risk Studio"));
    connect(quitAction, &QAction::triggered, this, &QWidget::close);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction* tabHelp = helpMenu->addAction(tr("&Help for This Tab"));
    tabHelp->setObjectName(QStringLiteral("tabHelpAction"));
    tabHelp->setShortcut(QKeySequence::HelpContents);
    tabHelp->setStatusTip(tr("What the current tab is for, and the glossary of its figures"));
    connect(tabHelp, &QAction::triggered, this, &MainWindow::showHelpForCurrentTab);
    QAction* glossary = helpMenu->addAction(tr("&Glossary"));
    glossary->setObjectName(QStringLiteral("glossaryAction"));
    glossary->setStatusTip(tr("IV, WoE, AUC, Gini, KS, Brier, ECE, PSI, points, prior correction, "
                              "expected cost…"));
    connect(glossary, &QAction::triggered, this, &MainWindow::showGlossary);
    helpMenu->addSeparator();
    QAction* aboutAction = helpMenu->addAction(tr("&About Credit Risk Studio"));
    aboutAction->setMenuRole(QAction::AboutRole);
    connect(aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    QAction* aboutQtAction = helpMenu->addAction(tr("About &Qt"));
    aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createStatusBar()
{
    m_busyLabel = new QLabel(this);
    m_busyBar = new QProgressBar(this);
    m_busyBar->setRange(0, 0); // busy indicator
    m_busyBar->setMaximumWidth(120);
    m_busyBar->setMaximumHeight(14);
    m_busyBar->setTextVisible(false);
    m_busyLabel->hide();
    m_busyBar->hide();
    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("datasetSummary"));
    m_summaryLabel->setContentsMargins(8, 0, 8, 0);
    statusBar()->addPermanentWidget(m_busyLabel);
    statusBar()->addPermanentWidget(m_busyBar);
    statusBar()->addPermanentWidget(m_summaryLabel);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_recentFiles->files();
    int number = 1;
    for (const QString& file : files) {
        const QString text = tr("&%1  %2").arg(number).arg(QFileInfo(file).fileName());
        QAction* action = m_recentMenu->addAction(text);
        action->setToolTip(QDir::toNativeSeparators(file));
        action->setStatusTip(QDir::toNativeSeparators(file));
        connect(action, &QAction::triggered, this, [this, file] { openRecent(file); });
        ++number;
    }
    if (files.isEmpty()) {
        m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
    } else {
        m_recentMenu->addSeparator();
        connect(m_recentMenu->addAction(tr("&Clear Menu")), &QAction::triggered, m_recentFiles,
                &RecentFiles::clear);
    }
    m_recentMenu->setToolTipsVisible(true);
}

void MainWindow::openRecent(const QString& path)
{
    if (!QFileInfo::exists(path)) {
        m_recentFiles->remove(path);
        const QString message = tr("%1 no longer exists; it was removed from the recent files.")
                                    .arg(QDir::toNativeSeparators(path));
        emit loadFailed(message);
        if (m_errorDialogs) {
            auto* box = new QMessageBox(QMessageBox::Warning, tr("File not found"), message,
                                        QMessageBox::Ok, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
        return;
    }
    openFile(path);
}

void MainWindow::openFileDialog()
{
    QString directory = QSettings().value(lastDirectoryKey()).toString();
    if (directory.isEmpty() && !m_state->datasetPath().isEmpty()) {
        directory = QFileInfo(m_state->datasetPath()).absolutePath();
    }
    const QStringList filters = {
        tr("All supported data (*.arff *.csv *.tsv *.txt *.data)"),
        tr("Weka ARFF (*.arff)"),
        tr("CSV, comma or semicolon separated (*.csv *.tsv *.txt)"),
        tr("UCI german.data (*.data)"),
        tr("All files (*)"),
    };
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Dataset"), directory,
                                                      filters.join(QStringLiteral(";;")));
    if (path.isEmpty()) {
        return;
    }
    QSettings().setValue(lastDirectoryKey(), QFileInfo(path).absolutePath());
    openFile(path);
}

void MainWindow::openFile(const QString& path, bool addToRecent,
                          const QStringList& categoricalColumns)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_pendingPath = absolute;
    m_pendingAddToRecent = addToRecent;
    setBusy(true, absolute);
    m_loader->load(absolute, categoricalColumns);
}

bool MainWindow::isLoading() const
{
    return m_loader->isLoading();
}

void MainWindow::setErrorDialogsEnabled(bool enabled)
{
    m_errorDialogs = enabled;
}

void MainWindow::restoreWindowState()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(geometryKey()).toByteArray())) {
        resize(StartupOptions::kDefaultSize);
    }
    restoreState(settings.value(stateKey()).toByteArray());
    m_saveWindowState = true;
}

QString MainWindow::statusSummary() const
{
    return m_summaryLabel->text();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto* page = qobject_cast<TabPage*>(m_tabs->widget(i));
        if (page != nullptr && !page->canClose()) {
            event->ignore();
            return;
        }
    }
    if (m_saveWindowState) {
        QSettings settings;
        settings.setValue(geometryKey(), saveGeometry());
        settings.setValue(stateKey(), saveState());
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::paintEvent(QPaintEvent* event)
{
    QMainWindow::paintEvent(event);
    emit painted();
}

void MainWindow::updateWindowTitle()
{
    // "credit-g.arff · model.crs — Credit Risk Studio": what is open, data first.
    QStringList parts;
    if (m_state->dataset()) {
        parts.append(QFileInfo(m_state->datasetPath()).fileName());
    }
    if (m_state->modelBundle()) {
        parts.append(m_state->modelPath().isEmpty() ? tr("unsaved model")
                                                    : QFileInfo(m_state->modelPath()).fileName());
    }
    setWindowTitle(parts.isEmpty()
                       ? tr("Credit Risk Studio")
                       : tr("%1 — Credit Risk Studio").arg(parts.join(QStringLiteral(" · "))));
}

bool MainWindow::exportDataCsv(const QString& path, QString* error)
{
    const std::shared_ptr<const core::Dataset> dataset = m_state->dataset();
    if (!dataset) {
        if (error != nullptr) {
            *error = tr("There is no data to export: open a file first.");
        }
        return false;
    }
    try {
        core::writeCsv(*dataset, QFile::encodeName(path).toStdString());
    } catch (const std::exception& e) {
        if (error != nullptr) {
            *error = QString::fromUtf8(e.what());
        }
        return false;
    }
    announceSaved(this, path);
    return true;
}

void MainWindow::onDatasetChanged()
{
    const std::shared_ptr<const core::Dataset> dataset = m_state->dataset();
    if (m_exportDataAction != nullptr) {
        m_exportDataAction->setEnabled(dataset != nullptr);
    }
    updateWindowTitle();
    if (!dataset) {
        m_summaryLabel->setText(tr("No data loaded"));
        m_summaryLabel->setToolTip({});
        return;
    }
    const QFileInfo info(m_state->datasetPath());
    setWindowFilePath(info.absoluteFilePath());

    const QLocale locale = displayLocale();
    const auto rows = static_cast<qlonglong>(dataset->rowCount());
    const auto columns = static_cast<qlonglong>(dataset->columnCount());
    m_summaryLabel->setText(tr("%1 rows · %2 columns · bad rate %3 %")
                                .arg(locale.toString(rows), locale.toString(columns),
                                     locale.toString(dataset->positiveRate() * 100.0, 'f', 1)));
    const core::Schema& schema = dataset->schema();
    m_summaryLabel->setToolTip(
        tr("%1\nTarget column '%2'; bad rate = share of rows labelled '%3' (%4 of %5)")
            .arg(QDir::toNativeSeparators(info.absoluteFilePath()),
                 QString::fromStdString(schema.target().name),
                 QString::fromStdString(schema.positiveLabel),
                 locale.toString(static_cast<qlonglong>(dataset->positiveCount())),
                 locale.toString(rows)));
}

void MainWindow::onLoadSucceeded(const QString& path, const QStringList& warnings)
{
    if (path == m_pendingPath && m_pendingAddToRecent) {
        m_recentFiles->add(path);
    }
    if (!warnings.isEmpty()) {
        const QString message = warnings.size() == 1
                                    ? tr("Warning while reading: %1").arg(warnings.first())
                                    : tr("%1 warnings while reading; the first: %2")
                                          .arg(QString::number(warnings.size()), warnings.first());
        statusBar()->showMessage(message, 15'000);
        statusBar()->setToolTip(warnings.join(QLatin1Char('\n')));
    } else {
        statusBar()->setToolTip({});
    }
    emit datasetLoaded(path);
}

void MainWindow::onLoadFailed(const QString& path, const QString& message,
                              const QString& notNumericColumn,
                              const QStringList& categoricalColumns)
{
    setBusy(false);
    emit loadFailed(message);
    if (!m_errorDialogs) {
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot open the dataset"),
                                tr("The file could not be opened; the current data is kept."),
                                QMessageBox::Ok, this);
    box->setInformativeText(message);
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (!notNumericColumn.isEmpty()) {
        // Numbers but for a few values: usually typos to correct in the file, but codes
        // with a few labels are real categories — let the analyst say which.
        QPushButton* asLabels = box->addButton(tr("Read '%1' as categorical").arg(notNumericColumn),
                                               QMessageBox::AcceptRole);
        asLabels->setToolTip(tr("Open the file again with every value of '%1' read as a label "
                                "(level), numbers included.")
                                 .arg(notNumericColumn));
        box->setDefaultButton(QMessageBox::Ok);
        const bool addToRecent = m_pendingAddToRecent;
        connect(asLabels, &QPushButton::clicked, this,
                [this, path, addToRecent, notNumericColumn, categoricalColumns] {
                    openFile(path, addToRecent, categoricalColumns + QStringList{notNumericColumn});
                });
    }
    box->open();
}

void MainWindow::setBusy(bool busy, const QString& path)
{
    m_busyLabel->setVisible(busy);
    m_busyBar->setVisible(busy);
    if (busy) {
        m_busyLabel->setText(tr("Loading %1…").arg(QFileInfo(path).fileName()));
    }
}

void MainWindow::showHelpForCurrentTab()
{
    if (m_help == nullptr) {
        m_help = new HelpDialog(this);
    }
    const TabPage* page = currentTabPage();
    m_help->showAt(page != nullptr ? tabHelpAnchor(page->tabId()) : QString());
}

void MainWindow::showGlossary()
{
    if (m_help == nullptr) {
        m_help = new HelpDialog(this);
    }
    m_help->showAt(QStringLiteral("glossary"));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Credit Risk Studio"), aboutHtml());
}

} // namespace credit::ui
