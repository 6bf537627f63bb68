#include "statusdelegate.h"

#include "core/cachestatus.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace ui {

StatusDelegate::StatusDelegate(int progressRole, int statusRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_progressRole(progressRole)
    , m_statusRole(statusRole)
{}

void StatusDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                           const QModelIndex &index) const
{
    // A finished cache keeps its last percentage (Ready 100%, Failed 80%): no bar for it.
    const auto status = core::CacheStatus(index.data(m_statusRole).toInt());
    const QVariant progressValue = index.data(m_progressRole);
    const int progress = progressValue.isValid() ? progressValue.toInt() : NoProgress;
    if (progress == NoProgress || !core::isTransitional(status)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }

    // Icon and text in the upper part, the bar in a thin strip at the bottom.
    QStyleOptionViewItem textOption = option;
    initStyleOption(&textOption, index);
    const int barHeight = qMax(4, option.rect.height() / 5);
    if (progress >= 0)
        textOption.text += QStringLiteral(" %1%").arg(progress);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &textOption, painter, widget);

    const QRect bar = option.rect.adjusted(4, option.rect.height() - barHeight - 2, -4, -2);
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &pal = option.palette;
    const QColor track = selected ? pal.highlightedText().color() : pal.mid().color();
    const QColor fill = selected ? pal.highlightedText().color() : pal.highlight().color();

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor trackColor = track;
    trackColor.setAlphaF(0.35);
    QPainterPath trackPath;
    trackPath.addRoundedRect(bar, barHeight / 2.0, barHeight / 2.0);
    painter->fillPath(trackPath, trackColor);

    QRectF filled = bar;
    if (progress >= 0) {
        filled.setWidth(bar.width() * qBound(0, progress, 100) / 100.0);
    } else {
        // Indeterminate: a third-width segment sliding across.
        const qreal w = bar.width() / 3.0;
        filled = QRectF(bar.left() + (bar.width() - w) * m_phase, bar.top(), w, bar.height());
    }
    QPainterPath fillPath;
    fillPath.addRoundedRect(filled, barHeight / 2.0, barHeight / 2.0);
    painter->fillPath(fillPath, fill);
    painter->restore();
}

QSize StatusDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(size.height() + 6);
    size.setWidth(qMax(size.width() + 40, 140));
    return size;
}

} // namespace ui
