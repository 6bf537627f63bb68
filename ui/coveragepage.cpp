#include "coveragepage.h"

#include "providers/completer.h"
#include "workload/manifestreader.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMimeData>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

CoveragePage::CoveragePage(SourceProvider sources, QWidget *parent)
    : QWidget(parent)
    , m_sources(std::move(sources))
    , m_evaluator(new workload::CoverageEvaluator(this))
    , m_model(new models::CoverageModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("coveragePage"));
    setAcceptDrops(true);

    const auto action
        = [this](const QString &name, const QString &text, const QKeySequence &key, auto slot) {
              auto *a = new QAction(text, this);
              a->setObjectName(name);
              a->setShortcut(key);
              a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
              connect(a, &QAction::triggered, this, slot);
              addAction(a);
              return a;
          };
    m_open = action(QStringLiteral("coverageOpen"), tr("&Open Manifests…"),
                    QKeySequence(tr("Ctrl+O")), &CoveragePage::chooseFiles);
    m_paste = action(QStringLiteral("coveragePaste"), tr("&Paste Manifest"),
                     QKeySequence(tr("Ctrl+Shift+V")), &CoveragePage::paste);
    m_create
        = action(QStringLiteral("coverageCreate"), tr("Create a Cache for the &Uncovered Images…"),
                 QKeySequence(tr("Ctrl+Shift+N")), &CoveragePage::createForUncovered);
    m_copyAnnotation = action(QStringLiteral("coverageCopyAnnotation"), tr("Copy the &Annotation"),
                              QKeySequence(tr("Ctrl+Shift+C")), &CoveragePage::copyAnnotation);
    auto *clearAction = action(QStringLiteral("coverageClear"), tr("C&lear"), QKeySequence(),
                               &CoveragePage::clear);

    auto *toolbar = new QHBoxLayout;
    for (QAction *a : {m_open, m_paste, m_create, m_copyAnnotation, clearAction}) {
        auto *button = new QToolButton;
        button->setDefaultAction(a);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        toolbar->addWidget(button);
    }
    toolbar->addStretch(1);
    auto *windowLabel = new QLabel(tr("Refuse caches that expire &within:"));
    m_expiresWithinDays = new QSpinBox;
    m_expiresWithinDays->setObjectName(QStringLiteral("expiresWithinDays"));
    m_expiresWithinDays->setRange(0, 3650);
    m_expiresWithinDays->setSuffix(tr(" days"));
    m_expiresWithinDays->setSpecialValueText(tr("expired only"));
    windowLabel->setBuddy(m_expiresWithinDays);
    toolbar->addWidget(windowLabel);
    toolbar->addWidget(m_expiresWithinDays);
    connect(m_expiresWithinDays, &QSpinBox::valueChanged, this, &CoveragePage::scheduleEvaluation);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("coverageSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems = new QLabel;
    m_problems->setObjectName(QStringLiteral("coverageProblems"));
    m_problems->setWordWrap(true);
    m_problems->setVisible(false);
    m_empty
        = new QLabel(tr("Open Kubernetes manifests (YAML, JSON, kubectl get -o yaml), a Compose "
                        "file or a list of images (Ctrl+O), paste one (Ctrl+Shift+V) or drop "
                        "files here: each container is matched against the caches of every "
                        "account and region."));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(models::SortRole);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("coverageTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &CoveragePage::updateActions);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(toolbar);
    layout->addWidget(m_summary);
    layout->addWidget(m_problems);
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_table, 1);
    m_table->setVisible(false);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &CoveragePage::evaluate);
    updateActions();
}

CoveragePage::~CoveragePage() = default;

void CoveragePage::openFiles(const QStringList &paths)
{
    for (const QString &path : paths)
        m_manifests.append(workload::ManifestReader::readFile(path));
    evaluate();
}

void CoveragePage::addText(const QByteArray &text, const QString &label)
{
    m_manifests.append(workload::ManifestReader::read(text, label));
    evaluate();
}

void CoveragePage::clear()
{
    m_manifests = {};
    m_model->setReport({});
    m_problems->clear();
    m_problems->setVisible(false);
    m_summary->clear();
    m_table->setVisible(false);
    m_empty->setVisible(true);
    updateActions();
}

void CoveragePage::scheduleEvaluation()
{
    if (!m_manifests.workloads.isEmpty() || !m_manifests.problems.isEmpty())
        m_debounce->start();
}

void CoveragePage::evaluate()
{
    if (m_evaluating) {
        m_again = true;
        return;
    }
    m_evaluating = true;
    workload::CoverageOptions options;
    options.expiresWithinSeconds = qint64(m_expiresWithinDays->value()) * 86400;
    const QFuture<workload::CoverageReport> future = m_evaluator->evaluate(
        m_manifests, m_sources ? m_sources() : QList<workload::CoverageSource>{}, options);
    providers::whenFinished(future, this, [this](const workload::CoverageReport &report) {
        m_evaluating = false;
        m_model->setReport(report);
        m_summary->setText(m_model->summaryText());
        QStringList problems;
        for (const workload::ManifestProblem &p : report.manifests.problems)
            problems.append(tr("%1, document %2, line %3: %4")
                                .arg(p.file)
                                .arg(p.document)
                                .arg(p.line)
                                .arg(p.message));
        problems += report.targetErrors;
        m_problems->setText(problems.join(QLatin1Char('\n')));
        m_problems->setVisible(!problems.isEmpty());
        m_empty->setVisible(m_model->rowCount() == 0);
        m_table->setVisible(m_model->rowCount() > 0);
        if (m_model->rowCount() > 0 && !m_table->currentIndex().isValid())
            m_table->setCurrentIndex(m_proxy->index(0, 0));
        m_table->resizeColumnsToContents();
        updateActions();
        emit evaluated();
        if (m_again) {
            m_again = false;
            evaluate();
        }
    });
}

int CoveragePage::currentRow() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_proxy->mapToSource(current).row() : -1;
}

void CoveragePage::updateActions()
{
    const workload::TargetAnswer *answer = m_model->targetAnswer(currentRow());
    m_copyAnnotation->setEnabled(answer && answer->cache);
    bool uncovered = false;
    for (core::Provider p : {core::Provider::Huawei, core::Provider::Alibaba})
        uncovered = uncovered || !m_model->report().uncoveredImages(p).isEmpty();
    m_create->setEnabled(uncovered && !m_model->report().targets.isEmpty());
}

void CoveragePage::chooseFiles()
{
    const QStringList paths
        = QFileDialog::getOpenFileNames(this, tr("Open Manifests"), QString(),
                                        tr("Manifests (*.yaml *.yml *.json *.txt);;All files (*)"));
    if (!paths.isEmpty())
        openFiles(paths);
}

void CoveragePage::paste()
{
    const QString text = QApplication::clipboard()->text();
    if (text.trimmed().isEmpty()) {
        emit message(tr("The clipboard holds no text to evaluate."));
        return;
    }
    addText(text.toUtf8(), tr("pasted text %1").arg(++m_pasteCount));
}

void CoveragePage::createForUncovered()
{
    // The provider of the selected row's target, else the first with uncovered images.
    const workload::TargetAnswer *answer = m_model->targetAnswer(currentRow());
    QList<core::Provider> order;
    if (answer)
        order.append(answer->target.provider);
    order += {core::Provider::Alibaba, core::Provider::Huawei};
    for (core::Provider provider : std::as_const(order)) {
        const QStringList images = m_model->report().uncoveredImages(provider);
        if (!images.isEmpty()) {
            emit createCacheRequested(provider, images);
            return;
        }
    }
}

void CoveragePage::copyAnnotation()
{
    const workload::TargetAnswer *answer = m_model->targetAnswer(currentRow());
    if (!answer || !answer->cache)
        return;
    QApplication::clipboard()->setText(answer->annotation);
    emit message(tr("Copied %1").arg(answer->annotation));
}

void CoveragePage::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() || event->mimeData()->hasText())
        event->acceptProposedAction();
}

void CoveragePage::dropEvent(QDropEvent *event)
{
    const QMimeData *mime = event->mimeData();
    QStringList paths;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    if (!paths.isEmpty())
        openFiles(paths);
    else if (mime->hasText())
        addText(mime->text().toUtf8(), tr("dropped text"));
    else
        return;
    event->acceptProposedAction();
}

} // namespace ui
