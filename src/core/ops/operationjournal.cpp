#include "ops/operationjournal.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostInfo>
#include <QRegularExpression>

#include "backend/backend.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

// Whether process pid of this machine is a Topograph still running (pids are reused).
bool topographRuns(qint64 pid)
{
    if (pid <= 0) {
        return false;
    }
    if (pid == QCoreApplication::applicationPid()) {
        return true;
    }
    QFile cmdline(u"/proc/%1/cmdline"_s.arg(pid));
    if (!cmdline.open(QIODevice::ReadOnly)) {
        return false;
    }
    return cmdline.readAll().contains("topograph");
}

} // namespace

const QString& OperationJournal::startedMarker()
{
    static const QString marker = u"STARTED, NOT FINISHED: "_s;
    return marker;
}

QString UnfinishedOperation::describe() const
{
    QStringList stopped;
    for (const InstanceKey& k : mayHaveStopped) {
        stopped << k.toString();
    }
    QString text = u"%1 (audit row %2), started %3 UTC%4 (pid %5 on %6), never finished"_s.arg(
        title, QString::number(auditId), started.toString(u"yyyy-MM-dd HH:mm:ss"_s),
        owner.isEmpty() ? QString() : u" by "_s + owner, QString::number(pid), host);
    if (stopped.isEmpty()) {
        return text + u"; it stops no replication."_s;
    }
    return text
        + u"; it may have left replication stopped, or a START SLAVE UNTIL pending, on %1. "
          "Check there that both replication threads run and Until_Condition is None "
          "(SHOW SLAVE STATUS), and that its maintenance locks are gone (in-maintenance)."_s.arg(
              stopped.join(u", "_s));
}

OperationJournal::OperationJournal(const Backend& backend)
    : m_backend(backend)
{ }

QString OperationJournal::startedMessage(const Plan& plan)
{
    QStringList stops;
    for (const InstanceKey& k : plan.stopsReplication) {
        stops << k.toString();
    }
    return u"%1%2; method: %3; may stop: %4; pid %5 on %6"_s.arg(startedMarker(), plan.title,
        plan.methodDetail.isEmpty() ? methodName(plan.method) : plan.methodDetail,
        stops.isEmpty() ? u"none"_s : stops.join(u", "_s),
        QString::number(QCoreApplication::applicationPid()), QHostInfo::localHostName());
}

Result<qint64> OperationJournal::open(const Plan& plan, const QString& clusterName) const
{
    return AuditStore(m_backend).append(OperationRegistry::cliName(plan.operation), plan.auditKey(),
        clusterName, startedMessage(plan));
}

Result<void> OperationJournal::close(qint64 auditId, const QString& message) const
{
    return AuditStore(m_backend).rewrite(auditId, message);
}

std::optional<UnfinishedOperation> OperationJournal::parse(const AuditEntry& entry)
{
    static const QRegularExpression pattern(
        u"^%1(.*); method: (.*); may stop: (.*); "
        "pid (\\d+) on (\\S*)$"_s.arg(QRegularExpression::escape(startedMarker())));
    const QRegularExpressionMatch m = pattern.match(entry.message);
    if (!m.hasMatch()) {
        return std::nullopt;
    }
    UnfinishedOperation op;
    op.auditId = entry.id;
    op.started = entry.when;
    op.type = entry.type;
    op.key = entry.key;
    op.clusterName = entry.clusterName;
    op.owner = entry.owner;
    op.title = m.captured(1);
    op.method = m.captured(2);
    if (m.captured(3) != u"none"_s) {
        for (const QString& text : m.captured(3).split(u", "_s)) {
            if (auto key = InstanceKey::parse(text, 3306)) {
                op.mayHaveStopped << *key;
            }
        }
    }
    op.pid = m.captured(4).toLongLong();
    op.host = m.captured(5);
    op.stillRunning = op.host == QHostInfo::localHostName() && topographRuns(op.pid);
    return op;
}

Result<QList<UnfinishedOperation>> OperationJournal::unfinished(int days) const
{
    auto entries = AuditStore(m_backend).withMessagePrefix(
        startedMarker(), QDateTime::currentDateTimeUtc().addDays(-days));
    if (!entries) {
        return entries.error();
    }
    QList<UnfinishedOperation> found;
    for (const AuditEntry& entry : *entries) {
        if (auto op = parse(entry)) {
            found << *op;
        }
    }
    return found;
}

Result<void> OperationJournal::closeInterrupted(
    const UnfinishedOperation& op, const QString& outcome) const
{
    QStringList stops;
    for (const InstanceKey& k : op.mayHaveStopped) {
        stops << k.toString();
    }
    return AuditStore(m_backend).rewrite(op.auditId,
        u"INTERRUPTED: %1; method: %2; started %3 UTC by pid %4 on %5, which never finished; "
        "checked by %6: %7"_s.arg(op.title, op.method,
            op.started.toString(u"yyyy-MM-dd HH:mm:ss"_s), QString::number(op.pid), op.host,
            AuditStore::defaultOwner(), outcome));
}

} // namespace topograph
