#include "keyelide.h"

#include <QFontMetricsF>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace topograph {

QString elideKey(const QString& text, const QFontMetricsF& metrics, qreal width)
{
    if (metrics.horizontalAdvance(text) <= width) {
        return text;
    }
    // A host name (not an IPv4 or bracketed IPv6 address) with a domain, and a numeric port.
    static const QRegularExpression hostPort(
        u"^([A-Za-z0-9_-]*[A-Za-z_-][A-Za-z0-9_-]*)(\\.[^:]+)(:\\d+)$"_s);
    const QRegularExpressionMatch match = hostPort.match(text);
    if (match.hasMatch()) {
        const QString label = match.captured(1);
        const QString domain = match.captured(2);
        const QString port = match.captured(3);
        // As much of the domain as fits, never ending on its dot.
        for (qsizetype keep = domain.size() - 1; keep >= 0; --keep) {
            const QString head = domain.left(keep);
            if (head.endsWith(u'.')) {
                continue;
            }
            const QString shortened = label + head + u'…' + port;
            if (metrics.horizontalAdvance(shortened) <= width) {
                return shortened;
            }
        }
    }
    // An IPv4 address differs from its neighbours at its end: keep the last octets and the port.
    static const QRegularExpression ipv4Port(u"^\\d{1,3}(\\.\\d{1,3}){3}:\\d+$"_s);
    if (ipv4Port.match(text).hasMatch()) {
        return metrics.elidedText(text, Qt::ElideLeft, width);
    }
    return metrics.elidedText(text, Qt::ElideMiddle, width);
}

} // namespace topograph
