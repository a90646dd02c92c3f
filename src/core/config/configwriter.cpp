#include "config/configwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

#include <variant>

#include "config/configfields.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

const ConfigField* fieldNamed(const QString& key)
{
    for (const ConfigField& field : configFields()) {
        if (key.compare(QString::fromUtf16(field.name), Qt::CaseInsensitive) == 0) {
            return &field;
        }
    }
    return nullptr;
}

// ${NAME} expanded as ConfigLoader does; nullopt when a variable is not set.
std::optional<QString> expanded(const QString& value)
{
    static const QRegularExpression reference(u"\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}"_s);
    QString out;
    qsizetype last = 0;
    auto it = reference.globalMatch(value);
    while (it.hasNext()) {
        const auto match = it.next();
        const QByteArray name = match.captured(1).toLocal8Bit();
        if (!qEnvironmentVariableIsSet(name.constData())) {
            return std::nullopt;
        }
        out += QStringView(value).mid(last, match.capturedStart() - last);
        out += qEnvironmentVariable(name.constData());
        last = match.capturedEnd();
    }
    out += QStringView(value).mid(last);
    return out;
}

// The existing file's object; an empty one when there is no file.
Result<QJsonObject> readExisting(const QString& path)
{
    QFile file(path);
    if (!file.exists()) {
        return QJsonObject {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::IoError,
            u"cannot read configuration %1 before saving: %2"_s.arg(path, file.errorString()));
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        // Refuse rather than replace: the file may hold settings of other tools.
        return makeError(ErrorCode::ConfigError,
            u"configuration %1 is not a JSON object; not overwriting it"_s.arg(path));
    }
    return document.object();
}

} // namespace

QJsonObject ConfigWriter::toJson(const Configuration& config, bool includePasswords)
{
    static const Configuration defaults;
    QJsonObject object;
    for (const ConfigField& field : configFields()) {
        if (field.password && !includePasswords) {
            continue;
        }
        const QString name = QString::fromUtf16(field.name);
        if (auto* s = std::get_if<QString Configuration::*>(&field.target)) {
            if (!(config.*(*s)).isEmpty() || !(defaults.*(*s)).isEmpty()) {
                object.insert(name, config.*(*s));
            }
        } else if (auto* i = std::get_if<int Configuration::*>(&field.target)) {
            object.insert(name, config.*(*i));
        } else if (auto* b = std::get_if<bool Configuration::*>(&field.target)) {
            object.insert(name, config.*(*b));
        } else if (auto* m = std::get_if<QHash<QString, QString> Configuration::*>(&field.target)) {
            const QHash<QString, QString>& map = config.*(*m);
            if (!map.isEmpty()) {
                QJsonObject aliases;
                for (auto it = map.begin(); it != map.end(); ++it) {
                    aliases.insert(it.key(), it.value());
                }
                object.insert(name, aliases);
            }
        } else if (auto* l = std::get_if<QStringList Configuration::*>(&field.target)) {
            if (!(config.*(*l)).isEmpty()) {
                object.insert(name, QJsonArray::fromStringList(config.*(*l)));
            }
        }
    }
    return object;
}

Result<void> ConfigWriter::save(
    const Configuration& config, const QString& path, bool includePasswords)
{
    auto existing = readExisting(path);
    if (!existing) {
        return existing.error();
    }
    const QJsonObject known = toJson(config, includePasswords);
    QJsonObject out;
    QHash<QString, QString> keptForms; // canonical key -> unexpanded ${...} text to keep
    for (auto it = existing->begin(); it != existing->end(); ++it) {
        const ConfigField* field = fieldNamed(it.key());
        if (!field) {
            out.insert(it.key(), it.value()); // not ours: kept as it was
            continue;
        }
        if (field->password && !includePasswords) {
            out.insert(it.key(), it.value());
            continue;
        }
        const QString name = QString::fromUtf16(field->name);
        const QString raw = it.value().toString();
        if (raw.contains(u"${"_s) && known.contains(name)
            && expanded(raw) == known.value(name).toString()) {
            keptForms.insert(name, raw);
        }
    }
    for (auto it = known.begin(); it != known.end(); ++it) {
        out.insert(it.key(),
            keptForms.contains(it.key()) ? QJsonValue(keptForms.value(it.key())) : it.value());
    }

    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        return makeError(ErrorCode::IoError,
            u"cannot save configuration %1: cannot create folder %2"_s.arg(
                path, info.absolutePath()));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return makeError(ErrorCode::IoError,
            u"cannot save configuration %1: %2"_s.arg(path, file.errorString()));
    }
    const bool holdsPassword = includePasswords
        && (!config.mysqlTopologyPassword.isEmpty() || !config.mysqlOrchestratorPassword.isEmpty());
    if (holdsPassword) {
        // A new file would get the umask's permissions, usually readable by everyone.
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    const QByteArray bytes = QJsonDocument(out).toJson(QJsonDocument::Indented);
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        return makeError(ErrorCode::IoError,
            u"cannot save configuration %1: %2"_s.arg(path, file.errorString()));
    }
    return {};
}

} // namespace topograph
