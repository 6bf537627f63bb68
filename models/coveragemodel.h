#pragma once

#include "itemroles.h"
#include "workload/coverage.h"

#include <QAbstractTableModel>

namespace models {

// The answers of a coverage report, one row per workload × container × target (account and
// region): the cache that serves the container or "not covered" and why. A new report with
// the same rows (the usual re-evaluation after a poll) updates the rows in place.
class CoverageModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CoverageModel)
public:
    enum Column {
        Workload,
        Container,
        Image,
        Provider,
        Target,
        Coverage,
        CacheId,
        CacheName,
        Status,
        Expires,
        ColumnCount
    };
    enum Role {
        VerdictRole = Qt::UserRole + 100, // workload::Verdict as int
        ReasonRole,                       // workload::Reason as int
        AnnotationRole,                   // the annotation pinning the row's cache, or ""
    };

    explicit CoverageModel(QObject *parent = nullptr);
    ~CoverageModel() override;

    void setReport(const workload::CoverageReport &report);
    const workload::CoverageReport &report() const { return m_report; }
    void setNow(const QDateTime &now) { m_now = now; } // tests; invalid = the current time

    // "3 workloads · 5 images · 4 covered · 1 partial · 2 not covered" and the skipped/broken.
    QString summaryText() const;
    // The provider of `row`'s target, and its row's answer.
    const workload::TargetAnswer *targetAnswer(int row) const;
    int rowOf(const QString &workloadName, const QString &containerName,
              core::Provider provider) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        int workload;
        int container;
        int target; // -1: no target at all
    };
    static QList<Row> rowsOf(const workload::CoverageReport &report);
    QString rowKey(const workload::CoverageReport &report, const Row &row) const;

    workload::CoverageReport m_report;
    QList<Row> m_rows;
    QDateTime m_now;
};

} // namespace models
