#pragma once

#include "itemroles.h"

#include "core/imagecache.h"

#include <QAbstractTableModel>
#include <QList>

namespace models {

// The events of the selected image cache (Alibaba Events[], and the state changes the console
// records for Huawei). Warnings stand out by icon and colour.
class EventModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventModel)

public:
    enum Column { Type, Reason, Message, Count, First, Last, ColumnCount };
    Q_ENUM(Column)

    static constexpr int SortRole = models::SortRole;

    explicit EventModel(QObject *parent = nullptr);
    ~EventModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Replaces the list; an equal list emits nothing, so a poll does not reset the pane.
    void setEvents(const QList<core::CacheEvent> &events);
    const QList<core::CacheEvent> &events() const { return m_events; }

    static bool isWarning(const core::CacheEvent &event);

private:
    QList<core::CacheEvent> m_events;
};

} // namespace models
