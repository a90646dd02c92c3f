#pragma once

#include "db/connectionsettings.h"
#include "db/tlssettings.h"
#include "result.h"

namespace topograph {

// Checks a server's TLS identity before the MySQL driver connects to it, because Qt 6.4's QMYSQL
// verifies the certificate chain but never the host name, and falls back to a plain session
// when the server (or a man in the middle) does not offer TLS. The pre-flight opens its own TCP
// connection, reads the server's greeting, refuses a server without TLS (unless mixed TLS is
// allowed), sends the protocol's SSLRequest and runs a TLS client handshake with the configured
// CA as the only trust root and the key's host as the expected peer name. It never sends a user
// name or password, and aborts the connection afterwards.
class TlsPreflight final
{
public:
    // The CA, certificate and key files exist, are readable and hold PEM data; errors name the
    // file and the setting it came from.
    static Result<void> checkFiles(const TlsSettings& tls);

    // What the session to settings.key may be: Verified, Encrypted (SkipVerify: a warning is
    // logged every time) or Plain (mixed TLS and a server without TLS).
    static Result<TlsState> run(const ConnectionSettings& settings);
};

} // namespace topograph
