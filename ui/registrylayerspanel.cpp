#include "registrylayerspanel.h"

#include "models/registrylayermodel.h"
#include "models/registrytext.h"
#include "registry/imagepreflight.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace ui {

using models::RegistryLayerModel;
using models::RegistryText;
using registry::ImageCheck;

RegistryLayersPanel::RegistryLayersPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new RegistryLayerModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *row = new QHBoxLayout;
    m_reference = new QLineEdit;
    m_reference->setObjectName(QStringLiteral("inspectReference"));
    m_reference->setPlaceholderText(tr("Any image reference, e.g. nginx:1.27"));
    m_reference->setClearButtonEnabled(true);
    auto *label = new QLabel(tr("I&mage:"));
    label->setBuddy(m_reference);
    m_platform = new QComboBox;
    m_platform->setObjectName(QStringLiteral("inspectPlatform"));
    m_platform->setEditable(true);
    m_platform->addItems({QStringLiteral("linux/amd64"), QStringLiteral("linux/arm64")});
    m_platform->setAccessibleName(tr("Platform"));
    m_platform->setToolTip(tr("The platform to show (os/arch[/variant])"));
    m_inspect = new QPushButton(tr("I&nspect"));
    m_inspect->setObjectName(QStringLiteral("inspectButton"));
    m_inspect->setToolTip(tr("Ask the image's registry for its layers, without pulling it"));
    row->addWidget(label);
    row->addWidget(m_reference, 1);
    row->addWidget(m_platform);
    row->addWidget(m_inspect);
    layout->addLayout(row);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("registrySummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(m_summary);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("registryLayers"));
    m_table->setAccessibleName(tr("Registry layers"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->setWordWrap(false);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copy = new QAction(tr("Copy &Digest"), m_table);
    copy->setObjectName(QStringLiteral("copyLayerDigest"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &RegistryLayersPanel::copyDigests);
    m_table->addAction(copy);
    layout->addWidget(m_table, 1);

    connect(m_reference, &QLineEdit::returnPressed, this, &RegistryLayersPanel::inspectTyped);
    connect(m_inspect, &QPushButton::clicked, this, &RegistryLayersPanel::inspectTyped);
    connect(m_platform, &QComboBox::activated, this, &RegistryLayersPanel::inspectTyped);
    update();
}

void RegistryLayersPanel::setPreflight(registry::ImagePreflight *preflight)
{
    m_preflight = preflight;
    if (preflight) {
        preflight->setParent(this);
        connect(preflight, &registry::ImagePreflight::changed, this, &RegistryLayersPanel::update);
    }
    update();
}

void RegistryLayersPanel::showReference(const QString &reference)
{
    m_reference->setText(reference);
    inspectTyped();
}

QString RegistryLayersPanel::reference() const
{
    return m_reference->text().trimmed();
}

void RegistryLayersPanel::focusReference()
{
    m_reference->setFocus(Qt::ShortcutFocusReason);
    m_reference->selectAll();
}

void RegistryLayersPanel::inspectTyped()
{
    if (!m_preflight)
        return;
    const auto platform = registry::Platform::parse(m_platform->currentText().trimmed());
    if (!platform.ok()) {
        m_summary->setText(platform.error().message);
        return;
    }
    m_preflight->setPlatform(platform.value());
    const QString text = reference();
    m_preflight->setImages(text.isEmpty() ? QStringList() : QStringList{text});
}

void RegistryLayersPanel::update()
{
    const auto check = m_preflight ? m_preflight->checks().value(0) : ImageCheck{};
    if (!m_preflight) {
        m_model->clear();
        m_summary->setText(tr("Registry details are not available here."));
        return;
    }
    if (check.image.isEmpty()) {
        m_model->clear();
        m_summary->setText(tr("Select a registry image, or type any reference and press "
                              "Enter, to see its layers."));
        return;
    }
    switch (check.state) {
    case ImageCheck::State::Waiting:
    case ImageCheck::State::Checking:
        m_model->clear();
        m_summary->setText(tr("Asking the registry of %1…").arg(check.image));
        return;
    case ImageCheck::State::Failed:
        m_model->clear();
        m_summary->setText(
            tr("%1: %2").arg(check.image, RegistryText::problem(check.kind, check.error)));
        return;
    case ImageCheck::State::Found:
        break;
    }
    const registry::ImageDetails &image = check.details;
    m_model->setImage(image);
    QString text
        = tr("%1 for %2 · %n layer(s) · %3 compressed · %4 uncompressed", nullptr,
             int(image.layers.size()))
              .arg(image.tag.isEmpty() ? image.name : image.name + u':' + image.tag,
                   image.platform.toString(), RegistryText::size(image.compressedSize(), false),
                   RegistryText::size(image.uncompressedSize(), image.uncompressedEstimated()));
    text += QLatin1Char('\n') + tr("Digest: %1").arg(image.digest);
    if (image.platforms.size() > 1)
        text += QLatin1Char('\n')
                + tr("Platforms: %1").arg(image.platforms.join(QStringLiteral(", ")));
    if (image.created.isValid())
        text += QLatin1Char('\n')
                + tr("Created: %1")
                      .arg(QLocale().toString(image.created.toLocalTime(), QLocale::ShortFormat));
    m_summary->setText(text);
}

void RegistryLayersPanel::copyDigests() const
{
    QList<int> rows;
    if (m_table->selectionModel()) {
        for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
            rows.append(index.row());
    }
    if (rows.isEmpty()) {
        for (int row = 0; row < m_model->rowCount(); ++row)
            rows.append(row);
    }
    std::sort(rows.begin(), rows.end());
    QStringList digests;
    for (int row : std::as_const(rows))
        digests.append(m_model->index(row, 0).data(RegistryLayerModel::DigestRole).toString());
    if (!digests.isEmpty())
        QApplication::clipboard()->setText(digests.join(QLatin1Char('\n')));
}

} // namespace ui
