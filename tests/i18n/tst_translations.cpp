// The Simplified Chinese catalogue must cover every tr() string of the current sources: the
// committed .ts is copied, refreshed with lupdate exactly like the `update_translations` target,
// and every message of the result must be finished, keep its placeholders and accelerator, and
// compile with lrelease into a catalogue that QTranslator serves.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    bool unfinished = false;
    QStringList translations; // one per numerus form, or one
};

QString describe(const Message &m)
{
    QString text = m.source;
    text.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    if (text.size() > 110)
        text = text.left(107) + QLatin1String("...");
    QString line = QStringLiteral("  [%1] \"%2\"").arg(m.context, text);
    if (!m.comment.isEmpty())
        line += QStringLiteral(" (comment: %1)").arg(m.comment);
    return line;
}

// %1..%99, %L1 and %n, as QString::arg() and tr() plurals read them.
QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?(?:[1-9][0-9]?|n)"));
    QSet<QString> found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured());
    return found;
}

// A single '&' before a letter or digit marks an accelerator; "&&" is a literal ampersand.
bool hasAccelerator(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        if (text.at(i + 1).isLetterOrNumber())
            return true;
    }
    return false;
}

QString leadingSpace(const QString &text)
{
    qsizetype n = 0;
    while (n < text.size() && text.at(n) == QLatin1Char(' '))
        ++n;
    return text.left(n);
}

QString runTool(const QString &program, const QStringList &arguments, const QString &workDir,
                bool *ok)
{
    QProcess process;
    process.setWorkingDirectory(workDir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    *ok = process.waitForStarted(10000) && process.waitForFinished(240000)
          && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    const QString output = QString::fromLocal8Bit(process.readAll());
    if (process.error() == QProcess::FailedToStart)
        return QStringLiteral("%1 could not be started (install qt6-l10n-tools): %2")
            .arg(program, process.errorString());
    return output;
}

// Every message of a .ts file; `error` is set when it cannot be read.
QList<Message> readMessages(const QString &path, QString *error)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                current = Message{};
                current.context = context;
                current.numerus
                    = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (name == QLatin1String("source")) {
                current.source = xml.readElementText();
            } else if (name == QLatin1String("comment")) {
                current.comment = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                const auto type = xml.attributes().value(QLatin1String("type"));
                current.unfinished = type == QLatin1String("unfinished")
                                     || type == QLatin1String("vanished")
                                     || type == QLatin1String("obsolete");
                if (!current.numerus)
                    current.translations.append(xml.readElementText());
            } else if (name == QLatin1String("numerusform")) {
                current.translations.append(xml.readElementText());
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            messages.append(current);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

} // namespace

class TestTranslations final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void lupdateUnderstandsEveryTr();
    void everyMessageIsTranslated();
    void placeholdersMatchTheSource();
    void acceleratorsAndIndentationAreKept();
    void lreleaseBuildsACatalogueThatTranslates();
    void englishPluralFormsCoverEveryCount();
    void committedCatalogueIsCurrent();

private:
    QTemporaryDir m_dir;
    QString m_ts;
    QString m_lupdateOutput;
    QList<Message> m_messages;
};

void TestTranslations::initTestCase()
{
    QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
    const QString committed = QStringLiteral(IC_SOURCE_DIR "/translations/imagecache_zh_CN.ts");
    m_ts = m_dir.filePath(QStringLiteral("imagecache_zh_CN.ts"));
    QVERIFY2(QFile::copy(committed, m_ts), qPrintable(QStringLiteral("cannot copy ") + committed));
    QFile::setPermissions(m_ts, QFile::ReadOwner | QFile::WriteOwner);

    // The same scan as qt_add_translations in ui/CMakeLists.txt: .cpp/.h under app, models, ui.
    bool ok = false;
    const QString output = runTool(
        QStringLiteral(IC_LUPDATE),
        {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
         QStringLiteral("-extensions"), QStringLiteral("cpp,h"), QStringLiteral("app"),
         QStringLiteral("models"), QStringLiteral("ui"), QStringLiteral("-ts"), m_ts},
        QStringLiteral(IC_SOURCE_DIR), &ok);
    QVERIFY2(ok, qPrintable(QStringLiteral("lupdate failed:\n") + output));
    m_lupdateOutput = output;

    QString error;
    m_messages = readMessages(m_ts, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(m_messages.size() > 100,
             qPrintable(QStringLiteral("lupdate found only %1 messages").arg(m_messages.size())));
    qInfo("%lld messages in the refreshed catalogue", qlonglong(m_messages.size()));
}

// lupdate warns "file:line: ..." when it cannot tell a tr() call's class; the string then lands in
// a context the running program never asks for, and stays English whatever the catalogue says.
void TestTranslations::lupdateUnderstandsEveryTr()
{
    static const QRegularExpression warning(QStringLiteral("^\\S+:\\d+: .+$"),
                                            QRegularExpression::MultilineOption);
    QStringList warnings;
    for (auto it = warning.globalMatch(m_lupdateOutput); it.hasNext();)
        warnings.append(QStringLiteral("  ") + it.next().captured());
    QVERIFY2(warnings.isEmpty(),
             qPrintable(QStringLiteral("lupdate cannot place these tr() calls in the context "
                                       "used at run time (qualify the class fully, or use "
                                       "QCoreApplication::translate with the class's "
                                       "metaObject name):\n")
                        + warnings.join(QLatin1Char('\n'))));
}

// The committed file is what lupdate makes of it: no message that no source has any more (a
// translator would keep translating dead text), and lupdate's own layout, so that running the
// update changes only what the sources changed.
void TestTranslations::committedCatalogueIsCurrent()
{
    const QString committedPath = QStringLiteral(IC_SOURCE_DIR "/translations/imagecache_zh_CN.ts");
    QString error;
    const QList<Message> committed = readMessages(committedPath, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QSet<QString> current;
    for (const Message &m : std::as_const(m_messages))
        current.insert(m.context + QLatin1Char('\n') + m.source);
    QStringList obsolete;
    for (const Message &m : committed) {
        if (!current.contains(m.context + QLatin1Char('\n') + m.source))
            obsolete.append(describe(m));
    }
    QVERIFY2(obsolete.isEmpty(),
             qPrintable(QStringLiteral("%1 message(s) of the committed catalogue are in no source "
                                       "any more; run the update_translations target and "
                                       "commit the file:\n")
                            .arg(obsolete.size())
                        + obsolete.join(QLatin1Char('\n'))));
    QFile before(committedPath);
    QFile after(m_ts);
    QVERIFY(before.open(QIODevice::ReadOnly) && after.open(QIODevice::ReadOnly));
    QVERIFY2(before.readAll() == after.readAll(),
             "translations/imagecache_zh_CN.ts is not in lupdate's layout; run the "
             "update_translations target and commit the file");
}

void TestTranslations::everyMessageIsTranslated()
{
    QStringList missing;
    for (const Message &m : std::as_const(m_messages)) {
        bool empty = m.translations.isEmpty();
        for (const QString &t : m.translations)
            empty = empty || t.isEmpty();
        if (m.unfinished || empty)
            missing.append(describe(m));
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("%1 message(s) have no finished Simplified Chinese "
                                       "translation. Run the update_translations target, "
                                       "translate them in translations/imagecache_zh_CN.ts (Qt "
                                       "Linguist or by hand, removing type=\"unfinished\") and "
                                       "commit the file:\n")
                            .arg(missing.size())
                        + missing.join(QLatin1Char('\n'))));
}

void TestTranslations::placeholdersMatchTheSource()
{
    QStringList wrong;
    for (const Message &m : std::as_const(m_messages)) {
        const QSet<QString> expected = placeholders(m.source);
        for (const QString &t : m.translations) {
            if (t.isEmpty())
                continue; // reported by everyMessageIsTranslated
            QSet<QString> got = placeholders(t);
            if (m.numerus && !m.source.contains(QLatin1String("%n")))
                got.remove(QStringLiteral("%n"));
            if (got != expected) {
                QStringList e(expected.cbegin(), expected.cend());
                QStringList g(got.cbegin(), got.cend());
                e.sort();
                g.sort();
                wrong.append(
                    describe(m)
                    + QStringLiteral("\n      source has {%1}, translation \"%2\" has {%3}")
                          .arg(e.join(QLatin1Char(',')), t, g.join(QLatin1Char(','))));
            }
        }
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(QStringLiteral("%1 translation(s) do not keep the "
                                                        "placeholders of their source:\n")
                                             .arg(wrong.size())
                                         + wrong.join(QLatin1Char('\n'))));
}

void TestTranslations::acceleratorsAndIndentationAreKept()
{
    QStringList wrong;
    for (const Message &m : std::as_const(m_messages)) {
        for (const QString &t : m.translations) {
            if (t.isEmpty())
                continue;
            if (hasAccelerator(m.source) && !hasAccelerator(t))
                wrong.append(describe(m)
                             + QStringLiteral("\n      lost its &-accelerator: \"%1\"").arg(t));
            if (leadingSpace(m.source) != leadingSpace(t))
                wrong.append(describe(m)
                             + QStringLiteral("\n      leading spaces differ: \"%1\"").arg(t));
            if (m.source.endsWith(QLatin1Char('\n')) != t.endsWith(QLatin1Char('\n')))
                wrong.append(describe(m)
                             + QStringLiteral("\n      final line break differs: \"%1\"").arg(t));
        }
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
}

void TestTranslations::lreleaseBuildsACatalogueThatTranslates()
{
    const QString qm = m_dir.filePath(QStringLiteral("imagecache_zh_CN.qm"));
    bool ok = false;
    const QString output = runTool(QStringLiteral(IC_LRELEASE), {m_ts, QStringLiteral("-qm"), qm},
                                   m_dir.path(), &ok);
    QVERIFY2(ok, qPrintable(QStringLiteral("lrelease failed:\n") + output));
    QVERIFY2(!output.contains(QLatin1String("rror")),
             qPrintable(QStringLiteral("lrelease reported:\n") + output));

    // Loaded the way the console loads it (locale zh_CN, prefix "imagecache", separator "_").
    QTranslator translator;
    QVERIFY2(translator.load(QLocale(QLocale::Chinese, QLocale::China),
                             QStringLiteral("imagecache"), QStringLiteral("_"), m_dir.path()),
             "QTranslator cannot load the compiled catalogue for zh_CN");
    QCOMPARE(translator.language(), QStringLiteral("zh_CN"));

    QStringList untranslated;
    for (const Message &m : std::as_const(m_messages)) {
        if (m.unfinished || m.translations.isEmpty() || m.translations.first().isEmpty())
            continue; // reported by everyMessageIsTranslated
        const QByteArray context = m.context.toUtf8();
        const QByteArray source = m.source.toUtf8();
        const QByteArray comment = m.comment.toUtf8();
        const QString got = translator.translate(
            context.constData(), source.constData(),
            m.comment.isEmpty() ? nullptr : comment.constData(), m.numerus ? 1 : -1);
        if (got != m.translations.first())
            untranslated.append(describe(m) + QStringLiteral(" -> \"%1\"").arg(got));
    }
    QVERIFY2(untranslated.isEmpty(),
             qPrintable(QStringLiteral("the compiled catalogue does not serve:\n")
                        + untranslated.join(QLatin1Char('\n'))));
}

// The source strings say "%n cache(s)"; translations/imagecache_en.ts gives English its real
// plural forms. lupdate -pluralonly over the sources must find every such string finished there,
// with a singular and a plural form and no "(s)" left.
void TestTranslations::englishPluralFormsCoverEveryCount()
{
    const QString ts = m_dir.filePath(QStringLiteral("imagecache_en.ts"));
    QVERIFY(QFile::copy(QStringLiteral(IC_SOURCE_DIR "/translations/imagecache_en.ts"), ts));
    QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner);
    bool ok = false;
    const QString output = runTool(QStringLiteral(IC_LUPDATE),
                                   {QStringLiteral("-pluralonly"), QStringLiteral("-no-obsolete"),
                                    QStringLiteral("-locations"), QStringLiteral("none"),
                                    QStringLiteral("-extensions"), QStringLiteral("cpp,h"),
                                    QStringLiteral("app"), QStringLiteral("models"),
                                    QStringLiteral("ui"), QStringLiteral("-target-language"),
                                    QStringLiteral("en"), QStringLiteral("-ts"), ts},
                                   QStringLiteral(IC_SOURCE_DIR), &ok);
    QVERIFY2(ok, qPrintable(QStringLiteral("lupdate failed:\n") + output));
    QString error;
    const QList<Message> messages = readMessages(ts, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 10);
    QStringList wrong;
    for (const Message &m : messages) {
        const bool formsOk = m.translations.size() == 2
                             && !m.translations.join(QString()).contains(QLatin1String("(s)"))
                             && placeholders(m.translations.at(0)) == placeholders(m.source)
                             && placeholders(m.translations.at(1)) == placeholders(m.source);
        if (!m.numerus || m.unfinished || !formsOk)
            wrong.append(describe(m));
    }
    QVERIFY2(wrong.isEmpty(),
             qPrintable(QStringLiteral("translations/imagecache_en.ts lacks the English singular "
                                       "and plural of (refresh it with lupdate -pluralonly, see "
                                       "translations/README.md):\n")
                        + wrong.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
