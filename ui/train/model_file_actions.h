// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QAction;
class QMenu;
class QWidget;

namespace credit::core {
class ModelBundle;
} // namespace credit::core

namespace credit::ui {

class AppState;

/// A model bundle read from disk, or the engine's refusal.
struct ModelLoadResult
{
    std::shared_ptr<const core::ModelBundle> bundle;
    QString error; ///< e.g. "model.crs: checksum mismatch (damaged or edited)"
};

/// Reads a bundle (core/io); never throws.
ModelLoadResult loadModelBundleFile(const QString& path);
/// Writes a bundle atomically; on failure returns false with the engine's message.
bool saveModelBundleFile(const core::ModelBundle& bundle, const QString& path, QString* error);

/// File ▸ Save Model… / Open Model…: save the AppState bundle (with the analyst's current
/// algorithm and threshold) and open one into AppState, refusing corrupt or incompatible
/// files with the engine's message.
class ModelFileActions : public QObject
{
    Q_OBJECT

public:
    /// `dialogParent` parents the file dialogs and message boxes.
    ModelFileActions(AppState* state, QWidget* dialogParent);

    /// Appends both actions to `menu`.
    void addTo(QMenu* menu);
    QAction* saveAction() const { return m_save; }
    QAction* openAction() const { return m_open; }

    /// Opens `path` into AppState; false (and `error`) when the engine refuses it.
    bool openFile(const QString& path, QString* error = nullptr);
    /// Saves the AppState bundle to `path`; false (and `error`) on failure.
    bool saveFile(const QString& path, QString* error = nullptr);

    /// File name suffix of model bundles ("crs", as the command line writes them; Open also
    /// lists the ".crsmodel" files of earlier versions).
    static QString suffix();

private:
    void saveWithDialog();
    void openWithDialog();
    void updateActions();

    AppState* m_state;
    QWidget* m_dialogParent;
    QAction* m_save;
    QAction* m_open;
};

} // namespace credit::ui
