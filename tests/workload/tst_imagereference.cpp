// ImageReference against the test cases of the distribution project's reference package
// (github.com/distribution/reference, reference_test.go TestReferenceParse and
// normalize_test.go TestValidateReferenceName, TestValidateRemoteName,
// TestParseRepositoryInfo, TestNormalizedSplitHostname, TestParseReferenceWithTagAndDigest),
// ported as data tables; the test code is ours.

#include "workload/imagereference.h"

#include <QTest>

using workload::ImageReference;
using Error = ImageReference::Error;

Q_DECLARE_METATYPE(ImageReference::Error)

namespace {
const QString Ffff64 = QString(64, u'f');
const QString Sha256F = QStringLiteral("sha256:") + Ffff64;
} // namespace

class TestImageReference final : public QObject
{
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void normalizedValid_data();
    void normalizedValid();
    void normalizedInvalid_data();
    void normalizedInvalid();
    void repositoryInfo_data();
    void repositoryInfo();
    void splitHostname_data();
    void splitHostname();
    void pullReference_data();
    void pullReference();
};

// reference_test.go TestReferenceParse: input, error, repository (name), domain, tag, digest.
void TestImageReference::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<Error>("error");
    QTest::addColumn<QString>("repository");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("digest");
    const auto row = [](const QString &input, Error error, const QString &repository,
                        const QString &domain, const QString &tag, const QString &digest) {
        QTest::newRow(qPrintable(input.left(60)))
            << input << error << repository << domain << tag << digest;
    };
    const Error ok = Error::None;
    row(u"test_com"_qs, ok, u"test_com"_qs, {}, {}, {});
    row(u"test.com:tag"_qs, ok, u"test.com"_qs, {}, u"tag"_qs, {});
    row(u"test.com:5000"_qs, ok, u"test.com"_qs, {}, u"5000"_qs, {});
    row(u"test.com/repo:tag"_qs, ok, u"test.com/repo"_qs, u"test.com"_qs, u"tag"_qs, {});
    row(u"test:5000/repo"_qs, ok, u"test:5000/repo"_qs, u"test:5000"_qs, {}, {});
    row(u"test:5000/repo:tag"_qs, ok, u"test:5000/repo"_qs, u"test:5000"_qs, u"tag"_qs, {});
    row(u"test:5000/repo@"_qs + Sha256F, ok, u"test:5000/repo"_qs, u"test:5000"_qs, {}, Sha256F);
    row(u"test:5000/repo:tag@"_qs + Sha256F, ok, u"test:5000/repo"_qs, u"test:5000"_qs, u"tag"_qs,
        Sha256F);
    row(QString(), Error::NameEmpty, {}, {}, {}, {});
    row(u":justtag"_qs, Error::InvalidFormat, {}, {}, {}, {});
    row(u"@"_qs + Sha256F, Error::InvalidFormat, {}, {}, {}, {});
    row(u"repo@sha256:ffffffffffffffffffffffffffffffffff"_qs, Error::DigestInvalidLength, {}, {},
        {}, {});
    row(u"validname@invaliddigest:"_qs + Ffff64, Error::DigestUnsupported, {}, {}, {}, {});
    row(u"Uppercase:tag"_qs, Error::NameContainsUppercase, {}, {}, {}, {});
    row(u"test:5000/Uppercase/lowercase:tag"_qs, Error::NameContainsUppercase, {}, {}, {}, {});
    row(u"lowercase:Uppercase"_qs, ok, u"lowercase"_qs, {}, u"Uppercase"_qs, {});
    row(u"a/"_qs.repeated(128) + u"a:tag"_qs, Error::NameTooLong, {}, {}, {}, {});
    row(u"a/"_qs.repeated(127) + u"a:tag-puts-this-over-max"_qs, ok,
        u"a/"_qs.repeated(127) + u"a"_qs, u"a"_qs, u"tag-puts-this-over-max"_qs, {});
    row(u"aa/asdf$$^/aa"_qs, Error::InvalidFormat, {}, {}, {}, {});
    row(u"sub-dom1.foo.com/bar/baz/quux"_qs, ok, u"sub-dom1.foo.com/bar/baz/quux"_qs,
        u"sub-dom1.foo.com"_qs, {}, {});
    row(u"sub-dom1.foo.com/bar/baz/quux:some-long-tag"_qs, ok, u"sub-dom1.foo.com/bar/baz/quux"_qs,
        u"sub-dom1.foo.com"_qs, u"some-long-tag"_qs, {});
    row(u"b.gcr.io/test.example.com/my-app:test.example.com"_qs, ok,
        u"b.gcr.io/test.example.com/my-app"_qs, u"b.gcr.io"_qs, u"test.example.com"_qs, {});
    row(u"xn--n3h.com/myimage:xn--n3h.com"_qs, ok, u"xn--n3h.com/myimage"_qs, u"xn--n3h.com"_qs,
        u"xn--n3h.com"_qs, {});
    row(u"xn--7o8h.com/myimage:xn--7o8h.com@sha512:"_qs + QString(128, u'f'), ok,
        u"xn--7o8h.com/myimage"_qs, u"xn--7o8h.com"_qs, u"xn--7o8h.com"_qs,
        u"sha512:"_qs + QString(128, u'f'));
    row(u"foo_bar.com:8080"_qs, ok, u"foo_bar.com"_qs, {}, u"8080"_qs, {});
    row(u"foo/foo_bar.com:8080"_qs, ok, u"foo/foo_bar.com"_qs, u"foo"_qs, u"8080"_qs, {});
    row(u"192.168.1.1"_qs, ok, u"192.168.1.1"_qs, {}, {}, {});
    row(u"192.168.1.1:tag"_qs, ok, u"192.168.1.1"_qs, {}, u"tag"_qs, {});
    row(u"192.168.1.1:5000"_qs, ok, u"192.168.1.1"_qs, {}, u"5000"_qs, {});
    row(u"192.168.1.1/repo"_qs, ok, u"192.168.1.1/repo"_qs, u"192.168.1.1"_qs, {}, {});
    row(u"192.168.1.1:5000/repo"_qs, ok, u"192.168.1.1:5000/repo"_qs, u"192.168.1.1:5000"_qs, {},
        {});
    row(u"192.168.1.1:5000/repo:5050"_qs, ok, u"192.168.1.1:5000/repo"_qs, u"192.168.1.1:5000"_qs,
        u"5050"_qs, {});
    row(u"[2001:db8::1]"_qs, Error::InvalidFormat, {}, {}, {}, {});
    row(u"[2001:db8::1]:5000"_qs, Error::InvalidFormat, {}, {}, {}, {});
    row(u"[2001:db8::1]:tag"_qs, Error::InvalidFormat, {}, {}, {}, {});
    row(u"[2001:db8::1]/repo"_qs, ok, u"[2001:db8::1]/repo"_qs, u"[2001:db8::1]"_qs, {}, {});
    row(u"[2001:db8:1:2:3:4:5:6]/repo:tag"_qs, ok, u"[2001:db8:1:2:3:4:5:6]/repo"_qs,
        u"[2001:db8:1:2:3:4:5:6]"_qs, u"tag"_qs, {});
    row(u"[2001:db8::1]:5000/repo"_qs, ok, u"[2001:db8::1]:5000/repo"_qs, u"[2001:db8::1]:5000"_qs,
        {}, {});
    row(u"[2001:db8::1]:5000/repo:tag"_qs, ok, u"[2001:db8::1]:5000/repo"_qs,
        u"[2001:db8::1]:5000"_qs, u"tag"_qs, {});
    row(u"[2001:db8::1]:5000/repo@"_qs + Sha256F, ok, u"[2001:db8::1]:5000/repo"_qs,
        u"[2001:db8::1]:5000"_qs, {}, Sha256F);
    row(u"[2001:db8::1]:5000/repo:tag@"_qs + Sha256F, ok, u"[2001:db8::1]:5000/repo"_qs,
        u"[2001:db8::1]:5000"_qs, u"tag"_qs, Sha256F);
    row(u"[2001:db8::]:5000/repo"_qs, ok, u"[2001:db8::]:5000/repo"_qs, u"[2001:db8::]:5000"_qs, {},
        {});
    row(u"[::1]:5000/repo"_qs, ok, u"[::1]:5000/repo"_qs, u"[::1]:5000"_qs, {}, {});
    row(u"[fe80::1%eth0]:5000/repo"_qs, Error::InvalidFormat, {}, {}, {}, {});
    row(u"[fe80::1%@invalidzone]:5000/repo"_qs, Error::InvalidFormat, {}, {}, {}, {});
}

void TestImageReference::parse()
{
    QFETCH(QString, input);
    QFETCH(Error, error);
    QFETCH(QString, repository);
    QFETCH(QString, domain);
    QFETCH(QString, tag);
    QFETCH(QString, digest);
    const ImageReference ref = ImageReference::parse(input);
    QCOMPARE(ref.error(), error);
    if (error != Error::None) {
        QVERIFY(!ref.errorString().isEmpty());
        return;
    }
    QCOMPARE(ref.toString(), input);
    QCOMPARE(ref.name(), repository);
    QCOMPARE(ref.domain(), domain);
    QCOMPARE(ref.tag(), tag);
    QCOMPARE(ref.digest(), digest);
}

// normalize_test.go TestValidateReferenceName (valid) and TestValidateRemoteName (valid).
void TestImageReference::normalizedValid_data()
{
    QTest::addColumn<QString>("input");
    for (const char *name :
         {"docker/docker",
          "library/debian",
          "debian",
          "docker.io/docker/docker",
          "docker.io/library/debian",
          "docker.io/debian",
          "index.docker.io/docker/docker",
          "index.docker.io/library/debian",
          "index.docker.io/debian",
          "127.0.0.1:5000/docker/docker",
          "127.0.0.1:5000/library/debian",
          "127.0.0.1:5000/debian",
          "192.168.0.1",
          "192.168.0.1:80",
          "192.168.0.1:8/debian",
          "192.168.0.2:25000/debian",
          "thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev",
          "[fc00::1]:5000/docker",
          "[fc00::1]:5000/docker/docker",
          "[fc00:1:2:3:4:5:6:7]:5000/library/debian",
          "docker.io/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a",
          "Docker/docker",
          "DOCKER/docker",
          "docker-rules/docker",
          "docker---rules/docker",
          "doc/docker",
          "d/docker",
          "jess/t",
          "dock__er/docker"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestImageReference::normalizedValid()
{
    QFETCH(QString, input);
    const ImageReference ref = ImageReference::parseNormalized(input);
    QVERIFY2(ref.isValid(), qPrintable(ref.errorString()));
}

// normalize_test.go TestValidateReferenceName (invalid) and TestValidateRemoteName (invalid).
void TestImageReference::normalizedInvalid_data()
{
    QTest::addColumn<QString>("input");
    for (const char *name : {"https://github.com/docker/docker",
                             "docker/Docker",
                             "-docker",
                             "-docker/docker",
                             "-docker.io/docker/docker",
                             "docker///docker",
                             "docker.io/docker/Docker",
                             "docker.io/docker///docker",
                             "[fc00::1]",
                             "[fc00::1]:5000",
                             "fc00::1:5000/debian",
                             "[fe80::1%eth0]:5000/debian",
                             "[2001:db8:3:4::192.0.2.33]:5000/debian",
                             "1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a",
                             "docker-/docker",
                             "-docker-/docker",
                             "____/____",
                             "_docker/_docker",
                             "dock..er/docker",
                             "dock_.er/docker",
                             "dock-.er/docker",
                             "docker/"})
        QTest::newRow(name) << QString::fromLatin1(name);
    QTest::newRow("namespace too long")
        << QStringLiteral("this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_")
                   .repeated(4)
               + QStringLiteral("/docker");
}

void TestImageReference::normalizedInvalid()
{
    QFETCH(QString, input);
    QVERIFY(!ImageReference::parseNormalized(input).isValid());
}

// normalize_test.go TestParseRepositoryInfo: every spelling gives the same full and
// familiar name, domain and remote name.
void TestImageReference::repositoryInfo_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("remoteName");
    QTest::addColumn<QString>("familiarName");
    QTest::addColumn<QString>("fullName");
    QTest::addColumn<QString>("domain");
    struct Case
    {
        const char *remote, *familiar, *full, *ambiguous, *domain;
    };
    const Case cases[] = {
        {"fooo/bar", "fooo/bar", "docker.io/fooo/bar", "index.docker.io/fooo/bar", "docker.io"},
        {"library/ubuntu", "ubuntu", "docker.io/library/ubuntu", "library/ubuntu", "docker.io"},
        {"nonlibrary/ubuntu", "nonlibrary/ubuntu", "docker.io/nonlibrary/ubuntu", "", "docker.io"},
        {"other/library", "other/library", "docker.io/other/library", "", "docker.io"},
        {"private/moonbase", "127.0.0.1:8000/private/moonbase", "127.0.0.1:8000/private/moonbase",
         "", "127.0.0.1:8000"},
        {"privatebase", "127.0.0.1:8000/privatebase", "127.0.0.1:8000/privatebase", "",
         "127.0.0.1:8000"},
        {"private/moonbase", "example.com/private/moonbase", "example.com/private/moonbase", "",
         "example.com"},
        {"privatebase", "example.com/privatebase", "example.com/privatebase", "", "example.com"},
        {"private/moonbase", "example.com:8000/private/moonbase",
         "example.com:8000/private/moonbase", "", "example.com:8000"},
        {"privatebasee", "example.com:8000/privatebasee", "example.com:8000/privatebasee", "",
         "example.com:8000"},
        {"library/ubuntu-12.04-base", "ubuntu-12.04-base", "docker.io/library/ubuntu-12.04-base",
         "index.docker.io/library/ubuntu-12.04-base", "docker.io"},
        {"library/foo", "foo", "docker.io/library/foo", "docker.io/foo", "docker.io"},
        {"library/foo/bar", "library/foo/bar", "docker.io/library/foo/bar", "", "docker.io"},
        {"store/foo/bar", "store/foo/bar", "docker.io/store/foo/bar", "", "docker.io"},
        {"bar", "Foo/bar", "Foo/bar", "", "Foo"},
        {"bar", "FOO/bar", "FOO/bar", "", "FOO"},
    };
    for (const Case &c : cases) {
        for (const char *spelling : {c.familiar, c.full, c.ambiguous}) {
            if (*spelling == '\0')
                continue;
            QTest::addRow("%s", spelling)
                << QString::fromLatin1(spelling) << QString::fromLatin1(c.remote)
                << QString::fromLatin1(c.familiar) << QString::fromLatin1(c.full)
                << QString::fromLatin1(c.domain);
        }
    }
}

void TestImageReference::repositoryInfo()
{
    QFETCH(QString, input);
    QFETCH(QString, remoteName);
    QFETCH(QString, familiarName);
    QFETCH(QString, fullName);
    QFETCH(QString, domain);
    const ImageReference ref = ImageReference::parseNormalized(input);
    QVERIFY2(ref.isValid(), qPrintable(ref.errorString()));
    QCOMPARE(ref.familiar(), familiarName);
    QCOMPARE(ref.toString(), fullName);
    QCOMPARE(ref.domain(), domain);
    QCOMPARE(ref.path(), remoteName);
}

// normalize_test.go TestNormalizedSplitHostname.
void TestImageReference::splitHostname_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("path");
    const char *cases[][3] = {
        {"test.com/foo", "test.com", "foo"},
        {"test_com/foo", "docker.io", "test_com/foo"},
        {"docker/migrator", "docker.io", "docker/migrator"},
        {"test.com:8080/foo", "test.com:8080", "foo"},
        {"test-com:8080/foo", "test-com:8080", "foo"},
        {"foo", "docker.io", "library/foo"},
        {"xn--n3h.com/foo", "xn--n3h.com", "foo"},
        {"xn--n3h.com:18080/foo", "xn--n3h.com:18080", "foo"},
        {"docker.io/foo", "docker.io", "library/foo"},
        {"docker.io/library/foo", "docker.io", "library/foo"},
        {"docker.io/library/foo/bar", "docker.io", "library/foo/bar"},
    };
    for (const auto &c : cases)
        QTest::newRow(c[0]) << QString::fromLatin1(c[0]) << QString::fromLatin1(c[1])
                            << QString::fromLatin1(c[2]);
}

void TestImageReference::splitHostname()
{
    QFETCH(QString, input);
    QFETCH(QString, domain);
    QFETCH(QString, path);
    const ImageReference ref = ImageReference::parseNormalized(input);
    QVERIFY(ref.isValid());
    QCOMPARE(ref.domain(), domain);
    QCOMPARE(ref.path(), path);
}

// What a runtime pulls: "latest" by default, the digest kept, and for tag + digest the digest
// alone (ParseDockerRef; normalize_test.go TestParseReferenceWithTagAndDigest for the parse).
void TestImageReference::pullReference_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("pull");
    QTest::addColumn<QString>("full");
    const QString busyboxDigest
        = u"sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa"_qs;
    QTest::newRow("nginx") << u"nginx"_qs << u"docker.io/library/nginx:latest"_qs
                           << u"docker.io/library/nginx"_qs;
    QTest::newRow("nginx:1.25") << u"nginx:1.25"_qs << u"docker.io/library/nginx:1.25"_qs
                                << u"docker.io/library/nginx:1.25"_qs;
    QTest::newRow("index.docker.io")
        << u"index.docker.io/bitnami/redis:7"_qs << u"docker.io/bitnami/redis:7"_qs
        << u"docker.io/bitnami/redis:7"_qs;
    QTest::newRow("registry port")
        << u"localhost:5000/team/app"_qs << u"localhost:5000/team/app:latest"_qs
        << u"localhost:5000/team/app"_qs;
    QTest::newRow("digest") << u"redis@"_qs + busyboxDigest
                            << u"docker.io/library/redis@"_qs + busyboxDigest
                            << u"docker.io/library/redis@"_qs + busyboxDigest;
    QTest::newRow("tag and digest")
        << u"busybox:latest@"_qs + busyboxDigest << u"docker.io/library/busybox@"_qs + busyboxDigest
        << u"docker.io/library/busybox:latest@"_qs + busyboxDigest;
}

void TestImageReference::pullReference()
{
    QFETCH(QString, input);
    QFETCH(QString, pull);
    QFETCH(QString, full);
    const ImageReference ref = ImageReference::parseNormalized(input);
    QVERIFY2(ref.isValid(), qPrintable(ref.errorString()));
    QCOMPARE(ref.pullReference(), pull);
    QCOMPARE(ref.toString(), full);
    QCOMPARE(workload::normalizedImage(u"  "_qs + input + u"\t"_qs), pull);
    if (input.startsWith(u"busybox:latest@"))
        QCOMPARE(ref.familiar(), input); // FamiliarString round-trips tag + digest
}

QTEST_APPLESS_MAIN(TestImageReference)
#include "tst_imagereference.moc"
