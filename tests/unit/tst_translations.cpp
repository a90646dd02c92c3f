// The German translation is complete: every message of translations/topograph_de.ts (which
// lupdate fills from the sources) has a finished, non-empty translation, and the registry's
// operation labels are there under the context the app translates them in.
#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include "ops/operationregistry.h"

using namespace Qt::StringLiterals;
using namespace topograph;

class TestTranslations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void germanIsComplete()
    {
        const QString source = qEnvironmentVariable("TOPOGRAPH_SOURCE_DIR");
        if (source.isEmpty()) {
            QSKIP("TOPOGRAPH_SOURCE_DIR is not set (run through ctest)");
        }
        QFile file(source + u"/translations/topograph_de.ts"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString ts = QString::fromUtf8(file.readAll());
        QVERIFY(ts.count(u"<message"_s) > 400);
        QStringList unfinished;
        const QRegularExpression message(
            u"<message[^>]*>\\s*<source>(.*?)</source>\\s*<translation([^>]*)>(.*?)</translation>"_s,
            QRegularExpression::DotMatchesEverythingOption);
        for (const auto& match : message.globalMatch(ts)) {
            const QString text = match.captured(3);
            if (match.captured(2).contains(u"unfinished"_s) || text.trimmed().isEmpty()
                || text.contains(u"<numerusform></numerusform>"_s)) {
                unfinished << match.captured(1);
            }
        }
        QVERIFY2(unfinished.isEmpty(), qPrintable(unfinished.join(u'\n')));

        const qsizetype operation = ts.indexOf(u"<name>Operation</name>"_s);
        QVERIFY2(operation >= 0, "the registry's labels are translated in the context Operation");
        const qsizetype end = ts.indexOf(u"</context>"_s, operation);
        const QString context = ts.mid(operation, end - operation);
        for (const OperationInfo& info : OperationRegistry::all()) {
            QString label = QString::fromUtf8(info.label);
            label.replace(u"&"_s, u"&amp;"_s).replace(u"'"_s, u"&apos;"_s);
            QVERIFY2(context.contains(u"<source>"_s + label + u"</source>"_s), info.label);
        }
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
