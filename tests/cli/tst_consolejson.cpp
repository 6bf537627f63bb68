// The CLI's JSON output is streamed (cli::Console); it must stay byte for byte what
// QJsonDocument::toJson(Indented) writes, which scripts and the earlier releases produced.
#include "cli/console.h"
#include "cli/domainjson.h"
#include "cli/yamlwriter.h"

#include <yaml-cpp/yaml.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryFile>
#include <QTest>

#include <cstdio>
#include <functional>
#include <limits>
#include <unistd.h>

namespace {

// What `write` puts on stdout.
QByteArray captureStdout(const std::function<void()> &write)
{
    QTemporaryFile file;
    if (!file.open())
        return "cannot open a temporary file";
    std::fflush(stdout);
    const int saved = ::dup(STDOUT_FILENO);
    ::dup2(file.handle(), STDOUT_FILENO);
    write();
    std::fflush(stdout);
    ::dup2(saved, STDOUT_FILENO);
    ::close(saved);
    file.seek(0);
    return file.readAll();
}

QByteArray qtIndented(const QJsonValue &value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented);
}

QJsonObject tricky()
{
    const QChar loneHigh(0xd83d);
    return QJsonObject{
        {u"quotes \"and\" \\backslashes\\"_qs, u"tab\tnewline\ncr\rbell\x07 del\x7f"_qs},
        {u"chinese"_qs, u"镜像缓存 地域"_qs},
        {u"emoji"_qs, u"🚀 launch"_qs},
        {u"lone surrogate"_qs, QString(loneHigh) + u"x"_qs},
        {u"integer"_qs, 42},
        {u"negative"_qs, -7},
        {u"big"_qs, qint64(9007199254740993LL)},
        {u"double"_qs, 0.1},
        {u"integral double"_qs, 3.0},
        {u"huge double"_qs, 1e300},
        {u"infinite"_qs, std::numeric_limits<double>::infinity()},
        {u"true"_qs, true},
        {u"false"_qs, false},
        {u"null"_qs, QJsonValue(QJsonValue::Null)},
        {u"empty string"_qs, u""_qs},
        {u"empty array"_qs, QJsonArray()},
        {u"empty object"_qs, QJsonObject()},
        {u"nested"_qs, QJsonArray{1, u"two"_qs, QJsonArray{QJsonObject{{u"k"_qs, QJsonArray{}}}},
                                  QJsonObject{{u"b"_qs, 2}, {u"a"_qs, QJsonObject{}}}}},
        {u"Zebra"_qs, u"upper case keys sort first"_qs},
    };
}

// What a YAML reader makes of `-o yaml`: quoted scalars are strings, plain ones are typed as
// YAML 1.2's core schema types them.
QJsonValue fromYaml(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        QJsonObject o;
        for (const auto &pair : node)
            o.insert(QString::fromStdString(pair.first.as<std::string>()), fromYaml(pair.second));
        return o;
    }
    case YAML::NodeType::Sequence: {
        QJsonArray a;
        for (const auto &element : node)
            a.append(fromYaml(element));
        return a;
    }
    case YAML::NodeType::Scalar: {
        const std::string text = node.Scalar();
        if (node.Tag() == "!")
            return QString::fromStdString(text);
        if (text == "null")
            return QJsonValue(QJsonValue::Null);
        if (text == "true" || text == "false")
            return text == "true";
        bool ok = false;
        const qint64 integer = QByteArray::fromStdString(text).toLongLong(&ok);
        if (ok)
            return integer;
        const double d = QByteArray::fromStdString(text).toDouble(&ok);
        if (ok)
            return d;
        return QString::fromStdString(text);
    }
    default:
        return QJsonValue(QJsonValue::Null);
    }
}

QJsonObject yamlTricky()
{
    QJsonObject o = tricky();
    o.remove(u"lone surrogate"_qs); // not a string YAML (UTF-8) can carry
    o.remove(u"infinite"_qs);       // written as null in both forms
    o.insert(u"looks like data"_qs,
             QJsonArray{u"true"_qs, u"no"_qs, u"null"_qs, u"~"_qs, u"12"_qs, u"1e3"_qs,
                        u"2026-01-02T03:04:05Z"_qs, u"key: value"_qs, u"- item"_qs, u"# comment"_qs,
                        u" padded "_qs, u"a #b"_qs, u"*alias"_qs, u"!tag"_qs, u"nginx:1.27"_qs,
                        u"plain-name_1.2/x"_qs});
    return o;
}

} // namespace

class TestConsoleJson final : public QObject
{
    Q_OBJECT

private slots:
    void yamlReadsBackAsTheSameValue();
    void objectsAreWrittenAsQtWritesThem()
    {
        const QJsonObject value = tricky();
        QCOMPARE(captureStdout([&] { cli::Console::json(value); }), qtIndented(value));
        QCOMPARE(captureStdout([] { cli::Console::json(QJsonObject()); }),
                 qtIndented(QJsonObject()));
    }

    void arraysAreWrittenAsQtWritesThem()
    {
        const QJsonArray value{tricky(), tricky(), 5, u"text"_qs, QJsonArray{}};
        QCOMPARE(captureStdout([&] { cli::Console::json(value); }), qtIndented(value));
        QCOMPARE(captureStdout([] { cli::Console::json(QJsonArray()); }), qtIndented(QJsonArray()));
    }

    // A listing is streamed element by element, larger than the writer's buffer.
    void streamedArraysAreWrittenAsQtWritesThem()
    {
        QJsonArray all;
        for (int i = 0; i < 3000; ++i)
            all.append(QJsonObject{{u"index"_qs, i}, {u"name"_qs, u"cache-%1"_qs.arg(i)}});
        const QByteArray streamed = captureStdout([&] {
            cli::Console::jsonArray(all.size(), [&all](qsizetype i) { return all.at(i); });
        });
        QVERIFY(streamed.size() > 64 * 1024);
        QCOMPARE(streamed, qtIndented(all));
    }

    // `caches list --json` streams each cache from its fields: the same bytes as the
    // QJsonObject that `caches show --json` prints, for a cache with every kind of field.
    void cacheListingIsWrittenAsTheDocumentWouldBe()
    {
        core::ImageCache c;
        c.provider = core::Provider::Alibaba;
        c.accountId = u"ali-prod"_qs;
        c.region = u"cn-hangzhou"_qs;
        c.id = u"imc-2ze0123456789abcdef"_qs;
        c.name = u"web \"前端\""_qs;
        c.status = core::CacheStatus::Updating;
        c.rawStatus = u"Updating"_qs;
        c.progress = 42;
        c.images = {u"nginx:1.25"_qs, u"redis:7"_qs};
        c.sizeGiB = 40;
        c.retentionDays = 7;
        c.created = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
        c.expires = c.created.addDays(7);
        c.tags = {{u"env"_qs, u"prod"_qs}, {u"team"_qs, QString()}};
        c.events = {{u"Normal"_qs, u"Pulled"_qs, u"image\npulled"_qs, u"e1"_qs, 2, c.created,
                     c.created.addSecs(30)}};
        c.message = u"line one\nline two"_qs;
        core::ImageCache empty;
        const QList<core::ImageCache> caches{c, empty};
        QJsonArray documents;
        for (const core::ImageCache &cache : caches)
            documents.append(cli::DomainJson::cache(cache));
        const QByteArray streamed = captureStdout([&caches] {
            cli::Console::jsonObjects(caches.size(), [&caches](qsizetype i) {
                return cli::DomainJson::cacheFields(caches[i]);
            });
        });
        QCOMPARE(streamed, qtIndented(documents));
        QCOMPARE(captureStdout([] {
                     cli::Console::jsonObjects(0, [](qsizetype) { return cli::JsonFields(); });
                 }),
                 qtIndented(QJsonArray()));
    }
};

void TestConsoleJson::yamlReadsBackAsTheSameValue()
{
    const QJsonObject value = yamlTricky();
    const QByteArray yaml = cli::YamlWriter::document(value);
    QCOMPARE(fromYaml(YAML::Load(yaml.toStdString())), QJsonValue(value));
    QVERIFY2(yaml.contains("\nchinese: 镜像缓存 地域\n")
                 || yaml.contains("\nchinese: \"镜像缓存 地域\"\n"),
             yaml);

    // A listing: one sequence, element by element; the empty one is "[]".
    const QJsonArray list{value, QJsonObject{{u"name"_qs, u"web"_qs}}, QJsonArray{1, 2}, 3};
    cli::Console::setDocumentFormat(cli::Console::DocumentFormat::Yaml);
    const QByteArray streamed = captureStdout(
        [&] { cli::Console::jsonArray(list.size(), [&list](qsizetype i) { return list.at(i); }); });
    const QByteArray empty = captureStdout([] { cli::Console::json(QJsonArray()); });
    const QByteArray object = captureStdout([&] { cli::Console::json(value); });
    cli::Console::setDocumentFormat(cli::Console::DocumentFormat::Json);
    QCOMPARE(fromYaml(YAML::Load(streamed.toStdString())), QJsonValue(list));
    QCOMPARE(empty, QByteArray("[]\n"));
    QCOMPARE(object, yaml);
    QVERIFY(streamed.startsWith("- "));
}

QTEST_APPLESS_MAIN(TestConsoleJson)
#include "tst_consolejson.moc"
