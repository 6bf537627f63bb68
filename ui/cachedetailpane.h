#pragma once

#include "core/imagecache.h"
#include "core/imageinfo.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QListView;
class QPlainTextEdit;
class QStringListModel;
class QTabWidget;
class QTableView;

namespace models {
class EventModel;
class LayerModel;
class TagModel;
} // namespace models

namespace ui {

class EmptyState;

// The selected cache in tabs: Overview (status, size, retention with expiry and time left,
// building config or snapshots), Images, Tags, Events, Layers (digest, OS; copy a digest) and
// the raw JSON (read-only, secrets masked). A poll that changes the cache updates the tabs in
// place; the current tab and the scroll positions stay.
class CacheDetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CacheDetailPane)
public:
    enum Tab { OverviewTab, ImagesTab, TagsTab, EventsTab, LayersTab, RawTab };

    explicit CacheDetailPane(QWidget *parent = nullptr);

    // nullptr clears the pane. `accountName` is the account's display name (the id when empty).
    void setCache(const core::ImageCache *cache, const QString &accountName = {});
    QString cacheKey() const { return m_key; }
    // Layers arrive asynchronously for the images of the shown cache.
    void setLayers(const QString &cacheKey, const QList<core::ImageLayer> &layers);
    QTabWidget *tabs() const { return m_tabs; }
    QTableView *eventsView() const { return m_events; }
    QTableView *tagsView() const { return m_tags; }
    QTableView *layersView() const { return m_layers; }

signals:
    void layersWanted(const QString &cacheKey);
    void imageActivated(const QString &imageReference);

private:
    void copySelectedDigest();
    QLabel *addField(QFormLayout *form, const QString &label);

    QString m_key;
    bool m_huawei = false; // the shown cache's cloud: CCE reports no events
    EmptyState *m_eventsEmpty = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_id = nullptr;
    QLabel *m_where = nullptr;
    QLabel *m_size = nullptr;
    QLabel *m_retention = nullptr;
    QLabel *m_expires = nullptr;
    QLabel *m_created = nullptr;
    QLabel *m_lastMatched = nullptr;
    QLabel *m_config = nullptr;
    QStringListModel *m_imageList = nullptr;
    QListView *m_images = nullptr;
    models::TagModel *m_tagModel = nullptr;
    QTableView *m_tags = nullptr;
    models::EventModel *m_eventModel = nullptr;
    QTableView *m_events = nullptr;
    models::LayerModel *m_layerModel = nullptr;
    QTableView *m_layers = nullptr;
    QLabel *m_layersNote = nullptr;
    QPlainTextEdit *m_raw = nullptr;
    bool m_layersRequested = false;
};

} // namespace ui
