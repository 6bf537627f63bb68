#include "coveragemodel.h"

#include "presentation.h"

#include <QBrush>
#include <QColor>

namespace models {

CoverageModel::CoverageModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

CoverageModel::~CoverageModel() = default;

QList<CoverageModel::Row> CoverageModel::rowsOf(const workload::CoverageReport &report)
{
    QList<Row> rows;
    for (int w = 0; w < report.answers.size(); ++w) {
        const workload::WorkloadAnswer &answer = report.answers.at(w);
        for (int c = 0; c < answer.workload.containers.size(); ++c) {
            if (answer.targets.isEmpty())
                rows.append({w, c, -1});
            for (int t = 0; t < answer.targets.size(); ++t)
                rows.append({w, c, t});
        }
    }
    return rows;
}

QString CoverageModel::rowKey(const workload::CoverageReport &report, const Row &row) const
{
    const workload::WorkloadAnswer &answer = report.answers.at(row.workload);
    QString key = answer.workload.file + QLatin1Char('#') + QString::number(answer.workload.line)
                  + QLatin1Char('/') + QString::number(row.container);
    if (row.target >= 0) {
        const workload::CoverageTarget &t = answer.targets.at(row.target).target;
        key += QLatin1Char('/') + t.accountId + QLatin1Char('/') + t.region;
    }
    return key;
}

void CoverageModel::setReport(const workload::CoverageReport &report)
{
    const QList<Row> rows = rowsOf(report);
    bool same = rows.size() == m_rows.size();
    for (qsizetype i = 0; same && i < rows.size(); ++i)
        same = rowKey(report, rows.at(i)) == rowKey(m_report, m_rows.at(i));
    if (!same) {
        beginResetModel();
        m_report = report;
        m_rows = rows;
        endResetModel();
        return;
    }
    m_report = report;
    m_rows = rows;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

const workload::TargetAnswer *CoverageModel::targetAnswer(int row) const
{
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).target < 0)
        return nullptr;
    const Row &r = m_rows.at(row);
    return &m_report.answers.at(r.workload).targets.at(r.target);
}

int CoverageModel::rowOf(const QString &workloadName, const QString &containerName,
                         core::Provider provider) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &r = m_rows.at(i);
        const workload::WorkloadAnswer &answer = m_report.answers.at(r.workload);
        if (answer.workload.name == workloadName
            && answer.workload.containers.at(r.container).name == containerName && r.target >= 0
            && answer.targets.at(r.target).target.provider == provider)
            return i;
    }
    return -1;
}

QString CoverageModel::summaryText() const
{
    return m_report.summaryText();
}

int CoverageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CoverageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CoverageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const workload::WorkloadAnswer &answer = m_report.answers.at(r.workload);
    const workload::Workload &w = answer.workload;
    const workload::Container &c = w.containers.at(r.container);
    const workload::TargetAnswer *t = r.target >= 0 ? &answer.targets.at(r.target) : nullptr;
    const workload::ContainerAnswer a
        = t ? t->containers.value(r.container) : answer.best(r.container);
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();

    if (role == VerdictRole)
        return int(a.verdict);
    if (role == ReasonRole)
        return int(a.reason);
    if (role == AnnotationRole)
        return t && t->cache ? t->annotation : QString();
    if (role == Qt::ForegroundRole && index.column() == Coverage) {
        switch (a.verdict) {
        case workload::Verdict::Covered:
            return QBrush(QColor(0x2e, 0x7d, 0x32));
        case workload::Verdict::Partial:
            return QBrush(QColor(0xb2, 0x6a, 0x00));
        case workload::Verdict::NotCovered:
            return QBrush(QColor(0xc6, 0x28, 0x28));
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == Workload)
            return tr("%1, document %2, line %3").arg(w.file).arg(w.document).arg(w.line);
        if (index.column() == Image)
            return c.normalized.isEmpty() ? c.problem : c.normalized;
        if (index.column() == Coverage) {
            QStringList lines{a.detail};
            if (t && !t->silentPullNote.isEmpty())
                lines.append(t->silentPullNote);
            lines.removeAll(QString());
            return lines.join(QLatin1Char('\n'));
        }
        return {};
    }
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const std::optional<core::ImageCache> &cache = t ? t->cache : std::nullopt;
    switch (index.column()) {
    case Workload:
        return w.label();
    case Container:
        return c.name;
    case Image:
        return c.image;
    case Provider:
        return t ? Presentation::providerName(t->target.provider) : QString();
    case Target:
        return t ? t->target.label() : tr("no account");
    case Coverage: {
        if (role == SortRole)
            return int(a.verdict);
        QString text = workload::verdictText(a.verdict);
        if (a.reason != workload::Reason::None)
            text += QStringLiteral(": ") + workload::reasonText(a.reason);
        return text;
    }
    case CacheId:
        return cache ? cache->id : QString();
    case CacheName:
        return cache ? cache->name : QString();
    case Status:
        return cache ? Presentation::statusText(cache->status) : QString();
    case Expires:
        if (!cache)
            return QString();
        if (role == SortRole)
            return cache->retentionDays == 0 ? QDateTime() : cache->expires;
        return workload::expiryText(*cache, now);
    }
    return {};
}

QVariant CoverageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Workload:
        return tr("Workload");
    case Container:
        return tr("Container");
    case Image:
        return tr("Image");
    case Provider:
        return tr("Cloud");
    case Target:
        return tr("Account / Region");
    case Coverage:
        return tr("Coverage");
    case CacheId:
        return tr("Cache ID");
    case CacheName:
        return tr("Cache");
    case Status:
        return tr("Status");
    case Expires:
        return tr("Expires");
    }
    return {};
}

} // namespace models
