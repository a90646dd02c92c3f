#pragma once

#include <QString>

namespace topograph {

// How a session's traffic was protected, as the padlock on a card shows it.
enum class TlsState {
    Plain, // no TLS: not configured, or a mixed-TLS server without it
    Encrypted, // TLS without identity check (SkipVerify)
    Verified, // TLS, certificate chain and host name verified
};

QString tlsStateName(TlsState state); // "plain", "encrypted", "verified"

// TLS for one kind of connection (topology instances or the backend), with orchestrator's keys.
// TLS is on when a CA file is given or mutual TLS is asked for; then it is required, unless
// mixed TLS allows a plain session with a server that offers no TLS at all. The origin strings
// name where each file came from ("MySQLTopologySSLCAFile", "ssl-ca in /etc/my.cnf") so that
// errors point at the right setting.
struct TlsSettings
{
    QString caFile;
    QString certFile;
    QString keyFile;
    QString caOrigin;
    QString certOrigin;
    QString keyOrigin;
    bool skipVerify = false;
    bool mutual = false;
    bool mixed = false;

    bool enabled() const { return !caFile.isEmpty() || mutual; }
};

} // namespace topograph
