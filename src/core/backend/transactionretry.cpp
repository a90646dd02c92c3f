#include "backend/transactionretry.h"

#include <QRandomGenerator>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace topograph {

bool TransactionRetry::isLockConflict(
    SqlFlavor flavor, const QString& nativeCode, const QString& text)
{
    bool numeric = false;
    const int code = nativeCode.trimmed().toInt(&numeric);
    if (flavor == SqlFlavor::MySQL) {
        // ER_LOCK_DEADLOCK, ER_LOCK_WAIT_TIMEOUT
        return numeric && (code == 1213 || code == 1205);
    }
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6), with their extended codes (SQLITE_BUSY_SNAPSHOT...).
    if (numeric && ((code & 0xff) == 5 || (code & 0xff) == 6)) {
        return true;
    }
    return text.contains(u"database is locked"_s, Qt::CaseInsensitive)
        || text.contains(u"database table is locked"_s, Qt::CaseInsensitive);
}

int TransactionRetry::pauseMilliseconds(int failedAttempts)
{
    const int base = 4 << std::clamp(failedAttempts - 1, 0, 4);
    return base + static_cast<int>(QRandomGenerator::global()->bounded(base + 1));
}

} // namespace topograph
