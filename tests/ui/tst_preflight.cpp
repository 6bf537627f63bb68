// The create dialog's registry checks and size suggestion, and the Images view's registry layer
// detail, in the real console (session + main window, offscreen) against a real docker-registry
// on loopback (tests/registry) and the in-process emulator.

#include "localregistry.h"

#include "ui/consolesession.h"
#include "ui/createcachedialog.h"
#include "ui/imagespage.h"
#include "ui/mainwindow.h"
#include "ui/registrylayerspanel.h"

#include "emulator/emulator.h"
#include "models/cachetablemodel.h"
#include "models/imagecheckmodel.h"
#include "models/imagetablemodel.h"
#include "models/registrylayermodel.h"
#include "models/registrytext.h"
#include "registry/imagepreflight.h"
#include "store/credentialstore.h"
#include "store/databaseurl.h"
#include "store/memorycredentialstore.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cmath>

using models::ImageCheckModel;
using registry::ImageCheck;
using registrytest::LocalRegistry;
using registrytest::PushedImage;
using registrytest::Pusher;

namespace {
constexpr qint64 GiB = 1024LL * 1024 * 1024;
constexpr char ClusterId[] = "8b3b4b2d-e39d-11ef-a9ac-0255ac100113";
} // namespace

class TestPreflight final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void dialogShowsThePushedImagesExactSizes();
    void suggestionFollowsTheRuleForTheRealTotal();
    void missingTagIsNamedWithTheRegistrysCode();
    void privateImageIsUnauthorizedUntilTheFormsLoginApplies();
    void storedAccountLoginAppliesToItsRegistry();
    void createStillWorksWithAFailedCheck();
    void inspectImageShowsTheLayersOfATypedReference();
    void selectedRegistryImageIsInspectedOnTheRegistryTab();

private:
    // A create dialog wired as the main window wires it (its registry client).
    std::unique_ptr<ui::CreateCacheDialog> newDialog(core::Provider provider);
    static QPlainTextEdit *images(QDialog &dialog)
    {
        return dialog.findChild<QPlainTextEdit *>(QStringLiteral("images"));
    }
    static ImageCheckModel *checks(QDialog &dialog)
    {
        return qobject_cast<ImageCheckModel *>(
            dialog.findChild<QTableView *>(QStringLiteral("imageChecks"))->model());
    }
    // Waits (bounded) until the check of `image` has an answer; its row, or -1.
    static int answeredRow(QDialog &dialog, const QString &image);
    QString openImage(const QString &path) const { return m_open.domain() + u'/' + path; }
    QString lockedImage() const { return m_locked.domain() + QStringLiteral("/team/private:v1"); }

    LocalRegistry m_open;
    LocalRegistry m_locked;
    PushedImage m_app;
    PushedImage m_private;
    QTemporaryDir m_dir;
    std::unique_ptr<emulator::Emulator> m_emulator;
    std::shared_ptr<store::MemoryCredentialStore> m_keychain;
    std::unique_ptr<ui::ConsoleSession> m_session;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestPreflight::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (LocalRegistry::binary().isEmpty())
        QSKIP("docker-registry is not installed (scripts/install-deps.sh installs it)");
    QVERIFY2(m_open.start(), qPrintable(m_open.errorString()));
    QVERIFY2(m_locked.start(QStringLiteral("puller"), QStringLiteral("s3cret-pass")),
             qPrintable(m_locked.errorString()));
    Pusher pusher(m_open.url());
    m_app = pusher.pushImage(QStringLiteral("demo/app"), QStringLiteral("1.0"), 41, 3);
    QVERIFY2(!m_app.manifestDigest.isEmpty(), qPrintable(pusher.error()));
    Pusher lockedPusher(m_locked.url(), m_locked.authorization());
    m_private = lockedPusher.pushImage(QStringLiteral("team/private"), QStringLiteral("v1"), 42, 2);
    QVERIFY2(!m_private.manifestDigest.isEmpty(), qPrintable(lockedPusher.error()));
}

void TestPreflight::cleanupTestCase()
{
    m_open.stop();
    m_locked.stop();
}

void TestPreflight::init()
{
    QVERIFY(m_dir.isValid());
    m_emulator = std::make_unique<emulator::Emulator>(emulator::Options{});
    QVERIFY(m_emulator->listen() != 0);
    m_keychain = std::make_shared<store::MemoryCredentialStore>();

    store::Account huawei;
    huawei.id = QStringLiteral("hw");
    huawei.provider = core::Provider::Huawei;
    huawei.displayName = QStringLiteral("Huawei test");
    huawei.regions = {{QString::fromLatin1(emulator::demo::HuaweiRegion), m_emulator->baseUrl(),
                       QString::fromLatin1(emulator::demo::HuaweiProjectId)}};
    huawei.accessKeyId = QString::fromLatin1(emulator::demo::HuaweiAccessKey);
    m_keychain->writeNow(store::CredentialStore::secretKey(huawei.id),
                         QString::fromLatin1(emulator::demo::HuaweiSecretKey));
    store::Account alibaba;
    alibaba.id = QStringLiteral("ali");
    alibaba.provider = core::Provider::Alibaba;
    alibaba.displayName = QStringLiteral("Alibaba test");
    alibaba.regions
        = {{QString::fromLatin1(emulator::demo::AlibabaRegion), m_emulator->baseUrl(), QString()}};
    alibaba.accessKeyId = QString::fromLatin1(emulator::demo::AlibabaAccessKeyId);
    m_keychain->writeNow(store::CredentialStore::secretKey(alibaba.id),
                         QString::fromLatin1(emulator::demo::AlibabaAccessKeySecret));

    if (QByteArray(QTest::currentTestFunction()) == "storedAccountLoginAppliesToItsRegistry") {
        // The Huawei account holds a login for the private registry (its password in the
        // keychain), as Accounts ▸ Edit stores one.
        huawei.registries = {{m_locked.domain(), QStringLiteral("puller")}};
        m_keychain->writeNow(
            store::CredentialStore::registryPasswordKey(huawei.id, m_locked.domain()),
            QStringLiteral("s3cret-pass"));
    }

    ui::ConsoleSession::Options options;
    options.storeUrl = store::DatabaseUrl::sqliteUrl(
        m_dir.filePath(QStringLiteral("%1.db").arg(QTest::currentTestFunction())));
    options.credentials = m_keychain;
    options.seedAccounts = {huawei, alibaba};
    options.slowPollMs = 2000;
    options.fastPollMs = 300;
    m_session = std::make_unique<ui::ConsoleSession>(options);
    m_window = std::make_unique<ui::MainWindow>(m_session.get());
    m_window->show();
    m_session->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->targets().size() == 2, 10000);
}

void TestPreflight::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_emulator.reset();
}

std::unique_ptr<ui::CreateCacheDialog> TestPreflight::newDialog(core::Provider provider)
{
    QList<ui::CacheTarget> targets;
    for (const ui::CacheTarget &target : m_session->targets()) {
        if (target.provider == provider)
            targets << target;
    }
    auto dialog = std::make_unique<ui::CreateCacheDialog>(ui::CreateCacheDialog::Mode::Create,
                                                          targets, m_window.get());
    dialog->setValidationContext(m_session->validationContext());
    dialog->setImagePreflight(m_window->newImagePreflight());
    return dialog;
}

int TestPreflight::answeredRow(QDialog &dialog, const QString &image)
{
    ImageCheckModel *model = checks(dialog);
    int found = -1;
    (void)QTest::qWaitFor(
        [&] {
            for (int row = 0; row < model->rowCount(); ++row) {
                const QModelIndex index = model->index(row, 0);
                const int state = index.data(ImageCheckModel::StateRole).toInt();
                if (index.data().toString() == image
                    && (state == int(ImageCheck::State::Found)
                        || state == int(ImageCheck::State::Failed))) {
                    found = row;
                    return true;
                }
            }
            return false;
        },
        20000);
    return found;
}

void TestPreflight::dialogShowsThePushedImagesExactSizes()
{
    const auto dialog = newDialog(core::Provider::Huawei);
    QAbstractItemModelTester tester(checks(*dialog),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString image = openImage(QStringLiteral("demo/app:1.0"));
    QTest::keyClicks(images(*dialog), image);
    // While the registry is asked, the row says so.
    QCOMPARE(checks(*dialog)->rowCount(), 1);
    QCOMPARE(checks(*dialog)->index(0, ImageCheckModel::Result).data().toString(),
             QStringLiteral("checking…"));
    const int row = answeredRow(*dialog, image);
    QVERIFY(row >= 0);
    ImageCheckModel *model = checks(*dialog);
    QVERIFY2(model->index(row, ImageCheckModel::Result).data().toString().startsWith(u'✓'),
             qPrintable(model->index(row, ImageCheckModel::Result).data().toString()));
    QCOMPARE(model->index(row, ImageCheckModel::Compressed).data().toString(),
             models::RegistryText::size(m_app.compressedTotal(), false));
    QCOMPARE(model->index(row, ImageCheckModel::Uncompressed).data().toString(),
             models::RegistryText::size(m_app.uncompressedTotal(), false));
    QCOMPARE(model->index(row, ImageCheckModel::Uncompressed).data(models::SortRole).toLongLong(),
             m_app.uncompressedTotal());
    // Screen readers get the whole sentence.
    const QString description
        = model->index(row, ImageCheckModel::Result).data(Qt::AccessibleDescriptionRole).toString();
    QVERIFY2(description.contains(m_app.manifestDigest), qPrintable(description));
    auto *table = dialog->findChild<QTableView *>(QStringLiteral("imageChecks"));
    QVERIFY(!table->accessibleName().isEmpty());
    QVERIFY(table->focusPolicy() != Qt::NoFocus);
}

void TestPreflight::suggestionFollowsTheRuleForTheRealTotal()
{
    const QString image = openImage(QStringLiteral("demo/app:1.0"));
    // An image the list knows (11.7 GiB decompressed) beside the pushed one the registry sizes.
    core::ValidationContext context = m_session->validationContext();
    const qint64 listed = qint64(11.7 * double(GiB));
    context.imageSizeBytes.insert(QStringLiteral("team/big:1"), listed);
    const qint64 total = listed + m_app.uncompressedTotal();

    for (const core::Provider provider : {core::Provider::Huawei, core::Provider::Alibaba}) {
        const auto dialog = newDialog(provider);
        dialog->setValidationContext(context);
        images(*dialog)->setPlainText(image + QStringLiteral("\nteam/big:1"));
        QVERIFY(answeredRow(*dialog, image) >= 0);
        const int expected = provider == core::Provider::Huawei
                                 ? std::max(20, int(std::ceil(3.0 * double(total) / double(GiB))))
                                 : std::max(20, int(std::ceil(double(total) / double(GiB))));
        QTRY_VERIFY(dialog->sizeSuggestion().has_value());
        QCOMPARE(dialog->sizeSuggestion()->sizeGiB, expected);
        QCOMPARE(dialog->sizeSuggestion()->decompressedBytes, total);
        const QString text = dialog->findChild<QLabel *>(QStringLiteral("sizeSuggestion"))->text();
        QVERIFY2(text.contains(QStringLiteral("Suggested %1 GiB").arg(expected)), qPrintable(text));
        QVERIFY2(text.contains(provider == core::Provider::Huawei ? QLatin1String("Huawei's rule")
                                                                  : QLatin1String("ECI's rule")),
                 qPrintable(text));
        if (provider == core::Provider::Huawei)
            QVERIFY2(text.contains(QStringLiteral("3 ×")), qPrintable(text));
        auto *use = dialog->findChild<QPushButton *>(QStringLiteral("useSuggestedSize"));
        auto *size = dialog->findChild<QSpinBox *>(QStringLiteral("size"));
        if (expected == 20) {
            // ECI's 12 GiB rounds up to its floor, which the default size already is.
            QCOMPARE(size->value(), 0);
            QVERIFY(!use->isEnabled());
            continue;
        }
        // The button puts it in the size field.
        QVERIFY(use->isEnabled());
        use->click();
        QCOMPARE(size->value(), expected);
        QVERIFY(!use->isEnabled());
    }
    QCOMPARE(int(std::ceil(3.0 * double(total) / double(GiB))), 36); // 3 × 11.7 GiB and a bit
}

void TestPreflight::missingTagIsNamedWithTheRegistrysCode()
{
    const auto dialog = newDialog(core::Provider::Huawei);
    const QString image = openImage(QStringLiteral("demo/app:9.9"));
    images(*dialog)->setPlainText(image);
    const int row = answeredRow(*dialog, image);
    QVERIFY(row >= 0);
    const QString result = checks(*dialog)->index(row, ImageCheckModel::Result).data().toString();
    QVERIFY2(result.contains(QLatin1String("Unknown tag"))
                 && result.contains(QLatin1String("MANIFEST_UNKNOWN")),
             qPrintable(result));
    const QString messages
        = dialog->findChild<QLabel *>(QStringLiteral("validationErrors"))->text();
    QVERIFY2(messages.contains(QLatin1String("can still be created")), qPrintable(messages));
    QVERIFY(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
}

void TestPreflight::privateImageIsUnauthorizedUntilTheFormsLoginApplies()
{
    const auto dialog = newDialog(core::Provider::Alibaba);
    images(*dialog)->setPlainText(lockedImage());
    // No login for it in the form: asked without one, named unauthorized.
    int row = answeredRow(*dialog, lockedImage());
    QVERIFY(row >= 0);
    QCOMPARE(checks(*dialog)->index(row, 0).data(ImageCheckModel::ErrorKindRole).toInt(),
             int(registry::ErrorKind::Unauthorized));
    const QString result = checks(*dialog)->index(row, ImageCheckModel::Result).data().toString();
    QVERIFY2(result.contains(QLatin1String("Unauthorized"))
                 && result.contains(QLatin1String("UNAUTHORIZED")),
             qPrintable(result));

    // The form's ImageRegistryCredential for that server: checked with it, and found.
    dialog->findChild<QLineEdit *>(QStringLiteral("registryServer"))->setText(m_locked.domain());
    dialog->findChild<QLineEdit *>(QStringLiteral("registryUser"))->setText(u"puller"_qs);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("registryPassword")),
                     u"s3cret-pass"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(checks(*dialog)->index(0, 0).data(ImageCheckModel::StateRole).toInt(),
                              int(ImageCheck::State::Found), 20000);
    QVERIFY(checks(*dialog)
                ->index(0, 0)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("registry login of this form")));
    QCOMPARE(checks(*dialog)->index(0, ImageCheckModel::Uncompressed).data(models::SortRole),
             QVariant(m_private.uncompressedTotal()));
    // A wrong password typed in the form is named too, and never shown.
    QTest::keyClick(dialog->findChild<QLineEdit *>(QStringLiteral("registryPassword")),
                    Qt::Key_Backspace);
    QTRY_COMPARE_WITH_TIMEOUT(
        checks(*dialog)->index(0, 0).data(ImageCheckModel::ErrorKindRole).toInt(),
        int(registry::ErrorKind::Unauthorized), 20000);
    QVERIFY(!checks(*dialog)->index(0, 0).data(Qt::ToolTipRole).toString().contains(u"s3cret"));
}

void TestPreflight::storedAccountLoginAppliesToItsRegistry()
{
    // A Huawei dialog has no registry login of its own: the stored account's login for the
    // image's registry applies (RegistryLogins), and the private image is found with its sizes.
    const auto dialog = newDialog(core::Provider::Huawei);
    images(*dialog)->setPlainText(lockedImage());
    const int row = answeredRow(*dialog, lockedImage());
    QVERIFY(row >= 0);
    QCOMPARE(checks(*dialog)->index(row, 0).data(ImageCheckModel::StateRole).toInt(),
             int(ImageCheck::State::Found));
    QCOMPARE(checks(*dialog)->index(row, ImageCheckModel::Uncompressed).data(models::SortRole),
             QVariant(m_private.uncompressedTotal()));
    QVERIFY(!checks(*dialog)->index(row, 0).data(Qt::ToolTipRole).toString().contains(u"s3cret"));
}

void TestPreflight::createStillWorksWithAFailedCheck()
{
    // Through File ▸ New Cache, as a user: a missing tag is named, Create still creates.
    const QString image = openImage(QStringLiteral("demo/app:9.9"));
    QString named;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        auto *target = dialog->findChildren<QComboBox *>().at(0);
        for (int i = 0; i < target->count(); ++i) {
            if (target->itemText(i).contains(QLatin1String("Huawei test")))
                target->setCurrentIndex(i);
        }
        dialog->findChild<QLineEdit *>(QStringLiteral("name"))->setText(u"checked-cache"_qs);
        dialog->findChild<QLineEdit *>(QStringLiteral("cluster"))
            ->setText(QString::fromLatin1(ClusterId));
        images(*dialog)->setPlainText(image);
        const int row = answeredRow(*dialog, image);
        if (row >= 0)
            named = checks(*dialog)->index(row, ImageCheckModel::Result).data().toString();
        QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());
        ok->click();
        QVERIFY(!dialog->isVisible());
    });
    m_window->action(QStringLiteral("newCache"))->trigger();
    QVERIFY2(named.contains(QLatin1String("MANIFEST_UNKNOWN")), qPrintable(named));
    // Sent to the provider: the cache shows up in the table.
    models::CacheTableModel *caches = m_session->cacheModel();
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (int row = 0; row < caches->rowCount(); ++row) {
                if (caches->cache(row)->name == QLatin1String("checked-cache"))
                    return true;
            }
            return false;
        }(),
        15000);
}

void TestPreflight::inspectImageShowsTheLayersOfATypedReference()
{
    // View ▸ Inspect Image…: any reference, before any cache exists.
    m_window->action(QStringLiteral("inspectImage"))->trigger();
    ui::RegistryLayersPanel *panel = m_window->imagesPage()->registryLayers();
    QVERIFY(panel->isVisible());
    auto *reference = panel->findChild<QLineEdit *>(QStringLiteral("inspectReference"));
    QCOMPARE(m_window->focusWidget(), reference);
    QAbstractItemModelTester tester(panel->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTest::keyClicks(reference, openImage(QStringLiteral("demo/app:1.0")));
    QTest::keyClick(reference, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), int(m_app.layers.size()), 20000);
    using Column = models::RegistryLayerModel;
    for (int row = 0; row < panel->model()->rowCount(); ++row) {
        const registrytest::PushedLayer &layer = m_app.layers[row];
        QCOMPARE(panel->model()->index(row, 0).data(Column::DigestRole).toString(), layer.digest);
        QCOMPARE(panel->model()->index(row, Column::Compressed).data(models::SortRole),
                 QVariant(layer.compressedSize));
        QCOMPARE(panel->model()->index(row, Column::Uncompressed).data(models::SortRole),
                 QVariant(layer.uncompressedSize));
        QCOMPARE(panel->model()->index(row, Column::CreatedBy).data().toString(), layer.createdBy);
    }
    const QString summary = panel->summary()->text();
    QVERIFY2(summary.contains(QLatin1String("linux/amd64"))
                 && summary.contains(models::RegistryText::size(m_app.compressedTotal(), false))
                 && summary.contains(models::RegistryText::size(m_app.uncompressedTotal(), false))
                 && summary.contains(m_app.manifestDigest),
             qPrintable(summary));
    // Copy Digest copies full digests.
    panel->table()->selectRow(1);
    panel->copyDigests();
    QCOMPARE(QApplication::clipboard()->text(), m_app.layers[1].digest);

    // A missing tag: the registry's code and message, no rows.
    reference->clear();
    QTest::keyClicks(reference, openImage(QStringLiteral("demo/app:9.9")));
    QTest::keyClick(reference, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(panel->summary()->text().contains(QLatin1String("MANIFEST_UNKNOWN")),
                             20000);
    QCOMPARE(panel->model()->rowCount(), 0);
}

void TestPreflight::selectedRegistryImageIsInspectedOnTheRegistryTab()
{
    m_window->action(QStringLiteral("showImages"))->trigger();
    QTableView *table = m_window->imagesPage()->table();
    QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() >= 5, 15000);
    ui::RegistryLayersPanel *panel = m_window->imagesPage()->registryLayers();
    auto *reference = panel->findChild<QLineEdit *>(QStringLiteral("inspectReference"));
    // The HSS row of an SWR registry names its image by the region's SWR host.
    const QString expected = QStringLiteral("swr.cn-north-4.myhuaweicloud.com/library/nginx:1.25");
    int row = -1;
    for (int r = 0; r < table->model()->rowCount(); ++r) {
        const core::ImageInfo *image = m_session->imageModel()->imageByKey(
            table->model()->index(r, 0).data(models::KeyRole).toString());
        if (image && models::ImageTableModel::registryReference(*image) == expected)
            row = r;
    }
    QVERIFY(row >= 0);
    table->setFocus();
    table->selectionModel()->setCurrentIndex(table->model()->index(row, 0),
                                             QItemSelectionModel::ClearAndSelect
                                                 | QItemSelectionModel::Rows);
    // Browsing the list asks no registry: the tab is not shown yet.
    QVERIFY(reference->text().isEmpty());
    auto *tabs = m_window->imagesPage()->findChild<QTabWidget *>(QStringLiteral("layerTabs"));
    tabs->setCurrentWidget(panel);
    QCOMPARE(reference->text(), expected);
    QVERIFY(!panel->summary()->text().isEmpty());
}

QTEST_MAIN(TestPreflight)
#include "tst_preflight.moc"
