#include "cachedetailpane.h"

#include "emptystate.h"

#include "core/secretmask.h"
#include "models/eventmodel.h"
#include "models/layermodel.h"
#include "models/presentation.h"
#include "models/tagmodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QStringListModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace ui {

namespace {

QTableView *detailTable(QAbstractItemModel *model)
{
    auto *view = new QTableView;
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    return view;
}

} // namespace

CacheDetailPane::CacheDetailPane(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget;
    layout->addWidget(m_tabs);

    auto *overview = new QWidget;
    auto *form = new QFormLayout(overview);
    m_title = new QLabel;
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    form->addRow(m_title);
    m_status = addField(form, tr("Status:"));
    m_message = addField(form, tr("Message:"));
    m_id = addField(form, tr("ID:"));
    m_where = addField(form, tr("Account / region:"));
    m_size = addField(form, tr("Size:"));
    m_retention = addField(form, tr("Retention:"));
    m_expires = addField(form, tr("Expires:"));
    m_created = addField(form, tr("Created:"));
    m_lastMatched = addField(form, tr("Last matched:"));
    m_config = addField(form, tr("Configuration:"));
    m_tabs->addTab(overview, tr("&Overview"));

    m_imageList = new QStringListModel(this);
    m_images = new QListView;
    m_images->setModel(m_imageList);
    m_images->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_images->setToolTip(tr("Double-click or press Enter to open the image's details."));
    connect(m_images, &QListView::activated, this,
            [this](const QModelIndex &index) { emit imageActivated(index.data().toString()); });
    m_tabs->addTab(m_images, tr("&Images"));

    m_tagModel = new models::TagModel(this);
    m_tags = detailTable(m_tagModel);
    m_tabs->addTab(m_tags, tr("&Tags"));

    m_eventModel = new models::EventModel(this);
    m_events = detailTable(m_eventModel);
    // The message is what people read: it takes the room; the rest fit their contents.
    m_events->horizontalHeader()->setStretchLastSection(false);
    m_events->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_events->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_tabs->addTab(m_events, tr("&Events"));
    m_eventsEmpty = new EmptyState(m_events, [this]() -> QString {
        if (m_key.isEmpty())
            return {};
        return m_huawei ? tr("Huawei Cloud CCE reports no events for image caches. The status and "
                             "its message on the Overview tab are what the provider says.")
                        : tr("No events reported for this cache yet. ECI lists events while it "
                             "builds the cache and when something goes wrong.");
    });

    auto *layersPage = new QWidget;
    auto *layersLayout = new QVBoxLayout(layersPage);
    m_layersNote = new QLabel;
    m_layersNote->setWordWrap(true);
    layersLayout->addWidget(m_layersNote);
    m_layerModel = new models::LayerModel(this);
    m_layers = detailTable(m_layerModel);
    m_layers->horizontalHeader()->setStretchLastSection(false);
    m_layers->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_layers->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    auto *copyDigest = new QAction(tr("Copy &Digest"), m_layers);
    copyDigest->setShortcut(QKeySequence::Copy);
    copyDigest->setShortcutContext(Qt::WidgetShortcut);
    connect(copyDigest, &QAction::triggered, this, &CacheDetailPane::copySelectedDigest);
    m_layers->addAction(copyDigest);
    m_layers->setContextMenuPolicy(Qt::ActionsContextMenu);
    layersLayout->addWidget(m_layers);
    layersLayout->setContentsMargins(0, 0, 0, 0);
    m_tabs->addTab(layersPage, tr("&Layers"));

    m_raw = new QPlainTextEdit;
    m_raw->setReadOnly(true);
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tabs->addTab(m_raw, tr("&Raw JSON"));

    // Layers cost a request per image: fetch them when the tab is first looked at.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == LayersTab && !m_key.isEmpty() && !m_layersRequested) {
            m_layersRequested = true;
            emit layersWanted(m_key);
        }
    });
    setCache(nullptr);
}

QLabel *CacheDetailPane::addField(QFormLayout *form, const QString &label)
{
    auto *value = new QLabel;
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    value->setWordWrap(true);
    value->setTextFormat(Qt::PlainText);
    form->addRow(label, value);
    return value;
}

void CacheDetailPane::setCache(const core::ImageCache *cache, const QString &accountName)
{
    const QString key = cache ? cache->key() : QString();
    if (key != m_key) {
        m_layersRequested = false;
        m_layerModel->setLayers({});
        m_layersNote->setText(cache ? tr("Loading the base-image layers…") : QString());
    }
    m_key = key;
    m_huawei = cache && cache->provider == core::Provider::Huawei;
    setEnabled(cache != nullptr);
    if (!cache) {
        m_title->setText(tr("Select an image cache to see its details."));
        for (QLabel *label : {m_status, m_message, m_id, m_where, m_size, m_retention, m_expires,
                              m_created, m_lastMatched, m_config})
            label->clear();
        m_imageList->setStringList({});
        m_tagModel->setTags({});
        m_eventModel->setEvents({});
        m_eventsEmpty->refresh();
        m_raw->clear();
        return;
    }

    using models::Presentation;
    m_title->setText(cache->name);
    QString status = Presentation::statusText(cache->status);
    if (cache->rawStatus.compare(status, Qt::CaseInsensitive) != 0 && !cache->rawStatus.isEmpty())
        status += tr(" (provider: %1)").arg(cache->rawStatus);
    if (cache->progress && core::isTransitional(cache->status))
        status += tr(" — %1%").arg(*cache->progress);
    m_status->setText(status);
    m_message->setText(cache->message.isEmpty() ? tr("—") : cache->message);
    m_id->setText(cache->id);
    m_where->setText(tr("%1 · %2 · %3")
                         .arg(Presentation::providerName(cache->provider),
                              accountName.isEmpty() ? cache->accountId : accountName,
                              cache->region));
    m_size->setText(Presentation::sizeGiB(cache->sizeGiB));
    m_retention->setText(Presentation::retention(cache->retentionDays));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_expires->setText(cache->expires.isValid()
                           ? tr("%1 (%2)").arg(Presentation::dateTime(cache->expires),
                                               Presentation::timeLeft(cache->expires, now))
                           : tr("never", "expiry of a cache that never expires"));
    m_created->setText(Presentation::dateTime(cache->created));
    m_lastMatched->setText(cache->lastMatched.isValid()
                               ? Presentation::dateTime(cache->lastMatched)
                               : tr("never", "a cache that was never matched"));
    QStringList config;
    if (cache->provider == core::Provider::Huawei) {
        config.append(tr("Build cluster: %1").arg(cache->cluster));
        config.append(tr("Pull secrets: %1")
                          .arg(cache->imagePullSecrets.isEmpty()
                                   ? tr("none (public images only)")
                                   : cache->imagePullSecrets.join(QStringLiteral(", "))));
    } else {
        if (!cache->snapshotId.isEmpty())
            config.append(tr("Snapshot: %1").arg(cache->snapshotId));
        if (!cache->flashSnapshotId.isEmpty())
            config.append(tr("Local (instant) snapshot: %1").arg(cache->flashSnapshotId));
        config.append(tr("Elimination: %1")
                          .arg(cache->eliminationStrategy.isEmpty() ? tr("kept until it expires")
                                                                    : cache->eliminationStrategy));
        if (!cache->containerGroupId.isEmpty())
            config.append(tr("Build instance: %1").arg(cache->containerGroupId));
        if (!cache->resourceGroupId.isEmpty())
            config.append(tr("Resource group: %1").arg(cache->resourceGroupId));
    }
    m_config->setText(config.join(QLatin1Char('\n')));

    if (m_imageList->stringList() != cache->images)
        m_imageList->setStringList(cache->images);
    m_tagModel->setTags(cache->tags);
    m_eventModel->setEvents(cache->events);
    m_eventsEmpty->refresh();
    const QString raw = QString::fromUtf8(
        QJsonDocument(core::maskSecrets(cache->raw)).toJson(QJsonDocument::Indented));
    if (m_raw->toPlainText() != raw)
        m_raw->setPlainText(raw);

    if (m_tabs->currentIndex() == LayersTab && !m_layersRequested) {
        m_layersRequested = true;
        emit layersWanted(m_key);
    }
}

void CacheDetailPane::setLayers(const QString &cacheKey, const QList<core::ImageLayer> &layers)
{
    if (cacheKey != m_key)
        return;
    m_layerModel->setLayers(layers);
    m_layersNote->setText(layers.isEmpty()
                              ? tr("No base-image layers are known for these images.")
                              : tr("Base-image layers of the cached images (HSS). Ctrl+C copies "
                                   "the selected digest."));
}

void CacheDetailPane::copySelectedDigest()
{
    const QModelIndex current = m_layers->currentIndex();
    if (!current.isValid())
        return;
    const QString digest = m_layerModel->index(current.row(), 0).data().toString();
    QApplication::clipboard()->setText(digest);
}

} // namespace ui
