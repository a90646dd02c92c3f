#include "config/configloader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>

#include <cmath>
#include <limits>
#include <variant>

#include "config/configfields.h"
#include "logging.h"
#include "ops/sqlidentifiers.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

QString typeName(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"a list"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"undefined"_s;
}

// Replaces ${NAME} by the environment variable's value; an unset variable is an error, since an
// empty password or host silently substituted would be worse than stopping.
Result<QString> expandEnvironment(const QString& value, const QString& where)
{
    static const QRegularExpression reference(u"\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}"_s);
    QString out;
    qsizetype last = 0;
    auto it = reference.globalMatch(value);
    while (it.hasNext()) {
        const auto match = it.next();
        const QString name = match.captured(1);
        if (!qEnvironmentVariableIsSet(name.toLocal8Bit().constData())) {
            return makeError(ErrorCode::ConfigError,
                u"%1 refers to ${%2}, which is not set in the environment"_s.arg(where, name));
        }
        out += QStringView(value).mid(last, match.capturedStart() - last);
        out += qEnvironmentVariable(name.toLocal8Bit().constData());
        last = match.capturedEnd();
    }
    out += QStringView(value).mid(last);
    return out;
}

Result<void> assign(
    Configuration& config, const ConfigField& field, const QJsonValue& value, const QString& where)
{
    const QString name = QString::fromUtf16(field.name);
    auto wrongType = [&](const QString& expected) {
        return makeError(ErrorCode::ConfigError,
            u"%1: %2 must be %3, not %4"_s.arg(where, name, expected, typeName(value)));
    };
    if (auto* s = std::get_if<QString Configuration::*>(&field.target)) {
        if (!value.isString()) {
            return wrongType(u"a string"_s);
        }
        auto expanded = expandEnvironment(value.toString(), u"%1: %2"_s.arg(where, name));
        if (!expanded) {
            return expanded.error();
        }
        if (field.choices) {
            const QStringList allowed = QString::fromUtf16(field.choices).split(u'|');
            if (!allowed.contains(expanded->toLower())) {
                return makeError(ErrorCode::ConfigError,
                    u"%1: %2 must be one of %3"_s.arg(where, name, allowed.join(u", "_s)));
            }
            config.*(*s) = expanded->toLower();
        } else {
            config.*(*s) = *expanded;
        }
    } else if (auto* i = std::get_if<int Configuration::*>(&field.target)) {
        const double number = value.toDouble();
        if (!value.isDouble() || std::trunc(number) != number) {
            return wrongType(u"a whole number"_s);
        }
        // Compared as doubles before any cast: a huge number must not overflow int.
        if (number < field.minimum || number > field.maximum) {
            return makeError(ErrorCode::ConfigError,
                u"%1: %2 must be from %3 to %4"_s.arg(
                    where, name, QString::number(field.minimum), QString::number(field.maximum)));
        }
        config.*(*i) = static_cast<int>(number);
    } else if (auto* b = std::get_if<bool Configuration::*>(&field.target)) {
        if (!value.isBool()) {
            return wrongType(u"true or false"_s);
        }
        config.*(*b) = value.toBool();
    } else if (auto* m = std::get_if<QHash<QString, QString> Configuration::*>(&field.target)) {
        if (!value.isObject()) {
            return wrongType(u"an object of strings"_s);
        }
        QHash<QString, QString> map;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!it.value().isString()) {
                return makeError(ErrorCode::ConfigError,
                    u"%1: %2[\"%3\"] must be a string"_s.arg(where, name, it.key()));
            }
            map.insert(it.key(), it.value().toString());
        }
        config.*(*m) = map;
    } else if (auto* l = std::get_if<QStringList Configuration::*>(&field.target)) {
        if (!value.isArray()) {
            return wrongType(u"a list of strings"_s);
        }
        QStringList list;
        const QJsonArray array = value.toArray();
        for (qsizetype n = 0; n < array.size(); ++n) {
            if (!array.at(n).isString()) {
                return makeError(ErrorCode::ConfigError,
                    u"%1: %2[%3] must be a string"_s.arg(where, name, QString::number(n)));
            }
            // The only list key holds regular expressions: a bad one is refused here, not
            // silently ignored at every discovery.
            const QRegularExpression pattern(array.at(n).toString());
            if (!pattern.isValid()) {
                return makeError(ErrorCode::ConfigError,
                    u"%1: %2[%3] is not a valid regular expression: %4"_s.arg(
                        where, name, QString::number(n), pattern.errorString()));
            }
            list << array.at(n).toString();
        }
        config.*(*l) = list;
    }
    return {};
}

} // namespace

Result<Configuration> ConfigLoader::fromJson(const QByteArray& json, const QString& origin)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Report the line, not the text: the text near the error may be a password.
        const qsizetype line = json.left(parseError.offset).count('\n') + 1;
        return makeError(ErrorCode::ConfigError,
            u"%1: not valid JSON at line %2: %3"_s.arg(
                origin, QString::number(line), parseError.errorString()));
    }
    if (!document.isObject()) {
        return makeError(ErrorCode::ConfigError, u"%1: expected a JSON object"_s.arg(origin));
    }
    QHash<QString, const ConfigField*> byLowerName;
    for (const ConfigField& field : configFields()) {
        byLowerName.insert(QString::fromUtf16(field.name).toLower(), &field);
    }
    Configuration config;
    QStringList ignored;
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const ConfigField* field = byLowerName.value(it.key().toLower());
        if (!field) {
            ignored << it.key();
            continue;
        }
        if (auto assigned = assign(config, *field, it.value(), origin); !assigned) {
            return assigned.error();
        }
    }
    if (!ignored.isEmpty()) {
        qCDebug(lcConfig).noquote()
            << origin << "has" << ignored.size() << "keys Topograph does not use, ignored";
    }
    // Spelled into statements on every instance: refuse a bad name here, once, not per probe.
    if (!config.heartbeatTable.isEmpty()) {
        if (auto table = SqlIdentifiers::qualifiedTableName(config.heartbeatTable); !table) {
            return makeError(ErrorCode::ConfigError,
                u"%1: HeartbeatTable: %2"_s.arg(origin, table.error().message));
        }
    }
    config.sourcePath = origin;
    return config;
}

Result<Configuration> ConfigLoader::fromFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::ConfigError,
            u"cannot read configuration %1: %2"_s.arg(path, file.errorString()));
    }
    return fromJson(file.readAll(), QDir::cleanPath(QFileInfo(file).absoluteFilePath()));
}

Result<Configuration> ConfigLoader::load(const QString& explicitPath)
{
    if (!explicitPath.isEmpty()) {
        return fromFile(explicitPath);
    }
    const QString path = defaultPath();
    if (QFile::exists(path)) {
        return fromFile(path);
    }
    return Configuration {};
}

QString ConfigLoader::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + u"/topograph/topograph.conf.json"_s;
}

} // namespace topograph
