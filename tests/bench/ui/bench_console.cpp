// Console figures with 10,000 stored caches: start to the first painted table, one filter
// keystroke and a sort by name through to the repaint, and the longest GUI-thread stall while
// starting. Offscreen; a SQLite file in a temporary directory; two accounts whose endpoints are
// a closed loopback port, so the pollers run and fail at once and nothing touches the network.
#include "ui/cachespage.h"
#include "ui/consolesession.h"
#include "ui/mainwindow.h"

#include "models/cachefilterproxymodel.h"
#include "models/cachetablemodel.h"
#include "store/databaseurl.h"
#include "store/memorycredentialstore.h"
#include "store/store.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <malloc.h>
#include <memory>
#include <utility>

using models::CacheTableModel;

namespace {

constexpr int cacheCount = 10000;
constexpr int waitBoundMs = 30000;

const QString huaweiAccount = QStringLiteral("acct-huawei-prod");
const QString alibabaAccount = QStringLiteral("acct-aliyun-prod");
const QStringList huaweiRegions = {QStringLiteral("cn-north-4"), QStringLiteral("ap-southeast-3")};
const QStringList alibabaRegions = {QStringLiteral("cn-hangzhou"), QStringLiteral("cn-shanghai")};

// Caches as the clouds list them: team/service names, a few images each from a shared pool,
// tags, events, and the status mix of a busy fleet (mostly ready, some moving, some broken).
QList<core::ImageCache> makeCaches(int count = cacheCount, int eventsEach = 0)
{
    static const char *const teams[]
        = {"payments", "search", "checkout", "ml-infer", "gateway", "billing", "catalog", "recs"};
    static const char *const services[] = {"api", "worker", "batch", "web", "stream", "cron"};
    static const char *const images[] = {"nginx:1.25.3",
                                         "redis:7.2-alpine",
                                         "python:3.12-slim",
                                         "openjdk:21-jdk",
                                         "node:20-bookworm",
                                         "golang:1.22",
                                         "envoyproxy/envoy:v1.29.1",
                                         "pytorch/pytorch:2.2.0-cuda12.1-cudnn8-runtime"};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<core::ImageCache> caches;
    caches.reserve(count);
    for (int i = 0; i < count; ++i) {
        core::ImageCache c;
        const bool huawei = i % 2 == 0;
        c.provider = huawei ? core::Provider::Huawei : core::Provider::Alibaba;
        c.accountId = huawei ? huaweiAccount : alibabaAccount;
        c.region = (huawei ? huaweiRegions : alibabaRegions).at((i / 2) % 2);
        const QString team = QString::fromLatin1(teams[i % 8]);
        const QString service = QString::fromLatin1(services[(i / 8) % 6]);
        c.name = QStringLiteral("%1-%2-%3").arg(team, service).arg(i, 5, 10, QLatin1Char('0'));
        c.id = huawei ? QStringLiteral("%1-%2-4c1e-9a7f-%3")
                            .arg(i, 8, 16, QLatin1Char('0'))
                            .arg(i % 65536, 4, 16, QLatin1Char('0'))
                            .arg(i * 7919, 12, 16, QLatin1Char('0'))
                      : QStringLiteral("imc-2ze%1").arg(i * 104729, 17, 36, QLatin1Char('0'));
        // 80 % ready, then creating, updating, failed, expired, unavailable, deleting.
        const int bucket = i % 100;
        if (bucket < 80)
            c.status = core::CacheStatus::Ready;
        else if (bucket < 86)
            c.status = core::CacheStatus::Creating;
        else if (bucket < 89)
            c.status = huawei ? core::CacheStatus::Creating : core::CacheStatus::Updating;
        else if (bucket < 94)
            c.status = core::CacheStatus::Failed;
        else if (bucket < 97)
            c.status = core::CacheStatus::Expired;
        else if (bucket < 99)
            c.status = huawei ? core::CacheStatus::Unavailable : core::CacheStatus::Failed;
        else
            c.status = huawei ? core::CacheStatus::Deleting : core::CacheStatus::Ready;
        c.rawStatus = core::statusKey(c.status);
        if (!huawei) {
            c.progress = c.status == core::CacheStatus::Ready ? 100 : (i * 13) % 100;
            c.snapshotId = QStringLiteral("s-bp1%1").arg(i, 10, 10, QLatin1Char('0'));
            c.containerGroupId = QStringLiteral("eci-bp1%1").arg(i, 10, 10, QLatin1Char('0'));
            c.resourceGroupId = QStringLiteral("rg-acfm%1").arg(i % 5);
            c.eliminationStrategy = i % 3 ? QStringLiteral("LRU") : QString();
        } else {
            c.cluster = QStringLiteral("cce-autopilot-%1").arg(i % 6);
            c.imagePullSecrets = {QStringLiteral("default-secret")};
        }
        for (int k = 0; k < 1 + i % 3; ++k)
            c.images.append(QString::fromLatin1(images[(i + k * 3) % 8]));
        c.images.append(QStringLiteral("swr.%1.myhuaweicloud.com/%2/%3:v%4.%5")
                            .arg(c.region, team, service)
                            .arg(i % 9)
                            .arg(i % 40));
        c.sizeGiB = 20 + i % 180;
        c.retentionDays = i % 4 ? 7 * (1 + i % 4) : 0;
        c.created = now.addSecs(-qint64(i) * 371);
        if (c.retentionDays > 0)
            c.expires = c.created.addDays(c.retentionDays);
        if (i % 5)
            c.lastMatched = now.addSecs(-qint64(i % 977) * 60);
        c.tags
            = {{QStringLiteral("team"), team},
               {QStringLiteral("env"), i % 7 ? QStringLiteral("prod") : QStringLiteral("staging")},
               {QStringLiteral("owner"), QStringLiteral("%1@example.com").arg(team)}};
        if (c.status == core::CacheStatus::Failed) {
            c.message
                = QStringLiteral("pull image %1 failed: manifest unknown").arg(c.images.last());
            c.events.append({QStringLiteral("Warning"), QStringLiteral("PullFailed"), c.message,
                             c.id + QStringLiteral(".pull"), 3, c.created, c.created.addSecs(90)});
        }
        c.events.append({QStringLiteral("Normal"), QStringLiteral("Created"),
                         QStringLiteral("image cache created"), c.id + QStringLiteral(".created"),
                         1, c.created, c.created});
        for (qsizetype e = c.events.size(); e < eventsEach; ++e)
            c.events.append(
                {QStringLiteral("Normal"), QStringLiteral("Pulled"),
                 QStringLiteral("image %1 pulled").arg(c.images.value(e % c.images.size())),
                 c.id + QStringLiteral(".pulled.%1").arg(e), 1, c.created.addSecs(e * 20),
                 c.created.addSecs(e * 20)});
        c.raw = QJsonObject{{QStringLiteral("id"), c.id},
                            {QStringLiteral("name"), c.name},
                            {QStringLiteral("status"), c.rawStatus},
                            {QStringLiteral("size"), c.sizeGiB}};
        caches.append(c);
    }
    return caches;
}

// Waits in a real event loop, as the application does (QTest::qWaitFor sleeps between
// checks, which would add up to 10 ms to every queued hop from the store thread).
bool runUntil(const std::function<bool()> &done, int boundMs = waitBoundMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer bound;
    bound.setSingleShot(true);
    QObject::connect(&bound, &QTimer::timeout, &loop, &QEventLoop::quit);
    QTimer check; // a 0 ms timer would keep the loop busy and delay the window's update timer
    check.setInterval(2);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    bound.start(boundMs);
    check.start();
    loop.exec();
    return done();
}

// Stops a clock when the table's viewport has finished a paint that showed rows: the Paint
// event is seen on its way in, the time is taken once the paint (and the flush of the backing
// store that carries it) has returned to the event loop.
class PaintWatcher final : public QObject
{
public:
    PaintWatcher(QWidget *viewport, std::function<bool()> ready)
        : m_viewport(viewport)
        , m_ready(std::move(ready))
    {
        viewport->installEventFilter(this);
    }
    ~PaintWatcher() override { m_viewport->removeEventFilter(this); }

    // Starts waiting for the next paint with rows; `clock` is read when it is done.
    void arm(const QElapsedTimer *clock)
    {
        m_clock = clock;
        m_paintStartedMs = -1;
        m_paintedMs = -1;
    }
    bool painted() const { return m_paintedMs >= 0; }
    qint64 paintStartedMs() const { return m_paintStartedMs; }
    qint64 paintedMs() const { return m_paintedMs; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_viewport && event->type() == QEvent::Paint && m_clock
            && m_paintStartedMs < 0 && m_ready()) {
            m_paintStartedMs = m_clock->elapsed();
            QTimer::singleShot(0, this, [this] {
                m_paintedMs = m_clock->elapsed();
                m_clock = nullptr;
            });
        }
        return false;
    }

private:
    QWidget *m_viewport;
    std::function<bool()> m_ready;
    const QElapsedTimer *m_clock = nullptr;
    qint64 m_paintStartedMs = -1;
    qint64 m_paintedMs = -1;
};

// The longest wait between ticks of a 10 ms timer on the GUI thread, and where it ended.
class StallMeter final : public QObject
{
public:
    explicit StallMeter(const QElapsedTimer *clock)
        : m_clock(clock)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(10);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock->elapsed();
            const qint64 gap = now - m_last;
            if (gap > m_maxGap) {
                m_maxGap = gap;
                m_maxGapEnd = now;
            }
            if (gap >= 50)
                m_longGaps.append({now - gap, now});
            m_last = now;
        });
    }
    void start()
    {
        m_last = m_clock->elapsed();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    qint64 maxGap() const { return m_maxGap; }
    qint64 maxGapEnd() const { return m_maxGapEnd; }
    QList<std::pair<qint64, qint64>> longGaps() const { return m_longGaps; }

private:
    const QElapsedTimer *m_clock;
    QTimer m_timer;
    qint64 m_last = 0;
    qint64 m_maxGap = 0;
    qint64 m_maxGapEnd = 0;
    QList<std::pair<qint64, qint64>> m_longGaps;
};

void figure(const char *name, double ms)
{
    std::printf("FIGURE %s: %.1f ms\n", name, ms);
    std::fflush(stdout);
}

// VmRSS / VmHWM of this process, KiB.
qint64 procStatusKiB(const char *field)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}
qint64 residentKiB()
{
    return procStatusKiB("VmRSS:");
}
qint64 peakResidentKiB()
{
    return procStatusKiB("VmHWM:");
}
// Gives the heap's free pages back to the system and restarts the peak count, so that what was
// freed before (writing the test store) is not counted as the console's.
void forgetFreedMemory()
{
    malloc_trim(0);
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    if (clearRefs.open(QIODevice::WriteOnly))
        clearRefs.write("5"); // resets VmHWM (Linux 4.0+)
}

} // namespace

class BenchConsole final : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QUrl m_storeUrl;
    int m_rows = cacheCount; // stored caches, shown once started
    QUrl m_closedEndpoint;

    ui::ConsoleSession::Options options() const
    {
        auto credentials = std::make_shared<store::MemoryCredentialStore>();
        ui::ConsoleSession::Options o;
        o.storeUrl = m_storeUrl;
        o.credentials = credentials;

        store::Account huawei;
        huawei.id = huaweiAccount;
        huawei.provider = core::Provider::Huawei;
        huawei.displayName = QStringLiteral("Huawei production");
        for (const QString &region : huaweiRegions)
            huawei.regions.append(
                {region, m_closedEndpoint, QStringLiteral("0a1b2c3d4e5f60718293a4b5c6d7e8f9")});
        huawei.accessKeyId = QStringLiteral("HPUABENCHMARKKEY0001");
        credentials->writeNow(store::CredentialStore::secretKey(huawei.id),
                              QStringLiteral("bench-secret-huawei"));
        store::Account alibaba;
        alibaba.id = alibabaAccount;
        alibaba.provider = core::Provider::Alibaba;
        alibaba.displayName = QStringLiteral("Aliyun production");
        for (const QString &region : alibabaRegions)
            alibaba.regions.append({region, m_closedEndpoint, QString()});
        alibaba.accessKeyId = QStringLiteral("EXAMPLEALIBENCHKEY01");
        credentials->writeNow(store::CredentialStore::secretKey(alibaba.id),
                              QStringLiteral("bench-secret-alibaba"));
        o.seedAccounts = {huawei, alibaba};
        return o;
    }

    // One start as app/main.cpp does it: session, window, show(), start(); the clock stops
    // once the cache table has painted with all 10,000 rows in the model.
    struct Start
    {
        std::unique_ptr<ui::ConsoleSession> session;
        std::unique_ptr<ui::MainWindow> window;
        std::unique_ptr<PaintWatcher> watcher;
        QElapsedTimer clock;
    };
    std::unique_ptr<Start> startConsole(const std::function<void(Start &)> &beforeShow = {},
                                        const std::function<void(Start &)> &beforeWindow = {})
    {
        auto s = std::make_unique<Start>();
        s->clock.start();
        s->session = std::make_unique<ui::ConsoleSession>(options());
        if (beforeWindow)
            beforeWindow(*s);
        s->window = std::make_unique<ui::MainWindow>(s->session.get());
        QTableView *table = s->window->cachesPage()->table();
        CacheTableModel *model = s->session->cacheModel();
        const int rows = m_rows;
        s->watcher = std::make_unique<PaintWatcher>(table->viewport(), [model, table, rows] {
            return model->rowCount() == rows && table->model()->rowCount() == rows;
        });
        s->watcher->arm(&s->clock);
        if (beforeShow)
            beforeShow(*s);
        s->window->show();
        s->session->start();
        return s;
    }

    static bool waitForPaint(const PaintWatcher &watcher)
    {
        return runUntil([&watcher] { return watcher.painted(); });
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        // A port that was just free and is now closed: every poll is refused at once.
        {
            QTcpServer server;
            QVERIFY(server.listen(QHostAddress::LocalHost));
            m_closedEndpoint = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()));
        }
        m_storeUrl = store::DatabaseUrl::sqliteUrl(m_dir.filePath(QStringLiteral("console.db")));
        store::Store store;
        QVERIFY2(store.open(m_storeUrl), qPrintable(store.errorString()));
        QVERIFY2(store.applyChangeSet({makeCaches(), {}, {}}), qPrintable(store.errorString()));
        QCOMPARE(store.cacheCount(), cacheCount);
    }

    // Qt's wall-time backend runs a QBENCHMARK function once as a warm-up: that first run is
    // the cold start (fonts, style, SQL driver loaded, as in a fresh process) and is the
    // figure; the measured iteration is a second start in the same process.
    void startToFirstPaint10000()
    {
        static bool cold = true;
        std::unique_ptr<Start> s;
        QBENCHMARK_ONCE
        {
            s = startConsole();
            QVERIFY2(waitForPaint(*s->watcher), "the table did not paint 10,000 rows in 30 s");
        }
        const qint64 ms = s->watcher->paintedMs();
        s.reset();
        figure(cold ? "start-to-first-paint-10000" : "start-to-first-paint-10000-warm", double(ms));
        cold = false;
    }

    // Each step is timed from the user's action to the end of the repaint it causes; the part
    // spent inside the action itself (filtering or sorting, and the view taking the row
    // changes) is printed beside it. Qt runs the function once as a warm-up first: only the
    // measured run prints figures.
    void filterKeystrokeAndSort10000()
    {
        static bool warmUp = true;
        const bool report = !std::exchange(warmUp, false);
        auto s = startConsole();
        QVERIFY(waitForPaint(*s->watcher));
        ui::CachesPage *page = s->window->cachesPage();
        QTableView *table = page->table();
        auto *filter = page->findChild<QLineEdit *>(QStringLiteral("cacheFilter"));
        QVERIFY(filter);
        auto *proxy = page->proxy();
        PaintWatcher watcher(table->viewport(), [] { return true; });
        QElapsedTimer clock;
        const auto step = [&](const char *name, const std::function<void()> &action) {
            clock.start();
            watcher.arm(&clock);
            action();
            const qint64 synchronous = clock.elapsed();
            if (!waitForPaint(watcher))
                return false;
            if (report) {
                figure(name, double(watcher.paintedMs()));
                std::printf("  %s: %lld ms inside the action, %lld ms to the end of the paint\n",
                            name, qlonglong(synchronous),
                            qlonglong(watcher.paintedMs() - synchronous));
            }
            return true;
        };

        // One keystroke into the empty filter: "x" keeps the caches with nginx among their
        // images or an x in their id (every row has "w" in its registry host: no change).
        filter->setFocus();
        QBENCHMARK_ONCE
        {
            QVERIFY(step("filter-keystroke-10000", [&] { QTest::keyClick(filter, Qt::Key_X); }));
        }
        const int shown = proxy->rowCount();
        QVERIFY2(shown > 0 && shown < cacheCount, qPrintable(QString::number(shown)));
        if (report)
            std::printf("  filter \"x\" shows %d of %d rows\n", shown, cacheCount);

        // Backspace: all 10,000 rows come back into the sorted view.
        QVERIFY(
            step("filter-backspace-10000", [&] { QTest::keyClick(filter, Qt::Key_Backspace); }));
        QCOMPARE(proxy->rowCount(), cacheCount);

        // Sort by name both ways, then back to the default (newest first).
        QVERIFY(step("sort-by-name-10000",
                     [&] { table->sortByColumn(CacheTableModel::Name, Qt::AscendingOrder); }));
        const QString firstName = proxy->index(0, CacheTableModel::Name).data().toString();
        const QString secondName = proxy->index(1, CacheTableModel::Name).data().toString();
        QVERIFY2(firstName.compare(secondName, Qt::CaseInsensitive) <= 0,
                 qPrintable(firstName + QLatin1Char(' ') + secondName));
        QVERIFY(step("sort-by-name-descending-10000",
                     [&] { table->sortByColumn(CacheTableModel::Name, Qt::DescendingOrder); }));
        QVERIFY(step("sort-by-created-10000", [&] {
            table->sortByColumn(models::CacheFilterProxyModel::defaultSortColumn(),
                                models::CacheFilterProxyModel::defaultSortOrder());
        }));

        // The same keystroke on a proxy that no view watches: what filtering alone costs, the
        // rest of the step above is the view taking the removed rows and repainting.
        if (report) {
            models::CacheFilterProxyModel bare;
            bare.setSourceModel(s->session->cacheModel());
            bare.sort(models::CacheFilterProxyModel::defaultSortColumn(),
                      models::CacheFilterProxyModel::defaultSortOrder());
            QCOMPARE(bare.rowCount(), cacheCount);
            int removals = 0;
            connect(&bare, &QAbstractItemModel::rowsRemoved, this, [&removals] { ++removals; });
            clock.start();
            bare.setFilterText(QStringLiteral("x"));
            const qint64 filtered = clock.elapsed();
            QCOMPARE(bare.rowCount(), shown);
            clock.start();
            bare.setFilterText(QString());
            const qint64 cleared = clock.elapsed();
            std::printf("  without a view: filter \"x\" %lld ms (%d rowsRemoved signals), cleared "
                        "%lld ms\n",
                        qlonglong(filtered), removals, qlonglong(cleared));
        }
    }

    // Not a benchmark: the longest the GUI thread went without running its event loop from
    // show() to the first painted table + 2 s, with the steps of the start timed to say where.
    void guiThreadStallDuringStart10000()
    {
        qint64 shownMs = 0;
        qint64 resetBeginMs = -1; // setCaches begins: the store's answer has arrived
        qint64 filledMs = -1;     // the model holds its rows (the proxy's reset is announced)
        qint64 viewResetMs = -1;  // every receiver of the model's reset has returned
        qint64 knownMs = -1;      // the sync manager knows the caches (accountsChanged)
        qint64 navigationMs = -1; // the window rebuilt its navigation for accountsChanged
        qint64 startedMs = -1;
        std::unique_ptr<StallMeter> meter;
        QHash<QString, int> notifications; // by title, until the first paint + 2 s
        qint64 firstNotifyMs = -1;
        qint64 lastNotifyMs = -1;
        const auto beforeWindow = [&](Start &st) {
            connect(st.session.get(), &ui::ConsoleSession::notify, this, [&](const QString &title) {
                ++notifications[title];
                if (firstNotifyMs < 0)
                    firstNotifyMs = st.clock.elapsed();
                lastNotifyMs = st.clock.elapsed();
            });
            connect(st.session.get(), &ui::ConsoleSession::accountsChanged, this, [&] {
                if (knownMs < 0)
                    knownMs = st.clock.elapsed();
            });
        };
        auto s = startConsole(
            [&](Start &st) {
                CacheTableModel *model = st.session->cacheModel();
                QAbstractItemModel *proxy = st.window->cachesPage()->proxy();
                connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [&] {
                    if (resetBeginMs < 0)
                        resetBeginMs = st.clock.elapsed();
                });
                connect(proxy, &QAbstractItemModel::modelReset, this, [&] {
                    if (filledMs < 0)
                        filledMs = st.clock.elapsed();
                });
                // Connected after the proxy's own handler (made in the window's constructor).
                connect(model, &QAbstractItemModel::modelReset, this, [&] {
                    if (viewResetMs < 0)
                        viewResetMs = st.clock.elapsed();
                });
                connect(st.session.get(), &ui::ConsoleSession::accountsChanged, this, [&] {
                    if (navigationMs < 0)
                        navigationMs = st.clock.elapsed();
                });
                connect(st.session.get(), &ui::ConsoleSession::started, this,
                        [&] { startedMs = st.clock.elapsed(); });
                meter = std::make_unique<StallMeter>(&st.clock);
                shownMs = st.clock.elapsed();
                meter->start();
            },
            beforeWindow);
        QVERIFY(waitForPaint(*s->watcher));
        const qint64 paintedMs = s->watcher->paintedMs();
        QElapsedTimer after;
        after.start();
        runUntil([&after] { return after.elapsed() >= 2000; }, 5000);
        meter->stop();

        std::printf("start timeline (ms since the session was made): window shown %lld, "
                    "setCaches begins %lld, model filled %lld, model reset handled %lld, "
                    "sync knows the caches %lld, navigation rebuilt %lld, started() %lld, "
                    "first paint begins %lld, painted %lld\n",
                    qlonglong(shownMs), qlonglong(resetBeginMs), qlonglong(filledMs),
                    qlonglong(viewResetMs), qlonglong(knownMs), qlonglong(navigationMs),
                    qlonglong(startedMs), qlonglong(s->watcher->paintStartedMs()),
                    qlonglong(paintedMs));
        for (const auto &[from, to] : meter->longGaps())
            std::printf("GUI thread gap >= 50 ms: %lld..%lld (%lld ms)\n", qlonglong(from),
                        qlonglong(to), qlonglong(to - from));
        for (auto it = notifications.cbegin(); it != notifications.cend(); ++it)
            std::printf("notifications at start: %d x \"%s\"\n", it.value(), qPrintable(it.key()));
        if (firstNotifyMs >= 0)
            std::printf("notifications from %lld to %lld ms\n", qlonglong(firstNotifyMs),
                        qlonglong(lastNotifyMs));
        figure("gui-thread-longest-stall-start-10000", double(meter->maxGap()));
        QVERIFY(meter->maxGap() > 0);
    }

    // Not a benchmark: the console's resident memory once it shows 100,000 stored caches with
    // 5 events and 3 tags each. Meaningful in a fresh process only, so scripts/run-benchmarks.sh
    // runs it alone: IMAGECACHE_BENCH_MEMORY=1 bench_console memoryWith100000.
    void memoryWith100000()
    {
        if (qEnvironmentVariableIsEmpty("IMAGECACHE_BENCH_MEMORY"))
            QSKIP("run alone: IMAGECACHE_BENCH_MEMORY=1 bench_console memoryWith100000");
        constexpr int rows = 100000;
        const QUrl url = store::DatabaseUrl::sqliteUrl(m_dir.filePath(QStringLiteral("big.db")));
        {
            store::Store store;
            QVERIFY2(store.open(url), qPrintable(store.errorString()));
            QVERIFY2(store.applyChangeSet({makeCaches(rows, 5), {}, {}}),
                     qPrintable(store.errorString()));
            QCOMPARE(store.cacheCount(), rows);
        }
        forgetFreedMemory();
        const qint64 before = residentKiB();
        m_storeUrl = url;
        m_rows = rows;
        auto s = startConsole();
        QVERIFY2(waitForPaint(*s->watcher), "the table did not paint 100,000 rows in 30 s");
        const qint64 paintedMs = s->watcher->paintedMs();
        QCOMPARE(s->session->cacheModel()->cache(0)->events.size(), 5);
        QCOMPARE(s->session->cacheModel()->cache(0)->tags.size(), 3);
        // Let the start settle (store answers, pollers failing against the closed port).
        QElapsedTimer settle;
        settle.start();
        runUntil([&settle] { return settle.elapsed() >= 2000; }, 5000);
        const qint64 after = residentKiB();
        std::printf("  100,000 caches painted after %lld ms; RSS before the console %lld KiB, "
                    "peak %lld KiB\n",
                    qlonglong(paintedMs), qlonglong(before), qlonglong(peakResidentKiB()));
        std::printf("FIGURE rss-100000: %.0f MB\n", double(after) * 1024 / 1e6);
        std::fflush(stdout);
        QVERIFY(after > before);
    }
};

QTEST_MAIN(BenchConsole)
#include "bench_console.moc"
