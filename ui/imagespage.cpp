#include "imagespage.h"

#include "emptystate.h"
#include "registrylayerspanel.h"
#include "viewexport.h"

#include "models/cachefilterproxymodel.h"
#include "models/imagetablemodel.h"
#include "models/itemroles.h"
#include "models/layermodel.h"
#include "models/presentation.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace ui {

using models::ImageTableModel;

ImagesPage::ImagesPage(ImageTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new models::CacheFilterProxyModel(this))
{
    m_proxy->setSourceModel(model);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_filter = new QLineEdit;
    m_filter->setPlaceholderText(tr("Filter by name, version, digest or ID (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("imageTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(0, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionsMovable(true);
    // Digests and registry paths differ at both ends: cut them in the middle. Long OS
    // strings get a sensible width instead of taking the row's space.
    m_table->setTextElideMode(Qt::ElideMiddle);
    {
        using Column = models::ImageTableModel;
        const QFontMetrics metrics = m_table->fontMetrics();
        const auto width = [&metrics](int characters) {
            return metrics.horizontalAdvance(QLatin1Char('0')) * characters + 16;
        };
        m_table->setColumnWidth(Column::Name, width(28));
        m_table->setColumnWidth(Column::Digest, width(24));
        m_table->setColumnWidth(Column::Size, width(10));
        m_table->setColumnWidth(Column::Os, width(14));
        m_table->setColumnWidth(Column::Status, width(10));
    }

    auto *detail = new QSplitter(Qt::Horizontal);
    m_details = new QPlainTextEdit;
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setPlaceholderText(tr("Select an image to see its details."));
    m_layerModel = new models::LayerModel(this);
    m_layers = new QTableView;
    m_layers->setModel(m_layerModel);
    m_layers->verticalHeader()->hide();
    m_layers->horizontalHeader()->setStretchLastSection(true);
    m_layers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_registry = new RegistryLayersPanel;
    m_layerTabs = new QTabWidget;
    m_layerTabs->setObjectName(QStringLiteral("layerTabs"));
    m_layerTabs->addTab(m_layers, tr("&Base-image layers"));
    m_layerTabs->addTab(m_registry, tr("&Registry layers"));
    m_layerTabs->setTabToolTip(0, tr("The base-image layers HSS found (Huawei registry images)"));
    m_layerTabs->setTabToolTip(1, tr("Each layer of the image as its registry describes it: "
                                     "digest, sizes and the command that made it"));
    connect(m_layerTabs, &QTabWidget::currentChanged, this, &ImagesPage::updateRegistryLayers);
    detail->addWidget(m_details);
    detail->addWidget(m_layerTabs);

    m_splitter = new QSplitter(Qt::Vertical);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    layout->addWidget(m_splitter, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &models::CacheFilterProxyModel::setFilterText);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ImagesPage::updateDetail);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ImagesPage::updateDetail);

    auto *empty = new EmptyState(m_table, [this]() -> QString {
        if (!m_filter->text().isEmpty() && m_model->rowCount() > 0)
            return tr("No images match “%1” (%n hidden by the filter).\nClear the filter to "
                      "see them all.",
                      nullptr, m_model->rowCount())
                .arg(m_filter->text());
        return tr("No images listed.\nThe Images view lists Huawei HSS and Alibaba E-HPC "
                  "images of your accounts: press F5 to list them again, and check that the "
                  "account may use HSS or E-HPC in this region.");
    });
    connect(m_filter, &QLineEdit::textChanged, empty, &EmptyState::refresh);
}

void ImagesPage::setScope(const QString &accountId, const QString &region)
{
    m_proxy->setAccountFilter(accountId);
    m_proxy->setRegionFilter(region);
}

void ImagesPage::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void ImagesPage::copySelection() const
{
    const ViewSnapshot snapshot = ViewSnapshot::take(m_table, true);
    if (!snapshot.rows.isEmpty())
        QApplication::clipboard()->setText(snapshot.toTsv(true));
}

bool ImagesPage::selectReference(const QString &reference)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const core::ImageInfo *image
            = m_model->imageByKey(m_proxy->index(row, 0).data(models::KeyRole).toString());
        if (!image)
            continue;
        const QString tagged = image->name + QLatin1Char(':') + image->version;
        if (reference == tagged || reference.endsWith(QLatin1Char('/') + tagged)
            || reference == image->id) {
            m_table->selectRow(row);
            m_table->scrollTo(m_proxy->index(row, 0));
            return true;
        }
    }
    return false;
}

void ImagesPage::updateDetail()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const core::ImageInfo *image
        = current.isValid() ? m_model->imageByKey(current.data(models::KeyRole).toString())
                            : nullptr;
    if (!image) {
        m_shownKey.clear();
        m_details->clear();
        m_layerModel->setLayers({});
        m_selectedReference.clear();
        return;
    }
    const QString key = ImageTableModel::keyOf(*image);
    const bool changed = key != m_shownKey;
    m_shownKey = key;
    showDetails(*image);
    if (changed)
        emit detailsWanted(*image);
}

void ImagesPage::showDetails(const core::ImageInfo &image)
{
    if (ImageTableModel::keyOf(image) != m_shownKey)
        return;
    m_details->setPlainText(describe(image));
    m_layerModel->setLayers(image.layers);
    // E-HPC names its registry image in the details, so the reference may arrive only now.
    m_selectedReference = ImageTableModel::registryReference(image);
    updateRegistryLayers();
}

void ImagesPage::setRegistryInspection(registry::ImagePreflight *preflight)
{
    m_registry->setPreflight(preflight);
    m_askedReference.clear();
    updateRegistryLayers();
}

void ImagesPage::updateRegistryLayers()
{
    if (m_layerTabs->currentWidget() != m_registry || m_selectedReference.isEmpty()
        || m_selectedReference == m_askedReference)
        return;
    m_askedReference = m_selectedReference;
    m_registry->showReference(m_selectedReference);
}

void ImagesPage::inspectImage()
{
    m_layerTabs->setCurrentWidget(m_registry);
    m_registry->focusReference();
}

QString ImagesPage::describe(const core::ImageInfo &image)
{
    using models::Presentation;
    QStringList lines;
    const auto add = [&](const QString &label, const QString &value) {
        if (!value.isEmpty())
            lines.append(label + QStringLiteral(": ") + value);
    };
    add(tr("Name"), image.name);
    add(tr("Version"), image.version);
    add(tr("ID"), image.id);
    add(tr("Cloud"), Presentation::providerName(image.provider));
    add(tr("Region"), image.region);
    add(tr("Type"), models::ImageTableModel::typeName(image.imageType));
    add(tr("Category"), image.category);
    add(tr("Namespace"), image.namespaceName);
    add(tr("Registry"), image.registryName);
    add(tr("Digest"), image.digest);
    const qint64 bytes = models::ImageTableModel::sizeInBytes(image);
    add(tr("Size"), bytes >= 0 ? Presentation::bytes(bytes) : image.sizeText);
    add(tr("Created"), Presentation::dateTime(image.created));
    add(tr("Description"), image.description);
    add(tr("OS"), image.osTag);
    if (image.hasContainerSpec) {
        const core::ContainerImageSpec &spec = image.containerSpec;
        lines.append(QString());
        lines.append(tr("Container image"));
        add(tr("  Registry URL"), spec.registryUrl);
        add(tr("  ACR registry"), spec.isAcrRegistry ? tr("yes") : tr("no"));
        add(tr("  ACR Enterprise"), spec.isAcrEnterprise ? tr("yes") : tr("no"));
        add(tr("  ACR instance"), spec.registryCriId);
        add(tr("  Registry server"), spec.credential.server);
        add(tr("  Registry user"), spec.credential.userName);
        if (spec.credential.hasPassword)
            add(tr("  Registry password"), tr("(set, hidden)"));
        add(tr("  OS"), spec.osTag);
        add(tr("  Platform"), spec.platform);
        add(tr("  Architecture"), spec.architecture);
    }
    if (image.hasVmSpec) {
        const core::VmImageSpec &spec = image.vmSpec;
        lines.append(QString());
        lines.append(tr("VM image"));
        add(tr("  Image ID"), spec.imageId);
        add(tr("  OS"), spec.osTag);
        add(tr("  Platform"), spec.platform);
        add(tr("  Architecture"), spec.architecture);
    }
    for (const core::AdditionalRegionInfo &region : image.additionalRegions)
        add(tr("Also in"),
            QStringLiteral("%1 %2 %3").arg(region.regionId, region.imageId, region.status));
    if (image.provider == core::Provider::Huawei) {
        lines.append(QString());
        lines.append(image.layers.isEmpty()
                         ? tr("Base-image layers: loading or none known.")
                         : tr("Base-image layers: %n", nullptr, int(image.layers.size())));
    }
    return lines.join(QLatin1Char('\n'));
}

void ImagesPage::saveState(QSettings &settings) const
{
    settings.setValue(QStringLiteral("Images/HeaderState"),
                      m_table->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("Images/SplitterState"), m_splitter->saveState());
}

void ImagesPage::restoreState(const QSettings &settings)
{
    const QByteArray header = settings.value(QStringLiteral("Images/HeaderState")).toByteArray();
    if (!header.isEmpty())
        m_table->horizontalHeader()->restoreState(header);
    const QByteArray splitter
        = settings.value(QStringLiteral("Images/SplitterState")).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
}

} // namespace ui
