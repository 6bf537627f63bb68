#include "modelfixtures.h"

#include "models/eventmodel.h"
#include "models/layermodel.h"
#include "models/tagmodel.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QTest>

using namespace core;
using models::EventModel;
using models::LayerModel;
using models::TagModel;

namespace {

QList<CacheEvent> events()
{
    const QDateTime t = fixtures::now();
    return {
        {QStringLiteral("Normal"), QStringLiteral("Created"), QStringLiteral("cache created"),
         QStringLiteral("e1"), 1, t.addSecs(-600), t.addSecs(-600)},
        {QStringLiteral("Warning"), QStringLiteral("PullFailed"),
         QStringLiteral("pull image failed: unauthorized\nretrying"), QStringLiteral("e2"), 3,
         t.addSecs(-500), t.addSecs(-60)},
    };
}

} // namespace

class TestDetailModels final : public QObject
{
    Q_OBJECT

private slots:
    void eventsShowWithWarningsMarked()
    {
        EventModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ImageCache cache = fixtures::cache("1");
        cache.events = events();
        model.setEvents(cache.events);

        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(EventModel::ColumnCount));
        QCOMPARE(model.index(1, EventModel::Type).data().toString(), QStringLiteral("Warning"));
        QCOMPARE(model.index(1, EventModel::Reason).data().toString(),
                 QStringLiteral("PullFailed"));
        QCOMPARE(model.index(1, EventModel::Message).data().toString(),
                 QStringLiteral("pull image failed: unauthorized"));
        QCOMPARE(model.index(1, EventModel::Message).data(Qt::ToolTipRole).toString(),
                 cache.events[1].message);
        QCOMPARE(model.index(1, EventModel::Count).data().toString(), QStringLiteral("3"));
        QCOMPARE(model.index(1, EventModel::Count).data(models::SortRole).toInt(), 3);
        QCOMPARE(model.index(1, EventModel::Last).data().toString(),
                 QStringLiteral("2026-03-01 09:59"));
        QCOMPARE(model.index(0, EventModel::First).data().toString(),
                 QStringLiteral("2026-03-01 09:50"));

        const QIcon warning
            = model.index(1, EventModel::Type).data(Qt::DecorationRole).value<QIcon>();
        QVERIFY(!warning.isNull());
        QVERIFY(model.index(1, EventModel::Reason).data(Qt::ForegroundRole).isValid());
        QVERIFY(!model.index(0, EventModel::Type).data(Qt::DecorationRole).isValid());
        QVERIFY(!model.index(0, EventModel::Reason).data(Qt::ForegroundRole).isValid());
        QCOMPARE(model.headerData(EventModel::First, Qt::Horizontal).toString(),
                 QStringLiteral("First Seen"));
    }

    void equalListsDoNotResetThePane()
    {
        EventModel eventModel;
        TagModel tagModel;
        LayerModel layerModel;
        QAbstractItemModelTester t1(&eventModel,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&tagModel,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(&layerModel,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);

        const QList<Tag> tags = {{QStringLiteral("env"), QStringLiteral("prod")}};
        const QList<ImageLayer> layers
            = {{QStringLiteral("Debian"), QStringLiteral("12"), QStringLiteral("sha256:01")}};
        eventModel.setEvents(events());
        tagModel.setTags(tags);
        layerModel.setLayers(layers);

        fixtures::ModelSignals eventSpy(&eventModel);
        fixtures::ModelSignals tagSpy(&tagModel);
        fixtures::ModelSignals layerSpy(&layerModel);
        eventModel.setEvents(events()); // a poll brought the same details
        tagModel.setTags(QList<Tag>(tags));
        layerModel.setLayers(QList<ImageLayer>(layers));
        QVERIFY(eventSpy.noneExcept({}));
        QVERIFY(tagSpy.noneExcept({}));
        QVERIFY(layerSpy.noneExcept({}));

        // A real change does refresh.
        QList<CacheEvent> more = events();
        more[1].count = 4;
        eventModel.setEvents(more);
        QCOMPARE(eventSpy.reset.size(), 1);
        QCOMPARE(eventModel.index(1, EventModel::Count).data().toString(), QStringLiteral("4"));
        tagModel.setTags({});
        QCOMPARE(tagSpy.reset.size(), 1);
        QCOMPARE(tagModel.rowCount(), 0);
    }

    void tagsAndLayersShowTheirValues()
    {
        TagModel tags;
        QAbstractItemModelTester t1(&tags, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ImageCache cache = fixtures::cache("1");
        cache.tags = {{QStringLiteral("env"), QStringLiteral("prod")},
                      {QStringLiteral("owner"), QStringLiteral("")}};
        tags.setTags(cache.tags);
        QCOMPARE(tags.rowCount(), 2);
        QCOMPARE(tags.index(0, TagModel::Key).data().toString(), QStringLiteral("env"));
        QCOMPARE(tags.index(0, TagModel::Value).data().toString(), QStringLiteral("prod"));
        QCOMPARE(tags.index(1, TagModel::Value).data().toString(), QString());
        QCOMPARE(tags.headerData(TagModel::Key, Qt::Horizontal).toString(), QStringLiteral("Key"));

        LayerModel layers;
        QAbstractItemModelTester t2(&layers,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString digest = QStringLiteral("sha256:") + QString(64, QLatin1Char('c'));
        layers.setLayers({{QStringLiteral("Alpine"), QStringLiteral("3.19"), digest}});
        QCOMPARE(layers.index(0, LayerModel::Digest).data().toString(), digest); // whole, for Copy
        QCOMPARE(layers.index(0, LayerModel::Os).data().toString(), QStringLiteral("Alpine"));
        QCOMPARE(layers.index(0, LayerModel::OsVersion).data().toString(), QStringLiteral("3.19"));
        QVERIFY(!layers.index(1, 0).data().isValid());
    }
};

QTEST_MAIN(TestDetailModels)
#include "tst_detailmodels.moc"
