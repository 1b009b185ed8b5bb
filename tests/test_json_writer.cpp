// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "common/atomic_file.h"
#include "common/json_writer.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <filesystem>
#include <limits>

using credit::core::JsonWriter;

class TestJsonWriter : public QObject
{
    Q_OBJECT

private slots:
    void nestedCompact()
    {
        JsonWriter w(false);
        w.beginObject();
        w.key("rows").value(1000);
        w.key("columns").beginArray();
        w.beginObject().key("name").value("a\"b").key("ok").value(true).endObject();
        w.value(0.5);
        w.endArray();
        w.key("nan").value(std::numeric_limits<double>::quiet_NaN());
        w.endObject();
        QCOMPARE(QString::fromStdString(w.str()),
                 QStringLiteral("{\"rows\":1000,\"columns\":[{\"name\":\"a\\\"b\",\"ok\":true},0.5],"
                                "\"nan\":null}"));
    }

    void escapesControlCharacters()
    {
        QCOMPARE(QString::fromStdString(JsonWriter::quote("a\nb\x01")),
                 QStringLiteral("\"a\\nb\\u0001\""));
    }

    void emptyContainers()
    {
        JsonWriter w(true);
        w.beginObject().key("a").beginArray().endArray().endObject();
        QCOMPARE(QString::fromStdString(w.str()), QStringLiteral("{\n  \"a\": []\n}"));
    }

    void atomicWriteKeepsOldFileOnFailure()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("out.txt")).toStdString();
        credit::core::writeFileAtomically(path, std::string_view("first"));
        QCOMPARE(QString::fromStdString(credit::core::readWholeFile(path)), QStringLiteral("first"));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 credit::core::writeFileAtomically(path, [](std::ostream& out) {
                                     out << "partial";
                                     throw std::runtime_error("boom");
                                 }));
        QCOMPARE(QString::fromStdString(credit::core::readWholeFile(path)), QStringLiteral("first"));
        // No temporary left behind.
        int files = 0;
        for ([[maybe_unused]] const auto& entry :
             std::filesystem::directory_iterator(dir.path().toStdString())) {
            ++files;
        }
        QCOMPARE(files, 1);
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "test_json_writer.moc"
