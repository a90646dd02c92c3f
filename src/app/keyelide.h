#pragma once

#include <QString>

class QFontMetricsF;

namespace topograph {

// Shortens an instance key ("host:port") to fit width the way a DBA reads it: the host's first
// label and the port say which instance it is, the domain is the same all over a fleet. So
// "db1103.eqiad.wmnet:3306" becomes "db1103.eqi…:3306", then "db1103…:3306". An IPv4 address
// keeps its end ("…0.12:3306"), where addresses of one network differ. Anything else (an alias,
// a key whose first label does not fit) is elided in the middle.
QString elideKey(const QString& text, const QFontMetricsF& metrics, qreal width);

} // namespace topograph
