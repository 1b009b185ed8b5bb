// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "widgets/table_csv_writer.h"

#include "common/atomic_file.h"
#include "data/csv_writer.h"

#include <QAbstractItemModel>
#include <QFile>

#include <exception>

namespace credit::ui {
namespace {

QString field(const QVariant& value)
{
    QString text;
    const auto type = value.metaType().id();
    if (type == QMetaType::Double || type == QMetaType::Float) {
        text = QString::number(value.toDouble(), 'g', 12);
    } else {
        text = value.toString();
    }
    // Core's one field quoter, so the export reads back with the app's own CSV reader (an
    // empty cell or "NA" stays a value, not a missing one).
    return QString::fromStdString(core::csvField(text.toStdString()));
}

} // namespace

QString TableCsvWriter::toCsv(const QAbstractItemModel& model)
{
    QString out;
    const int columns = model.columnCount();
    for (int c = 0; c < columns; ++c) {
        if (c > 0) {
            out += QLatin1Char(',');
        }
        out += field(model.headerData(c, Qt::Horizontal, Qt::DisplayRole));
    }
    out += QStringLiteral("\r\n");
    for (int r = 0; r < model.rowCount(); ++r) {
        for (int c = 0; c < columns; ++c) {
            if (c > 0) {
                out += QLatin1Char(',');
            }
            const QModelIndex index = model.index(r, c);
            const QVariant edit = model.data(index, Qt::EditRole);
            const bool numeric = edit.metaType().id() == QMetaType::Double ||
                                 edit.metaType().id() == QMetaType::Int ||
                                 edit.metaType().id() == QMetaType::LongLong ||
                                 edit.metaType().id() == QMetaType::ULongLong;
            out += field(numeric ? edit : model.data(index, Qt::DisplayRole));
        }
        out += QStringLiteral("\r\n");
    }
    return out;
}

bool TableCsvWriter::save(const QAbstractItemModel& model, const QString& path, QString* error)
{
    const QByteArray bytes = toCsv(model).toUtf8();
    try {
        core::writeFileAtomically(QFile::encodeName(path).toStdString(),
                                  std::string_view(bytes.constData(), std::size_t(bytes.size())));
        return true;
    } catch (const std::exception& e) {
        if (error != nullptr) {
            *error = QString::fromStdString(e.what());
        }
        return false;
    }
}

} // namespace credit::ui
