#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace models {
class RegistryLayerModel;
}
namespace registry {
class ImagePreflight;
}

namespace ui {

// A registry image's layers, as Docker Desktop's and dive's layer views show them: digest,
// compressed and uncompressed size, the command that made each layer, with the totals and the
// platform above. For the image selected in the Images view, or any reference typed in (look
// at nginx:1.27 before creating a cache). Asked through an ImagePreflight: a quick walk through
// the rows sends nothing until the selection rests, and an answer for an image no longer shown
// is dropped. The registry's code and message are shown when it fails.
class RegistryLayersPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistryLayersPanel)
public:
    explicit RegistryLayersPanel(QWidget *parent = nullptr);

    // The inspections go through `preflight` from now on; the panel takes ownership.
    void setPreflight(registry::ImagePreflight *preflight);
    // Shows `reference` (empty: nothing) and asks its registry.
    void showReference(const QString &reference);
    QString reference() const;
    // Inspect Image…: the reference field, ready to type in.
    void focusReference();
    // Copies the full digests of the selected layers (every layer when none is selected).
    void copyDigests() const;

    models::RegistryLayerModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLabel *summary() const { return m_summary; }

private:
    void inspectTyped();
    void update();

    registry::ImagePreflight *m_preflight = nullptr;
    models::RegistryLayerModel *m_model = nullptr;
    QLineEdit *m_reference = nullptr;
    QComboBox *m_platform = nullptr;
    QPushButton *m_inspect = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace ui
