#include "localregistry.h"

#include "models/imagecheckmodel.h"
#include "models/registrylayermodel.h"
#include "providers/completer.h"
#include "registry/imagepreflight.h"
#include "registry/registryclient.h"
#include "store/credentialstore.h"
#include "store/memorycredentialstore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace registry;
using registrytest::LocalRegistry;
using registrytest::PushedImage;
using registrytest::Pusher;
using State = ImageCheck::State;

// ImagePreflight (and the models that show its answers) against a real distribution 2.8 started
// on loopback: one open instance, one with htpasswd Basic auth.
class TestImagePreflight final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void pushedImageIsFoundWithItsExactSizes();
    void missingTagAndImageAreNamedWithTheRegistrysCode();
    void missingPlatformIsNamed();
    void privateImageWithWrongCredentialsIsUnauthorized();
    void storedLoginAppliesWhenTheFormHasNone();
    void loginChangedWhileAskingIsAskedAgain();
    void nothingIsAskedWhileTheListChanges();
    void onlyChangedImagesAreAskedAgain();
    void staleAnswersAreDropped();
    void atMostAFewInFlight();
    void malformedReferenceIsNamedWithoutARequest();
    void checkModelFollowsTheList();
    void layerModelRowsEqualThePushedLayers();

private:
    ImagePreflight *newPreflight(ImagePreflight::StoredLogin storedLogin = {});
    ImageCheck waitForAnswer(ImagePreflight *preflight, const QString &image);
    QString openImage(const QString &path) const { return m_open.domain() + u'/' + path; }
    QString lockedImage() const { return m_locked.domain() + QStringLiteral("/team/private:v1"); }

    LocalRegistry m_open;
    LocalRegistry m_locked;
    PushedImage m_app;
    PushedImage m_other;
    QList<PushedImage> m_many;
    net::ApiClient *m_transport = nullptr;
    RegistryClient *m_client = nullptr;
};

void TestImagePreflight::initTestCase()
{
    if (LocalRegistry::binary().isEmpty())
        QSKIP("docker-registry is not installed (scripts/install-deps.sh installs it)");
    QVERIFY2(m_open.start(), qPrintable(m_open.errorString()));
    QVERIFY2(m_locked.start(QStringLiteral("puller"), QStringLiteral("s3cret-pass")),
             qPrintable(m_locked.errorString()));
    Pusher pusher(m_open.url());
    m_app = pusher.pushImage(QStringLiteral("demo/app"), QStringLiteral("1.0"), 11, 3);
    m_other = pusher.pushImage(QStringLiteral("demo/other"), QStringLiteral("2.0"), 12, 2);
    QVERIFY2(!m_app.manifestDigest.isEmpty() && !m_other.manifestDigest.isEmpty(),
             qPrintable(pusher.error()));
    for (int i = 0; i < 6; ++i) {
        m_many << pusher.pushImage(QStringLiteral("demo/many%1").arg(i), QStringLiteral("1"),
                                   20 + i, 1);
        QVERIFY2(!m_many.last().manifestDigest.isEmpty(), qPrintable(pusher.error()));
    }
    const PushedImage amd64
        = pusher.pushImage(QStringLiteral("demo/multi"), {}, 30, 1, QStringLiteral("linux"),
                           QStringLiteral("amd64"), {}, true);
    QVERIFY(!pusher
                 .pushIndex(QStringLiteral("demo/multi"), QStringLiteral("latest"),
                            {{amd64, QJsonObject{{"os", "linux"}, {"architecture", "amd64"}}}})
                 .isEmpty());
    Pusher lockedPusher(m_locked.url(), m_locked.authorization());
    QVERIFY2(!lockedPusher.pushImage(QStringLiteral("team/private"), QStringLiteral("v1"), 13, 1)
                  .manifestDigest.isEmpty(),
             qPrintable(lockedPusher.error()));

    m_transport = new net::ApiClient(this);
    net::ApiClientOptions options;
    options.maxAttempts = 1;
    m_transport->setOptions(options);
}

void TestImagePreflight::cleanupTestCase()
{
    m_open.stop();
    m_locked.stop();
}

void TestImagePreflight::init()
{
    delete m_client;
    m_client = new RegistryClient(m_transport, this);
}

void TestImagePreflight::cleanup()
{
    qDeleteAll(findChildren<ImagePreflight *>(Qt::FindDirectChildrenOnly));
}

ImagePreflight *TestImagePreflight::newPreflight(ImagePreflight::StoredLogin storedLogin)
{
    return new ImagePreflight(m_client, std::move(storedLogin), this);
}

ImageCheck TestImagePreflight::waitForAnswer(ImagePreflight *preflight, const QString &image)
{
    const auto answered = [&] {
        const auto check = preflight->check(image);
        return check && (check->state == State::Found || check->state == State::Failed);
    };
    if (!QTest::qWaitFor(answered, 20000))
        return {};
    return *preflight->check(image);
}

void TestImagePreflight::pushedImageIsFoundWithItsExactSizes()
{
    ImagePreflight *preflight = newPreflight();
    const QString image = openImage(QStringLiteral("demo/app:1.0"));
    preflight->setImages({image});
    QCOMPARE(preflight->check(image)->state, State::Waiting);
    const ImageCheck check = waitForAnswer(preflight, image);
    QCOMPARE(check.state, State::Found);
    QCOMPARE(check.details.digest, m_app.manifestDigest);
    QCOMPARE(check.details.platform.toString(), QStringLiteral("linux/amd64"));
    QCOMPARE(check.details.compressedSize(), m_app.compressedTotal());
    QCOMPARE(check.details.uncompressedSize(), m_app.uncompressedTotal());
    QVERIFY(!check.details.uncompressedEstimated());
    QCOMPARE(preflight->inFlight(), 0);
}

void TestImagePreflight::missingTagAndImageAreNamedWithTheRegistrysCode()
{
    ImagePreflight *preflight = newPreflight();
    const QString noTag = openImage(QStringLiteral("demo/app:9.9"));
    const QString noImage = openImage(QStringLiteral("demo/nothing:1"));
    preflight->setImages({noTag, noImage});
    const ImageCheck tag = waitForAnswer(preflight, noTag);
    QCOMPARE(tag.state, State::Failed);
    QCOMPARE(tag.kind, ErrorKind::UnknownTag);
    QCOMPARE(tag.error.code, QStringLiteral("MANIFEST_UNKNOWN"));
    QVERIFY(!tag.error.message.isEmpty());
    const ImageCheck image = waitForAnswer(preflight, noImage);
    QCOMPARE(image.kind, ErrorKind::UnknownImage);
    QCOMPARE(image.error.code, QStringLiteral("NAME_UNKNOWN"));
    // In words, with the registry's code and message.
    const QString text = models::ImageCheckModel::resultText(tag);
    QVERIFY2(text.contains(QLatin1String("Unknown tag")) && text.contains(tag.error.code)
                 && text.contains(tag.error.message),
             qPrintable(text));
}

void TestImagePreflight::missingPlatformIsNamed()
{
    ImagePreflight *preflight = newPreflight();
    preflight->setPlatform(Platform::parse(QStringLiteral("linux/arm64")).value());
    const QString image = openImage(QStringLiteral("demo/multi:latest"));
    preflight->setImages({image});
    const ImageCheck check = waitForAnswer(preflight, image);
    QCOMPARE(check.kind, ErrorKind::PlatformMissing);
    QVERIFY2(check.error.message.contains(QLatin1String("linux/amd64")),
             qPrintable(check.error.message));
    // Another platform is another question: asked again, found.
    preflight->setPlatform(Platform());
    QCOMPARE(preflight->check(image)->state, State::Waiting);
    QCOMPARE(waitForAnswer(preflight, image).state, State::Found);
}

void TestImagePreflight::privateImageWithWrongCredentialsIsUnauthorized()
{
    ImagePreflight *preflight = newPreflight();
    preflight->setFormLogin(m_locked.domain(), {QStringLiteral("puller"), QStringLiteral("nope")});
    preflight->setImages({lockedImage()});
    const ImageCheck wrong = waitForAnswer(preflight, lockedImage());
    QCOMPARE(wrong.state, State::Failed);
    QCOMPARE(wrong.kind, ErrorKind::Unauthorized);
    QCOMPARE(wrong.error.code, QStringLiteral("UNAUTHORIZED"));
    QVERIFY(wrong.usedFormLogin);
    QVERIFY(!models::ImageCheckModel::describe(wrong).contains(QLatin1String("nope")));

    preflight->setFormLogin(m_locked.domain(),
                            {QStringLiteral("puller"), QStringLiteral("s3cret-pass")});
    const ImageCheck right = waitForAnswer(preflight, lockedImage());
    QCOMPARE(right.state, State::Found);
    // The form's login stayed the form's: the shared client was not used, and has no login
    // for that registry.
    QCOMPARE(m_client->requestCounts().total(), 0);
    auto future = m_client->inspect(RegistryReference::parse(lockedImage()).value());
    QVERIFY(QTest::qWaitFor([&] { return future.isFinished(); }, 20000));
    QCOMPARE(RegistryErrors::kindOf(future.result().error()), ErrorKind::Unauthorized);
}

void TestImagePreflight::storedLoginAppliesWhenTheFormHasNone()
{
    QString password = QStringLiteral("wrong-pass");
    QStringList asked;
    // As the console's stored logins do: the login is set on the shared client, then asked.
    const auto storedLogin = [&](const QString &domain) {
        asked << domain;
        registry::ResolvedLogin login;
        login.credentials = {QStringLiteral("puller"), password};
        login.accountId = QStringLiteral("acc");
        login.warning = QStringLiteral("keychain note");
        m_client->setCredentials(domain, login.credentials);
        return providers::readyFuture(login);
    };
    ImagePreflight *preflight = newPreflight(storedLogin);
    preflight->setImages({lockedImage()});
    const ImageCheck wrong = waitForAnswer(preflight, lockedImage());
    QCOMPARE(wrong.kind, ErrorKind::Unauthorized);
    QVERIFY(!wrong.usedFormLogin);
    QCOMPARE(wrong.loginWarning, QStringLiteral("keychain note"));
    QCOMPARE(asked, QStringList{m_locked.domain()});

    password = QStringLiteral("s3cret-pass");
    preflight->setImages({});
    preflight->setImages({lockedImage()});
    QCOMPARE(waitForAnswer(preflight, lockedImage()).state, State::Found);
    // A form login for another server leaves this image to the stored one.
    preflight->setFormLogin(QStringLiteral("other.example.com"),
                            {QStringLiteral("x"), QStringLiteral("y")});
    QCOMPARE(preflight->check(lockedImage())->state, State::Found);
}

void TestImagePreflight::loginChangedWhileAskingIsAskedAgain()
{
    // The password is corrected while the wrong one is being tried: the wrong answer is dropped,
    // the right one shows, and nothing stays counted as in flight.
    ImagePreflight *preflight = newPreflight();
    preflight->setFormLogin(m_locked.domain(), {QStringLiteral("puller"), QStringLiteral("nope")});
    bool corrected = false;
    connect(preflight, &ImagePreflight::changed, this, [&] {
        const auto check = preflight->check(lockedImage());
        if (!corrected && check && check->state == State::Checking) {
            corrected = true;
            preflight->setFormLogin(m_locked.domain(),
                                    {QStringLiteral("puller"), QStringLiteral("s3cret-pass")});
        }
    });
    preflight->setImages({lockedImage()});
    QTRY_VERIFY_WITH_TIMEOUT(corrected, 10000);
    QList<State> seen;
    connect(preflight, &ImagePreflight::changed, this,
            [&] { seen << preflight->check(lockedImage())->state; });
    QCOMPARE(waitForAnswer(preflight, lockedImage()).state, State::Found);
    QTRY_COMPARE_WITH_TIMEOUT(preflight->inFlight(), 0, 10000);
    QCOMPARE(preflight->droppedAnswers(), 1);
    QVERIFY2(!seen.contains(State::Failed), "the answer for the wrong password was shown");
}

void TestImagePreflight::nothingIsAskedWhileTheListChanges()
{
    ImagePreflight *preflight = newPreflight();
    const QString image = openImage(QStringLiteral("demo/app:1.0"));
    // Typed one key at a time (the event loop turning between keys): every prefix is a valid
    // reference, none is asked.
    for (int length = m_open.domain().size() + 3; length <= image.size(); ++length) {
        preflight->setImages({image.left(length)});
        QCoreApplication::processEvents();
        QCOMPARE(preflight->inFlight(), 0);
    }
    QCOMPARE(preflight->checks().size(), 1);
    QCOMPARE(preflight->checks().first().state, State::Waiting);
    QCOMPARE(m_client->requestCounts().total(), 0);
    QCOMPARE(waitForAnswer(preflight, image).state, State::Found);
    // One inspection: one manifest, one config, one ranged read per layer.
    QCOMPARE(m_client->requestCounts().manifests, 1);
    QCOMPARE(m_client->requestCounts().configs, 1);
    QCOMPARE(m_client->requestCounts().rangedReads, 3);
}

void TestImagePreflight::onlyChangedImagesAreAskedAgain()
{
    ImagePreflight *preflight = newPreflight();
    const QString app = openImage(QStringLiteral("demo/app:1.0"));
    const QString other = openImage(QStringLiteral("demo/other:2.0"));
    preflight->setImages({app});
    QCOMPARE(waitForAnswer(preflight, app).state, State::Found);
    m_client->resetRequestCounts();
    preflight->setImages({other, app}); // a line added above: the old one keeps its answer
    QCOMPARE(preflight->check(app)->state, State::Found);
    QCOMPARE(waitForAnswer(preflight, other).state, State::Found);
    QCOMPARE(m_client->requestCounts().manifests, 1);
    QCOMPARE(m_client->requestCounts().rangedReads, 2); // other's two layers only
    QCOMPARE(preflight->images(), (QStringList{other, app}));
}

void TestImagePreflight::staleAnswersAreDropped()
{
    // Type, change while the registry is being asked, the first answer arrives: ignored.
    ImagePreflight *preflight = newPreflight();
    const QString app = openImage(QStringLiteral("demo/app:1.0"));
    const QString other = openImage(QStringLiteral("demo/other:2.0"));
    QMetaObject::Connection edit;
    edit = connect(preflight, &ImagePreflight::changed, this, [&] {
        const auto check = preflight->check(app);
        if (check && check->state == State::Checking) {
            disconnect(edit);
            preflight->setImages({other}); // the user edits the line
        }
    });
    preflight->setImages({app});
    QCOMPARE(waitForAnswer(preflight, other).state, State::Found);
    QTRY_COMPARE_WITH_TIMEOUT(preflight->droppedAnswers(), 1, 10000);
    QVERIFY(!preflight->check(app));
    QCOMPARE(preflight->checks().size(), 1);
    QCOMPARE(preflight->checks().first().details.digest, m_other.manifestDigest);

    // The same text, another question: the answer for the platform asked first (missing),
    // arriving after the platform was changed, never shows.
    ImagePreflight *second = newPreflight();
    const QString multi = openImage(QStringLiteral("demo/multi:latest"));
    QList<State> seen;
    bool changedPlatform = false;
    connect(second, &ImagePreflight::changed, this, [&] {
        const State state = second->check(multi)->state;
        if (changedPlatform) {
            seen << state;
        } else if (state == State::Checking) {
            changedPlatform = true;
            second->setPlatform(Platform()); // linux/amd64, which the index has
        }
    });
    second->setPlatform(Platform::parse(QStringLiteral("linux/arm64")).value());
    second->setImages({multi});
    QCOMPARE(waitForAnswer(second, multi).state, State::Found);
    QTRY_COMPARE_WITH_TIMEOUT(second->droppedAnswers(), 1, 10000);
    QVERIFY(changedPlatform);
    QVERIFY2(!seen.contains(State::Failed), "the answer for linux/arm64 was shown");
}

void TestImagePreflight::atMostAFewInFlight()
{
    ImagePreflight *preflight = newPreflight();
    QStringList images;
    for (int i = 0; i < m_many.size(); ++i)
        images << openImage(QStringLiteral("demo/many%1:1").arg(i));
    int most = 0;
    connect(preflight, &ImagePreflight::changed, this,
            [&] { most = std::max(most, preflight->inFlight()); });
    preflight->setImages(images);
    for (int i = 0; i < m_many.size(); ++i) {
        const ImageCheck check = waitForAnswer(preflight, images[i]);
        QCOMPARE(check.state, State::Found);
        QCOMPARE(check.details.digest, m_many[i].manifestDigest);
    }
    QCOMPARE(most, ImagePreflight::MaxInFlight);
}

void TestImagePreflight::malformedReferenceIsNamedWithoutARequest()
{
    ImagePreflight *preflight = newPreflight();
    preflight->setImages({QStringLiteral("Bad//Name:")});
    const ImageCheck check = waitForAnswer(preflight, QStringLiteral("Bad//Name:"));
    QCOMPARE(check.kind, ErrorKind::InvalidReference);
    QVERIFY(!check.error.message.isEmpty());
    QCOMPARE(m_client->requestCounts().total(), 0);
}

void TestImagePreflight::checkModelFollowsTheList()
{
    models::ImageCheckModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ImagePreflight *preflight = newPreflight();
    connect(preflight, &ImagePreflight::changed, &model,
            [&] { model.setChecks(preflight->checks()); });
    const QString app = openImage(QStringLiteral("demo/app:1.0"));
    const QString other = openImage(QStringLiteral("demo/other:2.0"));
    const QString missing = openImage(QStringLiteral("demo/app:9.9"));
    preflight->setImages({app, missing});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, models::ImageCheckModel::Result).data().toString(),
             QStringLiteral("checking…"));
    QTRY_COMPARE_WITH_TIMEOUT(model.index(0, 0).data(models::ImageCheckModel::StateRole).toInt(),
                              int(State::Found), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(model.index(1, 0).data(models::ImageCheckModel::StateRole).toInt(),
                              int(State::Failed), 20000);
    QCOMPARE(
        model.index(0, models::ImageCheckModel::Compressed).data(models::SortRole).toLongLong(),
        m_app.compressedTotal());
    QCOMPARE(
        model.index(0, models::ImageCheckModel::Uncompressed).data(models::SortRole).toLongLong(),
        m_app.uncompressedTotal());
    QVERIFY(model.index(1, models::ImageCheckModel::Result)
                .data()
                .toString()
                .contains(QLatin1String("MANIFEST_UNKNOWN")));

    // Reordered, one replaced, one added: rows move, go and come without a reset.
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy moves(&model, &QAbstractItemModel::rowsMoved);
    preflight->setImages({missing, other, app});
    QCOMPARE(resets.count(), 0);
    QCOMPARE(moves.count(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, 0).data().toString(), missing);
    QCOMPARE(model.index(2, 0).data(models::ImageCheckModel::StateRole).toInt(), int(State::Found));
    QTRY_COMPARE_WITH_TIMEOUT(model.index(1, 0).data(models::ImageCheckModel::StateRole).toInt(),
                              int(State::Found), 20000);
    preflight->setImages({other});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), other);
}

void TestImagePreflight::layerModelRowsEqualThePushedLayers()
{
    ImagePreflight *preflight = newPreflight();
    const QString app = openImage(QStringLiteral("demo/app:1.0"));
    preflight->setImages({app});
    const ImageCheck check = waitForAnswer(preflight, app);
    QCOMPARE(check.state, State::Found);

    models::RegistryLayerModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setImage(check.details);
    using Column = models::RegistryLayerModel;
    QCOMPARE(model.rowCount(), int(m_app.layers.size()));
    for (int row = 0; row < model.rowCount(); ++row) {
        const registrytest::PushedLayer &pushed = m_app.layers[row];
        QCOMPARE(model.index(row, Column::Digest).data(Column::DigestRole).toString(),
                 pushed.digest);
        QCOMPARE(model.index(row, Column::Digest).data().toString(),
                 pushed.digest.mid(7, 12)); // short on screen
        QVERIFY(model.index(row, Column::Digest)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(pushed.digest));
        QCOMPARE(model.index(row, Column::Compressed).data(models::SortRole).toLongLong(),
                 pushed.compressedSize);
        QCOMPARE(model.index(row, Column::Uncompressed).data(models::SortRole).toLongLong(),
                 pushed.uncompressedSize);
        QVERIFY(!model.index(row, Column::Uncompressed).data().toString().contains(u'~'));
        QCOMPARE(model.index(row, Column::CreatedBy).data().toString(), pushed.createdBy);
    }
    // An estimated size says so.
    registry::ImageDetails estimated = check.details;
    estimated.digest = QStringLiteral("sha256:other");
    estimated.layers[0].uncompressedEstimated = true;
    model.setImage(estimated);
    QVERIFY(
        model.index(0, Column::Uncompressed).data().toString().contains(QLatin1String("estimate")));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestImagePreflight)
#include "tst_imagepreflight.moc"
