#include "timeformat.h"

#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace topograph {

QString TimeFormat::display(const QDateTime& time)
{
    if (!time.isValid()) {
        return {};
    }
    const QDateTime local = time.toLocalTime();
    QString zone = local.timeZoneAbbreviation();
    if (zone.isEmpty()) {
        zone = local.toOffsetFromUtc(local.offsetFromUtc()).timeZoneAbbreviation();
    }
    return local.toString(u"yyyy-MM-dd HH:mm:ss"_s) + u' ' + zone;
}

QString TimeFormat::iso(const QDateTime& time)
{
    if (!time.isValid()) {
        return {};
    }
    const QDateTime local = time.toLocalTime();
    // An explicit offset (never "Z" or none): the reader needs no guess about the zone.
    return local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODate);
}

} // namespace topograph
