#pragma once

#include "core/imageinfo.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSettings;
class QSplitter;
class QTabWidget;
class QTableView;

namespace models {
class CacheFilterProxyModel;
class ImageTableModel;
class LayerModel;
} // namespace models

namespace registry {
class ImagePreflight;
}

namespace ui {

class RegistryLayersPanel;

// The "Images" view: Huawei HSS registry images (with their base-image layers) and Alibaba
// E-HPC Instant images (with their container or VM spec). The registry password of a
// container image is never shown, only that one is set. The "Registry layers" tab asks the
// image's registry (a registry image of either cloud, or any reference typed in) for its layers;
// only while that tab is shown, so browsing the list sends nothing to registries.
class ImagesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImagesPage)
public:
    ImagesPage(models::ImageTableModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    void setScope(const QString &accountId, const QString &region);
    void focusFilter();
    void copySelection() const;
    // Selects the image whose reference (name:version) matches, e.g. from a cache's Images tab.
    bool selectReference(const QString &reference);
    // Full details arrived (E-HPC GetImage, HSS layers).
    void showDetails(const core::ImageInfo &image);
    // The registry layer detail asks through `preflight` (the page takes ownership).
    void setRegistryInspection(registry::ImagePreflight *preflight);
    RegistryLayersPanel *registryLayers() const { return m_registry; }
    // Images ▸ Inspect Image…: the registry tab, its reference field focused.
    void inspectImage();

    void saveState(QSettings &settings) const;
    void restoreState(const QSettings &settings);

signals:
    void detailsWanted(const core::ImageInfo &image);

private:
    void updateDetail();
    void updateRegistryLayers();
    static QString describe(const core::ImageInfo &image);

    models::ImageTableModel *m_model;
    models::CacheFilterProxyModel *m_proxy;
    QLineEdit *m_filter = nullptr;
    QTableView *m_table = nullptr;
    QPlainTextEdit *m_details = nullptr;
    models::LayerModel *m_layerModel = nullptr;
    QTableView *m_layers = nullptr;
    QSplitter *m_splitter = nullptr;
    QTabWidget *m_layerTabs = nullptr;
    RegistryLayersPanel *m_registry = nullptr;
    QString m_shownKey;
    QString m_selectedReference; // the selected row's registry reference
    QString m_askedReference;    // the last one handed to the registry tab
};

} // namespace ui
