#include "db/mysqlconnector.h"

#include <QSqlError>
#include <QSqlQuery>

#include "db/clientauthplugins.h"
#include "db/tlspreflight.h"
#include "logging.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

QString errorText(const QSqlError& error)
{
    const QString text = error.databaseText().trimmed();
    return text.isEmpty() ? error.driverText().trimmed() : text;
}

Result<QVariant> scalar(QSqlDatabase& db, const QString& sql, int column, const QString& where)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(sql)) {
        const QString text = errorText(q.lastError());
        return makeError(ErrorCode::QueryFailed,
            u"cannot check the identity of %1: %2"_s.arg(where, text), text);
    }
    return q.next() ? q.value(column) : QVariant();
}

Result<void> checkIdentity(QSqlDatabase& db, const ConnectionSettings& settings, TlsState tls)
{
    const QString where = settings.key.toString();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT @@port, @@server_id"_s) || !q.next()) {
        const QString text = errorText(q.lastError());
        return makeError(ErrorCode::QueryFailed,
            u"cannot check the identity of %1: %2"_s.arg(where, text), text);
    }
    const QVariant port = q.value(0);
    const QVariant serverId = q.value(1);
    q.finish();
    if (port.toUInt() != settings.key.port) {
        return makeError(ErrorCode::Refused,
            u"connected to %1 but the server there says it listens on port %2; refusing"_s.arg(
                where, port.toString()));
    }
    if (settings.expectedServerId && serverId.toUInt() != *settings.expectedServerId) {
        return makeError(ErrorCode::Refused,
            u"connected to %1 but the server there has server_id %2, not %3 as last "
            "probed; refusing"_s.arg(
                where, serverId.toString(), QString::number(*settings.expectedServerId)));
    }
    if (tls != TlsState::Plain) {
        auto cipher = scalar(db, u"SHOW SESSION STATUS LIKE 'Ssl_cipher'"_s, 1, where);
        if (!cipher) {
            return cipher.error();
        }
        if (cipher->toString().isEmpty()) {
            return makeError(ErrorCode::Refused,
                u"the session to %1 is not encrypted although TLS is required (%2 is set): "
                "something between Topograph and the server strips TLS; refusing (treat the "
                "account's password as exposed)"_s.arg(where, settings.tls.caOrigin));
        }
    }
    return {};
}

} // namespace

Result<TlsState> MySqlConnector::open(QSqlDatabase& db, const ConnectionSettings& settings)
{
    const QString where = settings.key.toString();
    auto options = settings.connectOptions();
    if (!options) {
        return options.error();
    }
    TlsState tls = TlsState::Plain;
    if (settings.tls.enabled()) {
        if (auto files = TlsPreflight::checkFiles(settings.tls); !files) {
            return files.error();
        }
        auto preflight = TlsPreflight::run(settings);
        if (!preflight) {
            qCDebug(lcDb).noquote()
                << "TLS pre-flight refused" << where << preflight.error().message;
            return preflight.error();
        }
        tls = *preflight;
    }
    db.setHostName(settings.driverHost());
    db.setPort(settings.key.port);
    db.setUserName(settings.user);
    db.setPassword(settings.password);
    if (!settings.database.isEmpty()) {
        db.setDatabaseName(settings.database);
    }
    db.setConnectOptions(*options);
    ClientAuthPlugins::restrict(settings.allowClearTextAuth);
    if (!db.open()) {
        const QString text = errorText(db.lastError());
        qCDebug(lcDb) << "connect failed" << where << text;
        if (auto plugin = ClientAuthPlugins::refusedPlugin(text)) {
            return makeError(ErrorCode::Refused,
                u"%1 asked for the password in clear text (authentication plugin %2); Topograph "
                "does not send it. If that server really uses PAM or LDAP, set "
                "MySQLEnableCleartextPlugin to true, and only together with verified TLS"_s.arg(
                    where, *plugin),
                text);
        }
        return makeError(
            ErrorCode::ConnectionFailed, u"cannot connect to %1: %2"_s.arg(where, text), text);
    }
    if (auto identity = checkIdentity(db, settings, tls); !identity) {
        db.close();
        return identity.error();
    }
    return tls;
}

} // namespace topograph
