// Helpers shared by the backend unit tests: an isolated home, SQLite backends in a temporary
// folder, and small SQL probes of what a backend file holds.
#pragma once

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "backend/backend.h"
#include "config/configuration.h"
#include "instancekey.h"

namespace topograph::test {

using namespace Qt::StringLiterals;

// Points the XDG folders into dir so that no test reads or writes the real home.
inline void isolateHome(const QTemporaryDir& dir)
{
    QVERIFY(dir.isValid());
    qputenv("XDG_DATA_HOME", QFile::encodeName(dir.filePath(u"xdg-data"_s)));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir.filePath(u"xdg-config"_s)));
}

inline Configuration sqliteConfig(const QString& file)
{
    Configuration config;
    config.backendDb = u"sqlite"_s;
    config.sqlite3DataFile = file;
    return config;
}

// The opened backend, or nullptr after a test failure naming the error.
inline std::unique_ptr<Backend> openSqlite(
    const QString& file, Backend::OpenMode mode = Backend::OpenMode::Normal)
{
    auto opened = Backend::open(sqliteConfig(file), mode);
    if (!opened) {
        qWarning("cannot open %s: %s", qPrintable(file), qPrintable(opened.error().message));
        return nullptr;
    }
    return std::move(opened).value();
}

inline InstanceKey key(const QString& text)
{
    return *InstanceKey::parse(text, 3306);
}

inline int rowCount(const Backend& backend, const QString& table, const QString& where = {})
{
    auto rows = backend.select(u"SELECT COUNT(*) AS n FROM "_s + table
        + (where.isEmpty() ? QString() : u" WHERE "_s + where));
    return rows && !rows->isEmpty() ? rows->first().value(u"n"_s).toInt() : -1;
}

inline QStringList sqliteTables(const Backend& backend)
{
    QStringList names;
    auto rows = backend.select(u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                               "LIKE 'sqlite_%' ORDER BY name"_s);
    if (rows) {
        for (const auto& row : *rows) {
            names << row.value(u"name"_s).toString();
        }
    }
    return names;
}

// Every table's definition and rows of a SQLite file, in a stable order: equal dumps mean nothing
// was written (unlike a byte hash, this ignores journal-mode and page bookkeeping). Only reads;
// "<missing>" when the file does not exist.
inline QString sqliteDump(const QString& path)
{
    if (!QFile::exists(path)) {
        return u"<missing>"_s;
    }
    static int serial = 0;
    const QString name = u"dump-%1"_s.arg(++serial);
    QStringList lines;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (!db.open()) {
            lines << u"<cannot open>"_s;
        }
        QSqlQuery schema(db);
        schema.exec(u"SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"_s);
        while (schema.next()) {
            lines << schema.value(0).toString();
        }
        QStringList tables = db.tables();
        tables.sort();
        for (const QString& table : tables) {
            QSqlQuery rows(db);
            rows.exec(u"SELECT * FROM "_s + table);
            QStringList values;
            while (rows.next()) {
                QStringList fields;
                for (int i = 0; i < rows.record().count(); ++i) {
                    fields << rows.value(i).toString();
                }
                values << fields.join(u'|');
            }
            values.sort();
            lines << table + u":"_s << values;
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return lines.join(u'\n');
}

} // namespace topograph::test
