#pragma once

#include <QSqlDatabase>

#include "db/connectionsettings.h"
#include "db/tlssettings.h"
#include "result.h"

namespace topograph {

// The one place where a QMYSQL connection is opened, for instances and the backend alike:
// "localhost" over TCP, connect options validated, the TLS pre-flight when TLS is configured,
// and after the driver connects, the server's identity checked (@@port is the key's port,
// @@server_id the expected one when known, Ssl_cipher set when TLS is required). A check that
// fails closes the connection before any caller's statement runs on it.
class MySqlConnector final
{
public:
    // db: added with the QMYSQL driver, not yet open. Returns the session's TLS state.
    static Result<TlsState> open(QSqlDatabase& db, const ConnectionSettings& settings);
};

} // namespace topograph
