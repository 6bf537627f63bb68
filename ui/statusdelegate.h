#pragma once

#include <QStyledItemDelegate>

namespace ui {

// Paints the status column: the model's icon and text, and for transitional caches only
// (creating, updating, deleting) a progress bar under them (determinate from ProgressRole 0..100,
// indeterminate for -2). Colours come from the palette so it stays legible in dark themes and when
// selected; the icon and text always carry the status, so colour is never the only signal.
class StatusDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusDelegate)
public:
    StatusDelegate(int progressRole, int statusRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Phase of the indeterminate animation, 0..1; the view advances it while any row is
    // indeterminate.
    void setIndeterminatePhase(qreal phase) { m_phase = phase; }

    static constexpr int NoProgress = -1;
    static constexpr int Indeterminate = -2;

private:
    int m_progressRole;
    int m_statusRole;
    qreal m_phase = 0;
};

} // namespace ui
