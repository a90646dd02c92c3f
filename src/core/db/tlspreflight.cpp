#include "db/tlspreflight.h"

#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>

#include "db/mysqlhandshake.h"
#include "logging.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

enum class PemKind { Certificates, PrivateKey };

Result<QByteArray> readPem(const QString& file, const QString& origin, PemKind kind)
{
    const QFileInfo info(file);
    if (!info.exists()) {
        return makeError(
            ErrorCode::ConfigError, u"the TLS file %1 (%2) does not exist"_s.arg(file, origin));
    }
    QFile f(file);
    if (!info.isFile() || !f.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::ConfigError,
            u"the TLS file %1 (%2) cannot be read: %3"_s.arg(file, origin, f.errorString()));
    }
    const QByteArray data = f.readAll();
    const bool valid = kind == PemKind::Certificates
        ? !QSslCertificate::fromData(data, QSsl::Pem).isEmpty()
        : !QSslKey(data, QSsl::Rsa, QSsl::Pem).isNull()
            || !QSslKey(data, QSsl::Ec, QSsl::Pem).isNull();
    if (!valid) {
        return makeError(ErrorCode::ConfigError,
            u"the TLS file %1 (%2) does not hold a PEM %3"_s.arg(file, origin,
                kind == PemKind::Certificates ? u"certificate"_s : u"private key (RSA or EC)"_s));
    }
    return data;
}

QString certificateNames(const QSslCertificate& cert)
{
    QStringList names = cert.subjectAlternativeNames().values();
    if (names.isEmpty()) {
        names = cert.subjectInfo(QSslCertificate::CommonName);
    }
    return names.isEmpty() ? u"no name"_s : names.join(u", "_s);
}

Error refused(const QString& message)
{
    return makeError(ErrorCode::Refused, message);
}

} // namespace

Result<void> TlsPreflight::checkFiles(const TlsSettings& tls)
{
    if (tls.caFile.isEmpty()) {
        return makeError(ErrorCode::ConfigError,
            u"mutual TLS is asked for but no CA file is set (%1): Topograph verifies every "
            "server against that CA"_s.arg(tls.caOrigin));
    }
    if (tls.certFile.isEmpty() != tls.keyFile.isEmpty()) {
        return makeError(ErrorCode::ConfigError,
            u"a client certificate needs both %1 and %2"_s.arg(tls.certOrigin, tls.keyOrigin));
    }
    if (auto ca = readPem(tls.caFile, tls.caOrigin, PemKind::Certificates); !ca) {
        return ca.error();
    }
    if (!tls.certFile.isEmpty()) {
        if (auto cert = readPem(tls.certFile, tls.certOrigin, PemKind::Certificates); !cert) {
            return cert.error();
        }
        if (auto key = readPem(tls.keyFile, tls.keyOrigin, PemKind::PrivateKey); !key) {
            return key.error();
        }
    }
    return {};
}

Result<TlsState> TlsPreflight::run(const ConnectionSettings& settings)
{
    const TlsSettings& tls = settings.tls;
    const QString where = settings.key.toString();
    const int timeoutMs = qMax(1, settings.connectTimeoutSeconds) * 1000;

    if (!QSslSocket::supportsSsl()) {
        return makeError(ErrorCode::ConfigError,
            u"TLS is configured (%1) but Qt has no TLS backend here (Qt's OpenSSL plugin and "
            "libssl are needed): cannot verify %2"_s.arg(tls.caOrigin, where));
    }
    QSslSocket socket;
    socket.connectToHost(settings.driverHost(), settings.key.port);
    if (!socket.waitForConnected(timeoutMs)) {
        return makeError(ErrorCode::ConnectionFailed,
            u"cannot connect to %1: %2"_s.arg(where, socket.errorString()));
    }
    QByteArray buffer;
    while (MySqlHandshake::completePacketLength(buffer) == 0) {
        if (!socket.waitForReadyRead(timeoutMs)) {
            return makeError(ErrorCode::ConnectionFailed,
                u"cannot connect to %1: no MySQL greeting (%2)"_s.arg(where, socket.errorString()));
        }
        buffer += socket.readAll();
    }
    auto greeting = MySqlHandshake::parseGreeting(buffer);
    if (!greeting) {
        return makeError(greeting.error().code,
            u"cannot connect to %1: %2"_s.arg(where, greeting.error().message),
            greeting.error().detail);
    }
    if (!greeting->offersTls()) {
        if (tls.mixed) {
            qCInfo(lcDb).noquote() << where << "offers no TLS: plain session (mixed TLS allowed)";
            return TlsState::Plain;
        }
        return refused(u"TLS is required (%1 is set) but %2 does not offer it; refusing to "
                       "connect"_s.arg(tls.caOrigin, where));
    }

    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setCaCertificates(QSslCertificate::fromPath(tls.caFile, QSsl::Pem));
    conf.setPeerVerifyMode(tls.skipVerify ? QSslSocket::VerifyNone : QSslSocket::VerifyPeer);
    if (!tls.certFile.isEmpty()) {
        const auto certs = QSslCertificate::fromPath(tls.certFile, QSsl::Pem);
        conf.setLocalCertificate(certs.value(0));
        QFile keyFile(tls.keyFile);
        if (keyFile.open(QIODevice::ReadOnly)) {
            const QByteArray pem = keyFile.readAll();
            QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
            conf.setPrivateKey(key.isNull() ? QSslKey(pem, QSsl::Ec, QSsl::Pem) : key);
        }
    }
    socket.setSslConfiguration(conf);
    socket.setPeerVerifyName(settings.key.host);

    // Certificates without SAN entries (Puppet's) must verify by their CN. Qt 6.4's own check
    // accepts a matching CN (even beside SAN entries, which the strict check below refuses);
    // should a TLS backend not, a host name mismatch is accepted here only when it is the one
    // error and the CN rule matches.
    QList<QSslError> errors;
    QObject::connect(&socket, &QSslSocket::sslErrors, &socket,
        [&socket, &errors, &settings](const QList<QSslError>& reported) {
            errors = reported;
            const bool onlyName = std::all_of(reported.cbegin(), reported.cend(),
                [](const QSslError& e) { return e.error() == QSslError::HostNameMismatch; });
            if (!reported.isEmpty() && onlyName
                && MySqlHandshake::hostMatches(settings.key.host, reported.first().certificate())) {
                socket.ignoreSslErrors(reported);
            }
        });
    socket.write(MySqlHandshake::sslRequestPacket(greeting->characterSet));
    socket.startClientEncryption();
    if (!socket.waitForEncrypted(timeoutMs)) {
        for (const QSslError& e : std::as_const(errors)) {
            if (e.error() == QSslError::HostNameMismatch) {
                return refused(
                    u"the TLS certificate of %1 is for %2, not for %3; refusing to "
                    "connect"_s.arg(where, certificateNames(e.certificate()), settings.key.host));
            }
        }
        QStringList texts;
        for (const QSslError& e : std::as_const(errors)) {
            texts << e.errorString();
        }
        return refused(u"the TLS handshake with %1 failed: %2; refusing to connect"_s.arg(
            where, texts.isEmpty() ? socket.errorString() : texts.join(u"; "_s)));
    }
    const QSslCertificate peer = socket.peerCertificate();
    socket.abort();
    if (tls.skipVerify) {
        qCWarning(lcDb).noquote() << "TLS to" << where
                                  << "is encrypted but the server's identity is NOT verified"
                                  << "(SSLSkipVerify is set)";
        return TlsState::Encrypted;
    }
    // Qt also accepts a CN when SAN entries exist and none matches; RFC 6125 does not.
    if (!MySqlHandshake::hostMatches(settings.key.host, peer)) {
        return refused(
            u"the TLS certificate of %1 is for %2, not for %3; refusing to connect"_s.arg(
                where, certificateNames(peer), settings.key.host));
    }
    return TlsState::Verified;
}

} // namespace topograph
