// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QWidget>

namespace credit::ui {

class AppState;

/// Base of every tab. A tab reacts to AppState signals and never reaches into other tabs.
///
/// Tabs that compute off the GUI thread return false from isContentReady() from the moment
/// their content is stale (e.g. right after AppState::datasetChanged, even before they are
/// first shown) until the new content is shown, and then emit contentReady(). The screenshot
/// mode of the application waits on exactly this.
class TabPage : public QWidget
{
    Q_OBJECT

public:
    explicit TabPage(AppState* state, QWidget* parent = nullptr);

    /// Lower-case, untranslated name used by `--tab`: "data", "explore", ...
    virtual QString tabId() const = 0;
    /// Translated title shown on the tab.
    virtual QString tabTitle() const = 0;
    /// False while content is being computed off-thread.
    virtual bool isContentReady() const { return true; }

signals:
    /// Emitted when async content has been computed and shown.
    void contentReady();

protected:
    AppState* appState() const;

private:
    AppState* m_state;

public:
    /// Asked by MainWindow before the window closes. A tab with running work may ask the user
    /// and then stop that work (cancel and wait); false keeps the window open.
    virtual bool canClose() { return true; }
};

} // namespace credit::ui
