#include "csv/cachetable.h"
#include "csv/csvexporter.h"
#include "csv/csvreader.h"
#include "csv/csvwriter.h"
#include "csv/imagetable.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/resource.h>
#endif

using csv::CacheTable;
using csv::CsvExporter;
using csv::CsvReader;
using csv::CsvWriter;
using csv::ImageTable;

namespace {

// A device that accepts `capacity` bytes and then fails, like a full disk.
class FailingDevice final : public QIODevice
{
public:
    explicit FailingDevice(qint64 capacity)
        : m_capacity(capacity)
    {
        open(WriteOnly);
    }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 len) override
    {
        if (m_written + len > m_capacity) {
            setErrorString(QStringLiteral("No space left on device"));
            return -1;
        }
        m_written += len;
        return len;
    }

private:
    qint64 m_capacity;
    qint64 m_written = 0;
};

core::ImageCache alibabaCache()
{
    core::ImageCache c;
    c.provider = core::Provider::Alibaba;
    c.accountId = QStringLiteral("prod");
    c.region = QStringLiteral("cn-hangzhou");
    c.id = QStringLiteral("imc-bp1abc");
    c.name = QStringLiteral("web-cache");
    c.status = core::CacheStatus::Creating;
    c.rawStatus = QStringLiteral("Preparing");
    c.progress = 40;
    c.images = {QStringLiteral("nginx:1.25"), QStringLiteral("registry.example.com/ns/app:1.0")};
    c.sizeGiB = 30;
    c.retentionDays = 7;
    c.created = QDateTime(QDate(2024, 5, 1), QTime(8, 0, 0), Qt::UTC);
    c.expires = QDateTime(QDate(2024, 5, 8), QTime(16, 0, 0), Qt::OffsetFromUTC, 8 * 3600);
    c.lastMatched = QDateTime(QDate(2024, 5, 2), QTime(9, 30, 15), Qt::UTC);
    c.tags = {{QStringLiteral("env"), QStringLiteral("prod")},
              {QStringLiteral("team"), QStringLiteral("web")}};
    c.message = QStringLiteral("pulling images");
    c.snapshotId = QStringLiteral("s-123");
    c.flashSnapshotId = QStringLiteral("s-flash-456");
    c.eliminationStrategy = QStringLiteral("LRU");
    c.resourceGroupId = QStringLiteral("rg-789");
    return c;
}

core::ImageInfo ehpcImageWithPassword()
{
    core::ImageInfo image;
    image.provider = core::Provider::Alibaba;
    image.id = QStringLiteral("m-container-1");
    image.name = QStringLiteral("gromacs");
    image.version = QStringLiteral("2024.1");
    image.imageType = QStringLiteral("Container");
    image.sizeText = QStringLiteral("40 GiB");
    image.created = QDateTime(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC);
    image.hasContainerSpec = true;
    image.containerSpec.registryUrl = QStringLiteral("registry.example.com/hpc/gromacs:2024.1");
    image.containerSpec.credential.server = QStringLiteral("registry.example.com");
    image.containerSpec.credential.userName = QStringLiteral("puller");
    image.containerSpec.credential.hasPassword = true;
    image.containerSpec.osTag = QStringLiteral("CentOS 7.9 64 bit");
    // As the provider sent it: GetImage's ContainerImageSpec carries the password.
    image.raw = QJsonDocument::fromJson(R"({"ImageId":"m-container-1","ContainerImageSpec":{
        "RegistryCredential":{"Server":"registry.example.com","UserName":"puller",
        "Password":"Hunter2-Sup3rSecret"}}})")
                    .object();
    return image;
}

QList<QStringList> parsed(const QByteArray &bytes)
{
    QString error;
    const auto records = CsvReader::parse(bytes, &error);
    if (!error.isEmpty())
        qWarning() << error;
    return records;
}

} // namespace

class TestCsvWriter final : public QObject
{
    Q_OBJECT
private slots:
    void quoting_data();
    void quoting();
    void formulasAreNeutralised_data();
    void formulasAreNeutralised();
    void neutralisationCanBeTurnedOff();
    void recordsEndWithCrlf();
    void byteOrderMark();
    void chineseRoundTrip();
    void trickyCellsRoundTrip();
    void cacheColumns();
    void timesAreIsoUtcLikeQt();
    void cacheListsOnOneLine();
    void imageColumns();
    void noPasswordIsEverWritten();
    void failingDeviceStopsTheExport();
    void unwritableFileLeavesNoFile();
    void failedWriteKeepsThePreviousFile();
    void fileExportRoundTrip();
};

void TestCsvWriter::quoting_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("written");
    QTest::newRow("plain") << u"nginx"_qs << u"nginx"_qs;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("inner space") << u"a b"_qs << u"a b"_qs;
    QTest::newRow("comma") << u"a,b"_qs << u"\"a,b\""_qs;
    QTest::newRow("quote") << u"say \"hi\""_qs << u"\"say \"\"hi\"\"\""_qs;
    QTest::newRow("only quote") << u"\""_qs << u"\"\"\"\""_qs;
    QTest::newRow("LF") << u"a\nb"_qs << u"\"a\nb\""_qs;
    QTest::newRow("CR inside") << u"a\rb"_qs << u"\"a\rb\""_qs;
    QTest::newRow("CRLF") << u"a\r\nb"_qs << u"\"a\r\nb\""_qs;
    QTest::newRow("leading space") << u" a"_qs << u"\" a\""_qs;
    QTest::newRow("trailing space") << u"a "_qs << u"\"a \""_qs;
    QTest::newRow("semicolon") << u"a; b"_qs << u"a; b"_qs;
    QTest::newRow("digits") << u"20"_qs << u"20"_qs;
    QTest::newRow("apostrophe") << u"it's"_qs << u"it's"_qs;
}

void TestCsvWriter::quoting()
{
    QFETCH(QString, cell);
    QFETCH(QString, written);
    QCOMPARE(CsvWriter::escapeField(cell), written);
}

void TestCsvWriter::formulasAreNeutralised_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("written");
    QTest::newRow("=") << u"=HYPERLINK(\"http://x\")"_qs << u"\"'=HYPERLINK(\"\"http://x\"\")\""_qs;
    QTest::newRow("+") << u"+1+2"_qs << u"'+1+2"_qs;
    QTest::newRow("-") << u"-2+3"_qs << u"'-2+3"_qs;
    QTest::newRow("@") << u"@SUM(A1:A2)"_qs << u"'@SUM(A1:A2)"_qs;
    QTest::newRow("tab") << u"\t=1"_qs << u"'\t=1"_qs;
    QTest::newRow("CR") << u"\r=1"_qs << u"\"'\r=1\""_qs;
    QTest::newRow("= with comma") << u"=1,2"_qs << u"\"'=1,2\""_qs;
    QTest::newRow("not at start") << u"a=b"_qs << u"a=b"_qs;
    QTest::newRow("tag value") << u"k=v"_qs << u"k=v"_qs;
}

void TestCsvWriter::formulasAreNeutralised()
{
    QFETCH(QString, cell);
    QFETCH(QString, written);
    QCOMPARE(CsvWriter::escapeField(cell), written);
    // And a spreadsheet reading the file sees text starting with the apostrophe.
    const auto records = parsed(CsvWriter::formatRecord({cell}));
    QCOMPARE(records.size(), 1);
    if (CsvWriter::looksLikeFormula(cell))
        QCOMPARE(records.at(0).at(0), QLatin1Char('\'') + cell);
    else
        QCOMPARE(records.at(0).at(0), cell);
}

void TestCsvWriter::neutralisationCanBeTurnedOff()
{
    QCOMPARE(CsvWriter::escapeField(u"=1+2"_qs, false), u"=1+2"_qs);
    QCOMPARE(CsvWriter::formatRecord({u"-5"_qs}, false), QByteArray("-5\r\n"));
}

void TestCsvWriter::recordsEndWithCrlf()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer);
    QVERIFY(writer.writeRecord({u"a"_qs, u"b,c"_qs, QString()}));
    QVERIFY(writer.writeRecord({u"line1\nline2"_qs}));
    QCOMPARE(writer.recordsWritten(), 2);
    QCOMPARE(buffer.data(), QByteArray("a,\"b,c\",\r\n\"line1\nline2\"\r\n"));
}

void TestCsvWriter::byteOrderMark()
{
    QBuffer plain;
    plain.open(QIODevice::WriteOnly);
    CsvWriter(&plain).writeRecord({u"名称"_qs});
    QCOMPARE(plain.data(), QString(u"名称\r\n"_qs).toUtf8());

    QBuffer withBom;
    withBom.open(QIODevice::WriteOnly);
    CsvWriter writer(&withBom, {.byteOrderMark = true});
    QVERIFY(writer.writeRecord({u"a"_qs}));
    QVERIFY(writer.writeRecord({u"b"_qs}));
    // Exactly one BOM, at the very start.
    QCOMPARE(withBom.data(), QByteArray("\xEF\xBB\xBF"
                                        "a\r\nb\r\n"));
    QCOMPARE(parsed(withBom.data()), (QList<QStringList>{{u"a"_qs}, {u"b"_qs}}));
}

void TestCsvWriter::chineseRoundTrip()
{
    const QStringList record = {u"镜像缓存-测试"_qs, u"华北-北京四"_qs, u"标签=值, 逗号"_qs};
    const QByteArray bytes = CsvWriter::formatRecord(record);
    // UTF-8 on disk, not Latin-1 or UTF-16.
    QVERIFY(bytes.contains(QString(u"镜像缓存"_qs).toUtf8()));
    QCOMPARE(parsed(bytes), QList<QStringList>{record});
}

void TestCsvWriter::trickyCellsRoundTrip()
{
    const QStringList record
        = {u"\"quoted\""_qs, u" padded "_qs, u"a\r\nb"_qs, QString(), u"x,y"_qs, u"plain"_qs};
    QCOMPARE(parsed(CsvWriter::formatRecord(record) + CsvWriter::formatRecord(record)),
             (QList<QStringList>{record, record}));
    QString error;
    QVERIFY(CsvReader::parse("\"open", &error).isEmpty());
    QVERIFY(!error.isEmpty());
}

void TestCsvWriter::cacheColumns()
{
    const QStringList headers = CacheTable::headers();
    QCOMPARE(headers.size(), int(CacheTable::ColumnCount));
    QCOMPARE(headers.at(CacheTable::Id), u"ID"_qs);
    QCOMPARE(headers.at(CacheTable::SizeGiB), u"Size (GiB)"_qs);

    const QStringList row = CacheTable::row(alibabaCache());
    QCOMPARE(row.size(), int(CacheTable::ColumnCount));
    QCOMPARE(row.at(CacheTable::Provider), u"alibaba"_qs);
    QCOMPARE(row.at(CacheTable::Account), u"prod"_qs);
    QCOMPARE(row.at(CacheTable::Region), u"cn-hangzhou"_qs);
    QCOMPARE(row.at(CacheTable::Id), u"imc-bp1abc"_qs);
    QCOMPARE(row.at(CacheTable::Name), u"web-cache"_qs);
    QCOMPARE(row.at(CacheTable::Status), u"creating"_qs);
    QCOMPARE(row.at(CacheTable::ProviderStatus), u"Preparing"_qs);
    QCOMPARE(row.at(CacheTable::Progress), u"40"_qs);
    QCOMPARE(row.at(CacheTable::SizeGiB), u"30"_qs);
    QCOMPARE(row.at(CacheTable::RetentionDays), u"7"_qs);
    QCOMPARE(row.at(CacheTable::Created), u"2024-05-01T08:00:00Z"_qs);
    // +08:00 local time is written as UTC.
    QCOMPARE(row.at(CacheTable::Expires), u"2024-05-08T08:00:00Z"_qs);
    QCOMPARE(row.at(CacheTable::LastMatched), u"2024-05-02T09:30:15Z"_qs);
    QCOMPARE(row.at(CacheTable::Images), u"nginx:1.25\nregistry.example.com/ns/app:1.0"_qs);
    QCOMPARE(row.at(CacheTable::Tags), u"env=prod; team=web"_qs);
    QCOMPARE(row.at(CacheTable::Message), u"pulling images"_qs);
    QCOMPARE(row.at(CacheTable::SnapshotId), u"s-123"_qs);
    QCOMPARE(row.at(CacheTable::FlashSnapshotId), u"s-flash-456"_qs);
    QCOMPARE(row.at(CacheTable::EliminationStrategy), u"LRU"_qs);
    QCOMPARE(row.at(CacheTable::ResourceGroup), u"rg-789"_qs);

    core::ImageCache huawei;
    huawei.id = u"c271e39e"_qs;
    huawei.status = core::CacheStatus::Ready;
    huawei.rawStatus = u"Available"_qs;
    huawei.cluster = u"cluster-uid"_qs;
    huawei.imagePullSecrets = {u"default:default-secret"_qs, u"ns:s2"_qs};
    const QStringList h = CacheTable::row(huawei, CacheTable::ListStyle::Semicolon);
    QCOMPARE(h.at(CacheTable::Provider), u"huawei"_qs);
    QCOMPARE(h.at(CacheTable::Progress), QString()); // not reported → empty, not 0
    QCOMPARE(h.at(CacheTable::Created), QString());
    QCOMPARE(h.at(CacheTable::Cluster), u"cluster-uid"_qs);
    QCOMPARE(h.at(CacheTable::PullSecrets), u"default:default-secret; ns:s2"_qs);
}

void TestCsvWriter::cacheListsOnOneLine()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    csv::ExportOptions options;
    options.lists = CacheTable::ListStyle::Semicolon;
    QVERIFY(CsvExporter::writeCaches(&buffer, {alibabaCache()}, options));
    // Header + one record, each one physical line.
    QCOMPARE(buffer.data().count("\r\n"), 2);
    QCOMPARE(buffer.data().count('\n'), 2);
    const auto records = parsed(buffer.data());
    QCOMPARE(records.at(1).at(CacheTable::Images),
             u"nginx:1.25; registry.example.com/ns/app:1.0"_qs);
}

void TestCsvWriter::imageColumns()
{
    QCOMPARE(ImageTable::headers().size(), int(ImageTable::ColumnCount));
    const QStringList row = ImageTable::row(ehpcImageWithPassword());
    QCOMPARE(row.size(), int(ImageTable::ColumnCount));
    QCOMPARE(row.at(ImageTable::Provider), u"alibaba"_qs);
    QCOMPARE(row.at(ImageTable::Id), u"m-container-1"_qs);
    QCOMPARE(row.at(ImageTable::Name), u"gromacs"_qs);
    QCOMPARE(row.at(ImageTable::Version), u"2024.1"_qs);
    QCOMPARE(row.at(ImageTable::Type), u"Container"_qs);
    QCOMPARE(row.at(ImageTable::Size), u"40 GiB"_qs);
    QCOMPARE(row.at(ImageTable::Created), u"2024-03-01T12:00:00Z"_qs);
    QCOMPARE(row.at(ImageTable::Os), u"CentOS 7.9 64 bit"_qs);
    QCOMPARE(row.at(ImageTable::RegistryUrl), u"registry.example.com/hpc/gromacs:2024.1"_qs);
    QCOMPARE(row.at(ImageTable::RegistryUser), u"puller"_qs);

    core::ImageInfo hss;
    hss.id = u"img-1"_qs;
    hss.namespaceName = u"team"_qs;
    hss.digest = u"sha256:abc"_qs;
    hss.sizeBytes = 123456789;
    hss.layers = {{u"Ubuntu"_qs, u"22.04"_qs, u"sha256:def"_qs}};
    const QStringList h = ImageTable::row(hss);
    QCOMPARE(h.at(ImageTable::Provider), u"huawei"_qs);
    QCOMPARE(h.at(ImageTable::Namespace), u"team"_qs);
    QCOMPARE(h.at(ImageTable::Digest), u"sha256:abc"_qs);
    QCOMPARE(h.at(ImageTable::Size), u"123456789"_qs);
    QCOMPARE(h.at(ImageTable::Os), u"Ubuntu 22.04"_qs);
    QCOMPARE(h.at(ImageTable::RegistryUser), QString());
}

void TestCsvWriter::noPasswordIsEverWritten()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(CsvExporter::writeImages(&buffer, {ehpcImageWithPassword()}, {}));
    const QByteArray out = buffer.data();
    QVERIFY(out.contains("puller"));               // the user is exported ...
    QVERIFY(!out.contains("Hunter2-Sup3rSecret")); // ... its password never
    QVERIFY(!out.toLower().contains("password"));

    core::ImageCache cache = alibabaCache();
    cache.raw = QJsonDocument::fromJson(
                    R"({"ImageRegistryCredential":[{"Password":"Hunter2-Sup3rSecret"}]})")
                    .object();
    QBuffer caches;
    caches.open(QIODevice::WriteOnly);
    QVERIFY(CsvExporter::writeCaches(&caches, {cache}, {}));
    QVERIFY(!caches.data().contains("Hunter2-Sup3rSecret"));
}

void TestCsvWriter::failingDeviceStopsTheExport()
{
    FailingDevice device(100);
    QString error;
    QVERIFY(!CsvExporter::writeCaches(&device, QList<core::ImageCache>(50, alibabaCache()), {},
                                      &error));
    QVERIFY2(error.contains(u"No space left on device"_qs), qPrintable(error));

    FailingDevice small(10);
    CsvWriter writer(&small);
    QVERIFY(!writer.writeRecord({u"more than ten bytes"_qs}));
    QVERIFY(!writer.errorString().isEmpty());
    // Would fit, but is refused: once a write failed, nothing follows a gap in the output.
    QVERIFY(!writer.writeRecord({u"a"_qs}));
    QCOMPARE(writer.recordsWritten(), 0);

    QBuffer closed; // not open
    CsvWriter refused(&closed);
    QVERIFY(!refused.ok());
    QVERIFY(!refused.writeRecord({u"a"_qs}));
}

void TestCsvWriter::unwritableFileLeavesNoFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString missingDir = dir.filePath(u"no/such/dir/caches.csv"_qs);
    QString error;
    QVERIFY(!CsvExporter::exportCaches(missingDir, {alibabaCache()}, {}, &error));
    QVERIFY(error.contains(missingDir));
    QVERIFY(!QFile::exists(missingDir));

    // A directory is not a file to export to.
    QVERIFY(QDir(dir.path()).mkdir(u"taken"_qs));
    QVERIFY(!CsvExporter::exportImages(dir.filePath(u"taken"_qs), {}, {}, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList());
}

void TestCsvWriter::failedWriteKeepsThePreviousFile()
{
#ifdef Q_OS_LINUX
    // A file size limit makes write() fail part-way (EFBIG), like a full disk would.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"caches.csv"_qs);
    {
        QFile previous(path);
        QVERIFY(previous.open(QIODevice::WriteOnly));
        previous.write("previous export\r\n");
    }
    rlimit saved{};
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = saved;
    small.rlim_cur = 8192;
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
    QString error;
    const bool ok = CsvExporter::exportCaches(path, QList<core::ImageCache>(2000, alibabaCache()),
                                              {}, &error);
    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, oldHandler);

    QVERIFY(!ok);
    QVERIFY2(error.contains(path), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("previous export\r\n"));
    // No temporary leftovers beside it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"caches.csv"_qs});
#else
    QSKIP("needs RLIMIT_FSIZE");
#endif
}

void TestCsvWriter::fileExportRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"caches.csv"_qs);
    core::ImageCache formula = alibabaCache();
    formula.name = u"=cmd|' /C calc'!A0"_qs;
    formula.message = u"失败: 镜像拉取超时"_qs;
    csv::ExportOptions options;
    options.byteOrderMark = true;
    QString error;
    QVERIFY2(CsvExporter::exportCaches(path, {alibabaCache(), formula}, options, &error),
             qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const auto records = parsed(bytes);
    QCOMPARE(records.size(), 3);
    QCOMPARE(records.at(0), CacheTable::headers());
    QCOMPARE(records.at(1), CacheTable::row(alibabaCache()));
    QCOMPARE(records.at(2).at(CacheTable::Name), u"'=cmd|' /C calc'!A0"_qs);
    QCOMPARE(records.at(2).at(CacheTable::Message), u"失败: 镜像拉取超时"_qs);
}

// The export writes times itself (fast); it must be exactly what Qt's ISO format gives.
void TestCsvWriter::timesAreIsoUtcLikeQt()
{
    const QList<QDateTime> times{
        QDateTime(QDate(2026, 12, 4), QTime(10, 22, 32, 999), Qt::UTC),
        QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59), Qt::UTC),
        QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC),
        QDateTime(QDate(1969, 12, 31), QTime(23, 59, 59, 500), Qt::UTC),
        QDateTime(QDate(1900, 3, 1), QTime(1, 2, 3), Qt::UTC),
        QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59), Qt::UTC),
        // Another offset: written in UTC.
        QDateTime(QDate(2026, 1, 1), QTime(3, 0), Qt::OffsetFromUTC, 8 * 3600),
    };
    for (const QDateTime &t : times)
        QCOMPARE(csv::CacheTable::isoUtc(t), t.toUTC().toString(Qt::ISODate));
    QCOMPARE(csv::CacheTable::isoUtc(QDateTime()), QString());
    QCOMPARE(csv::CacheTable::isoUtc(
                 QDateTime(QDate(2026, 1, 1), QTime(3, 0), Qt::OffsetFromUTC, 8 * 3600)),
             QStringLiteral("2025-12-31T19:00:00Z"));
}

QTEST_APPLESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
