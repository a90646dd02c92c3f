// Helpers shared by the backend unit tests: an isolated home, SQLite backends in a temporary
// folder, and small SQL probes of what a backend file holds.
#pragma once

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "backend/backend.h"
#include "config/configuration.h"
#include "instancekey.h"

namespace topograph::test {

using namespace Qt::StringLiterals;

// Points the XDG folders into dir so that no test reads or writes the real home.
inline void isolateHome(const QTemporaryDir &dir)
{
    QVERIFY(dir.isValid());
    qputenv("XDG_DATA_HOME", QFile::encodeName(dir.filePath(u"xdg-data"_s)));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir.filePath(u"xdg-config"_s)));
}

inline Configuration sqliteConfig(const QString &file)
{
    Configuration config;
    config.backendDb = u"sqlite"_s;
    config.sqlite3DataFile = file;
    return config;
}

// The opened backend, or nullptr after a test failure naming the error.
inline std::unique_ptr<Backend> openSqlite(const QString &file,
    Backend::OpenMode mode = Backend::OpenMode::Normal)
{
    auto opened = Backend::open(sqliteConfig(file), mode);
    if (!opened) {
        qWarning("cannot open %s: %s", qPrintable(file), qPrintable(opened.error().message));
        return nullptr;
    }
    return std::move(opened).value();
}

inline InstanceKey key(const QString &text)
{
    return *InstanceKey::parse(text, 3306);
}

inline int rowCount(const Backend &backend, const QString &table, const QString &where = {})
{
    auto rows = backend.select(u"SELECT COUNT(*) AS n FROM "_s + table
        + (where.isEmpty() ? QString() : u" WHERE "_s + where));
    return rows && !rows->isEmpty() ? rows->first().value(u"n"_s).toInt() : -1;
}

inline QStringList sqliteTables(const Backend &backend)
{
    QStringList names;
    auto rows = backend.select(u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                               "LIKE 'sqlite_%' ORDER BY name"_s);
    if (rows) {
        for (const auto &row : *rows) {
            names << row.value(u"name"_s).toString();
        }
    }
    return names;
}

inline QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

} // namespace topograph::test
