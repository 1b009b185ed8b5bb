// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "main/about_text.h"

#include "common/build_info.h"

#include <QCoreApplication>

namespace credit::ui {

namespace {

QString html(const std::string& text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

QString tr(const char* text)
{
    return QCoreApplication::translate("AboutText", text);
}

} // namespace

QString aboutHtml()
{
    const core::DatasetProvenance& data = core::bundledDatasetProvenance();
    QString rows =
        QStringLiteral("<tr><td>Qt</td><td>%1</td><td>LGPL-3.0-only</td><td>%2</td></tr>")
            .arg(QString::fromLatin1(qVersion()).toHtmlEscaped(),
                 tr("windows, charts, printing, experiment history"));
    for (const core::ThirdPartyComponent& component : core::thirdPartyComponents()) {
        rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                    .arg(html(component.name), html(component.version), html(component.licence),
                         html(component.use));
    }
    return tr("<h3>Credit Risk Studio %1</h3>"
              "<p>Commit %2.</p>"
              "<p>Explore credit data, train and compare credit-risk models, tune the "
              "accept/reject threshold and explain individual scores.</p>"
              "<p><b>Bundled data:</b> %3. %4. Licence: %5 (Creative Commons Attribution 4.0 "
              "International). Cite as: %6</p>"
              "<p><b>Credit Risk Studio</b> is licensed under the MIT licence. It is built "
              "on:</p>"
              "<table cellspacing=\"4\"><tr><th align=\"left\">Library</th>"
              "<th align=\"left\">Version</th><th align=\"left\">Licence</th>"
              "<th align=\"left\">Used for</th></tr>%7</table>")
        .arg(QString::fromStdString(std::string(core::projectVersion())).toHtmlEscaped(),
             QString::fromStdString(std::string(core::gitCommit())).toHtmlEscaped(),
             html(data.title), html(data.origin), html(data.licence), html(data.citation), rows);
}

} // namespace credit::ui
