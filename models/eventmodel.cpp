#include "eventmodel.h"

#include "presentation.h"

namespace models {

EventModel::EventModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

EventModel::~EventModel() = default;

int EventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int EventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool EventModel::isWarning(const core::CacheEvent &event)
{
    return event.type.compare(QLatin1String("Warning"), Qt::CaseInsensitive) == 0;
}

QVariant EventModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= rowCount()
        || index.column() >= ColumnCount)
        return {};
    const core::CacheEvent &event = m_events[index.row()];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Type:
            if (isWarning(event))
                return tr("Warning", "event type");
            if (event.type.compare(QLatin1String("Normal"), Qt::CaseInsensitive) == 0)
                return tr("Normal", "event type");
            return event.type;
        case Reason:
            return event.reason;
        case Message:
            return event.message.section(QLatin1Char('\n'), 0, 0).simplified();
        case Count:
            return event.count > 0 ? QString::number(event.count) : QString();
        case First:
            return Presentation::dateTime(event.firstTimestamp);
        case Last:
            return Presentation::dateTime(event.lastTimestamp);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (column == Message && !event.message.isEmpty())
            return event.message;
        return {};
    case Qt::DecorationRole:
        if (column == Type && isWarning(event))
            return Presentation::warningIcon();
        return {};
    case Qt::ForegroundRole:
        if (isWarning(event))
            return Presentation::warningColor();
        return {};
    case Qt::TextAlignmentRole:
        if (column == Count)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (column) {
        case Type:
            return event.type;
        case Reason:
            return event.reason;
        case Message:
            return event.message;
        case Count:
            return event.count;
        case First:
            return event.firstTimestamp.isValid() ? QVariant(event.firstTimestamp) : QVariant();
        case Last:
            return event.lastTimestamp.isValid() ? QVariant(event.lastTimestamp) : QVariant();
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant EventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Type:
        return tr("Type", "event type");
    case Reason:
        return tr("Reason", "event reason");
    case Message:
        return tr("Message", "event message");
    case Count:
        return tr("Count", "how many times the event occurred");
    case First:
        return tr("First Seen", "event first timestamp");
    case Last:
        return tr("Last Seen", "event last timestamp");
    default:
        return {};
    }
}

void EventModel::setEvents(const QList<core::CacheEvent> &events)
{
    if (events == m_events)
        return;
    beginResetModel();
    m_events = events;
    endResetModel();
}

} // namespace models
