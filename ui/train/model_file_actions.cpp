// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "train/model_file_actions.h"

#include "io/model_bundle.h"
#include "main/app_state.h"
#include "widgets/file_names.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QWidget>

#include <exception>

namespace credit::ui {

namespace {

QString lastModelDirectoryKey()
{
    return QStringLiteral("models/lastDirectory");
}

} // namespace

ModelLoadResult loadModelBundleFile(const QString& path)
{
    ModelLoadResult result;
    try {
        result.bundle = std::make_shared<const core::ModelBundle>(
            core::ModelBundle::load(QFile::encodeName(path).toStdString()));
    } catch (const std::exception& error) {
        result.error = QString::fromStdString(error.what());
    }
    return result;
}

bool saveModelBundleFile(const core::ModelBundle& bundle, const QString& path, QString* error)
{
    try {
        bundle.save(QFile::encodeName(path).toStdString());
        return true;
    } catch (const std::exception& e) {
        if (error != nullptr) {
            *error = QString::fromStdString(e.what());
        }
        return false;
    }
}

ModelFileActions::ModelFileActions(AppState* state, QWidget* dialogParent)
    : QObject(dialogParent), m_state(state), m_dialogParent(dialogParent),
      m_save(
          new QAction(QIcon::fromTheme(QStringLiteral("document-save")), tr("&Save Model…"), this)),
      m_open(
          new QAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("Open &Model…"), this))
{
    m_save->setObjectName(QStringLiteral("saveModelAction"));
    m_save->setShortcut(QKeySequence::Save);
    m_save->setStatusTip(tr("Save the trained models, threshold and results as one model file"));
    m_open->setObjectName(QStringLiteral("openModelAction"));
    m_open->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_open->setStatusTip(tr("Open a model file saved by Credit Risk Studio or credit-risk train"));
    connect(m_save, &QAction::triggered, this, &ModelFileActions::saveWithDialog);
    connect(m_open, &QAction::triggered, this, &ModelFileActions::openWithDialog);
    connect(m_state, &AppState::modelBundleChanged, this, &ModelFileActions::updateActions);
    updateActions();
}

QString ModelFileActions::suffix()
{
    return QStringLiteral("crs");
}

void ModelFileActions::addTo(QMenu* menu)
{
    menu->addAction(m_open);
    menu->addAction(m_save);
}

bool ModelFileActions::openFile(const QString& path, QString* error)
{
    ModelLoadResult loaded = loadModelBundleFile(path);
    if (!loaded.bundle) {
        if (error != nullptr) {
            *error = loaded.error;
        }
        return false;
    }
    m_state->setModelBundle(std::move(loaded.bundle), QFileInfo(path).absoluteFilePath());
    return true;
}

bool ModelFileActions::saveFile(const QString& path, QString* error)
{
    const std::shared_ptr<const core::ModelBundle> current = m_state->modelBundle();
    if (!current) {
        if (error != nullptr) {
            *error = tr("There is no model to save: train one first (Train tab).");
        }
        return false;
    }
    // The file records the analyst's choice of model and policy, not only the run's; the
    // run's best pick stays as it was.
    core::ModelBundle bundle = *current;
    if (!m_state->currentAlgorithm().isEmpty()) {
        bundle.selected = m_state->currentAlgorithm().toStdString();
    }
    bundle.policy = m_state->policy();
    if (!saveModelBundleFile(bundle, path, error)) {
        return false;
    }
    m_state->setModelPath(QFileInfo(path).absoluteFilePath());
    return true;
}

void ModelFileActions::saveWithDialog()
{
    QString directory = QSettings().value(lastModelDirectoryKey()).toString();
    if (directory.isEmpty()) {
        directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    }
    QString path = QFileDialog::getSaveFileName(
        m_dialogParent, tr("Save Model"),
        QDir(directory).filePath(QStringLiteral("credit-model.") + suffix()),
        tr("Credit Risk Studio models (*.%1)").arg(suffix()));
    if (path.isEmpty()) {
        return;
    }
    path = withSuffix(path, suffix());
    QSettings().setValue(lastModelDirectoryKey(), QFileInfo(path).absolutePath());
    QString error;
    if (!saveFile(path, &error)) {
        QMessageBox::warning(m_dialogParent, tr("Cannot save the model"), error);
        return;
    }
    announceSaved(m_dialogParent, path);
}

void ModelFileActions::openWithDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        m_dialogParent, tr("Open Model"), QSettings().value(lastModelDirectoryKey()).toString(),
        // Files saved before the extension became the CLI's .crs end in .crsmodel.
        tr("Credit Risk Studio models (*.%1 *.crsmodel);;All files (*)").arg(suffix()));
    if (path.isEmpty()) {
        return;
    }
    QSettings().setValue(lastModelDirectoryKey(), QFileInfo(path).absolutePath());
    QString error;
    if (!openFile(path, &error)) {
        QMessageBox::warning(
            m_dialogParent, tr("Cannot open the model"),
            tr("The model file was refused; the current model is kept.\n\n%1").arg(error));
    }
}

void ModelFileActions::updateActions()
{
    m_save->setEnabled(m_state->modelBundle() != nullptr);
}

} // namespace credit::ui
