#pragma once

#include <QString>

#include "backend/schema.h"

namespace topograph {

// When a backend transaction that lost a lock conflict is run again (DESIGN §4): two processes
// writing one shared backend (two DBAs' apps, two pollers) can deadlock on MySQL (error 1213) or
// wait out innodb_lock_wait_timeout (1205); a SQLite file can be busy or locked (SQLITE_BUSY,
// SQLITE_LOCKED, "database is locked"). Such a transaction was rolled back and is run again from
// the start, at most maxAttempts times in all, after a short growing pause, before its error is
// reported. Every other error is reported at once.
class TransactionRetry final
{
public:
    static constexpr int maxAttempts = 5;

    // nativeCode: QSqlError::nativeErrorCode(); text: the server's or driver's message.
    static bool isLockConflict(SqlFlavor flavor, const QString& nativeCode, const QString& text);
    // The pause after failedAttempts conflicts (1, 2, ...): 4, 8, 16, 32 ms, each plus up to as
    // much again at random, so that two writers that collided do not collide again in step.
    static int pauseMilliseconds(int failedAttempts);
};

} // namespace topograph
