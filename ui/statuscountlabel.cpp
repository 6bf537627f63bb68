#include "statuscountlabel.h"

#include "models/cachetablemodel.h"
#include "models/presentation.h"

namespace ui {

namespace {
// The order a user reads them in: what works, what is on its way, what needs attention.
constexpr core::CacheStatus Order[] = {
    core::CacheStatus::Ready,    core::CacheStatus::Creating, core::CacheStatus::Updating,
    core::CacheStatus::Deleting, core::CacheStatus::Failed,   core::CacheStatus::Unavailable,
    core::CacheStatus::Expired,  core::CacheStatus::Unknown,
};
constexpr int SettleMs = 200;
} // namespace

StatusCountLabel::StatusCountLabel(models::CacheTableModel *model, QWidget *parent)
    : QLabel(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("statusCounts"));
    m_recount.setSingleShot(true);
    m_recount.setInterval(SettleMs);
    connect(&m_recount, &QTimer::timeout, this, &StatusCountLabel::recount);
    const auto later = [this] {
        m_recount.start();
    };
    connect(model, &QAbstractItemModel::rowsInserted, this, later);
    connect(model, &QAbstractItemModel::rowsRemoved, this, later);
    connect(model, &QAbstractItemModel::modelReset, this, later);
    connect(model, &QAbstractItemModel::dataChanged, this, later);
    recount();
}

void StatusCountLabel::recount()
{
    const QHash<core::CacheStatus, int> counts = m_model->statusCounts();
    const int total = m_model->rowCount();
    setVisible(total > 0);
    if (total == 0)
        return;
    QStringList parts;
    for (const core::CacheStatus status : Order) {
        if (const int n = counts.value(status))
            parts.append(
                tr("%1 %2", "count, status").arg(n).arg(models::Presentation::statusText(status)));
    }
    const QString joined = parts.join(QStringLiteral(" · "));
    setText(total == 1 ? tr("1 cache: %1").arg(joined)
                       : tr("%n caches: %1", nullptr, total).arg(joined));
}

} // namespace ui
