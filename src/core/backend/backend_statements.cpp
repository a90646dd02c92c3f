// Backend: running statements (prepared writes reused) and transactions, retried after a lost
// lock conflict.
#include "backend/backend.h"
#include "backend/transactionretry.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThread>

#include "logging.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

QString errorText(const QSqlError& error)
{
    const QString text = error.databaseText().trimmed();
    return text.isEmpty() ? error.driverText().trimmed() : text;
}

} // namespace

Result<void> Backend::run(
    QSqlQuery& query, const QString& sql, const QVariantList& binds, const QString& what) const
{
    if (!query.prepare(sql)) {
        noteFailure(query.lastError());
        return makeError(ErrorCode::QueryFailed,
            u"backend %1 failed: %2"_s.arg(what, errorText(query.lastError())), sql);
    }
    for (const QVariant& value : binds) {
        query.addBindValue(value);
    }
    if (!query.exec()) {
        noteFailure(query.lastError());
        return makeError(ErrorCode::QueryFailed,
            u"backend %1 failed: %2"_s.arg(what, errorText(query.lastError())), sql);
    }
    return {};
}

Result<QList<SqlRow>> Backend::select(const QString& sql, const QVariantList& binds) const
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (auto done = run(query, sql, binds, u"query"_s); !done) {
        return done.error();
    }
    QList<SqlRow> rows;
    while (query.next()) {
        const QSqlRecord record = query.record();
        SqlRow row;
        for (int i = 0; i < record.count(); ++i) {
            row.insert(record.fieldName(i), record.value(i));
        }
        rows.append(row);
    }
    return rows;
}

Result<int> Backend::exec(const QString& sql, const QVariantList& binds) const
{
    if (binds.isEmpty()) { // schema changes and one-off statements: nothing to reuse
        QSqlQuery query(database());
        if (auto done = run(query, sql, binds, u"statement"_s); !done) {
            return done.error();
        }
        return query.numRowsAffected();
    }
    auto cached = m_prepared.find(sql);
    if (cached == m_prepared.end()) {
        constexpr qsizetype kMaxPrepared = 64;
        if (m_prepared.size() >= kMaxPrepared) {
            m_prepared.clear();
        }
        auto query = std::make_shared<QSqlQuery>(database());
        if (!query->prepare(sql)) {
            noteFailure(query->lastError());
            return makeError(ErrorCode::QueryFailed,
                u"backend statement failed: %1"_s.arg(errorText(query->lastError())), sql);
        }
        cached = m_prepared.insert(sql, std::move(query));
    }
    QSqlQuery& query = **cached;
    for (qsizetype i = 0; i < binds.size(); ++i) {
        query.bindValue(static_cast<int>(i), binds.at(i));
    }
    if (!query.exec()) {
        const QSqlError error = query.lastError();
        m_prepared.erase(cached); // prepared again next time, after whatever went wrong
        // (query is gone now: only error is used below)
        noteFailure(error);
        return makeError(
            ErrorCode::QueryFailed, u"backend statement failed: %1"_s.arg(errorText(error)), sql);
    }
    const int affected = query.numRowsAffected();
    query.finish();
    return affected;
}

Result<qint64> Backend::insert(const QString& sql, const QVariantList& binds) const
{
    QSqlQuery query(database());
    if (auto done = run(query, sql, binds, u"statement"_s); !done) {
        return done.error();
    }
    const QVariant id = query.lastInsertId();
    if (!id.isValid()) {
        return makeError(
            ErrorCode::QueryFailed, u"backend did not say which row it inserted"_s, sql);
    }
    return id.toLongLong();
}

void Backend::noteFailure(const QSqlError& error) const
{
    if (TransactionRetry::isLockConflict(m_flavor, error.nativeErrorCode(), errorText(error))) {
        m_lockConflict = true;
    }
}

Result<void> Backend::transaction(const std::function<Result<void>()>& work) const
{
    if (m_transactionDepth > 0) {
        ++m_transactionDepth;
        Result<void> result = work();
        --m_transactionDepth;
        if (!result) {
            m_innerFailed = true;
        }
        return result;
    }
    // The outermost transaction runs work again from the start when it lost a lock conflict
    // with another writer: the server rolled it back (or we do), so nothing of it was kept.
    for (int attempt = 1;; ++attempt) {
        m_lockConflict = false;
        Result<void> result = runTransaction(work);
        if (!m_lockConflict) {
            return result;
        }
        const QString reason
            = result ? u"a statement lost a lock conflict"_s : result.error().message;
        if (attempt >= TransactionRetry::maxAttempts) {
            return makeError(ErrorCode::QueryFailed,
                u"%1 (the transaction was tried %2 times)"_s.arg(reason, QString::number(attempt)),
                result ? QString() : result.error().detail);
        }
        const int pause = TransactionRetry::pauseMilliseconds(attempt);
        qCDebug(lcBackend).noquote()
            << "backend" << description() << "transaction attempt" << attempt
            << "rolled back:" << reason << "- again in" << pause << "ms";
        QThread::msleep(static_cast<unsigned long>(pause)); // backing off a lock conflict
    }
}

Result<void> Backend::runTransaction(const std::function<Result<void>()>& work) const
{
    QSqlDatabase db = database();
    if (!db.transaction()) {
        noteFailure(db.lastError());
        return makeError(ErrorCode::QueryFailed,
            u"cannot start a backend transaction: %1"_s.arg(errorText(db.lastError())));
    }
    ++m_transactionDepth;
    m_innerFailed = false;
    Result<void> result = work();
    --m_transactionDepth;
    if (result && m_innerFailed) {
        result = makeError(ErrorCode::Internal,
            u"a backend write failed inside a transaction; nothing of it was kept"_s);
    }
    // A statement that lost a lock conflict may have ended the transaction on the server (a
    // MySQL deadlock rolls it back): whatever work made of that, nothing is committed.
    if (!result || m_lockConflict) {
        db.rollback();
        return result;
    }
    if (!db.commit()) {
        noteFailure(db.lastError());
        const QString text = errorText(db.lastError());
        db.rollback();
        return makeError(ErrorCode::QueryFailed, u"backend commit failed: %1"_s.arg(text));
    }
    return {};
}

} // namespace topograph
