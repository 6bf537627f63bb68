#pragma once

#include "models/coveragemodel.h"
#include "workload/coverageevaluator.h"

#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;
class QTimer;

namespace ui {

// The Coverage view: manifests opened, pasted or dropped here are evaluated against every
// account and region of the console (workload::CoverageEvaluator, the rule the CLI uses), and
// evaluated again whenever the caches change. Keyboard first: Ctrl+O opens files,
// Ctrl+Shift+V pastes, Ctrl+Shift+N creates a cache for the uncovered images, Ctrl+Shift+C
// copies the annotation that pins the selected row's cache.
class CoveragePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CoveragePage)
public:
    using SourceProvider = std::function<QList<workload::CoverageSource>()>;

    explicit CoveragePage(SourceProvider sources, QWidget *parent = nullptr);
    ~CoveragePage() override;

    models::CoverageModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QAction *openAction() const { return m_open; }
    QAction *pasteAction() const { return m_paste; }
    QAction *createAction() const { return m_create; }
    QAction *copyAnnotationAction() const { return m_copyAnnotation; }
    QLabel *summaryLabel() const { return m_summary; }

    void openFiles(const QStringList &paths);
    void addText(const QByteArray &text, const QString &label);
    void clear();
    // Re-evaluates soon (coalesced): called when the caches change.
    void scheduleEvaluation();
    bool isEvaluating() const { return m_evaluating; }

signals:
    // The uncovered images of `provider`, for the create dialog.
    void createCacheRequested(core::Provider provider, const QStringList &images);
    void message(const QString &text);
    void evaluated();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void evaluate();
    void updateActions();
    void chooseFiles();
    void paste();
    void createForUncovered();
    void copyAnnotation();
    int currentRow() const;

    SourceProvider m_sources;
    workload::ManifestSet m_manifests;
    workload::CoverageEvaluator *m_evaluator;
    models::CoverageModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_problems = nullptr;
    QLabel *m_empty = nullptr;
    QSpinBox *m_expiresWithinDays = nullptr;
    QTimer *m_debounce = nullptr;
    QAction *m_open = nullptr;
    QAction *m_paste = nullptr;
    QAction *m_create = nullptr;
    QAction *m_copyAnnotation = nullptr;
    bool m_evaluating = false;
    bool m_again = false;
    int m_pasteCount = 0;
};

} // namespace ui
