// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "main/tab_page.h"

#include "main/app_state.h"

namespace credit::ui {

TabPage::TabPage(AppState* state, QWidget* parent) : QWidget(parent), m_state(state) {}

AppState* TabPage::appState() const
{
    return m_state;
}

} // namespace credit::ui
