#pragma once

#include "core/cachespec.h"

#include <QDialog>
#include <QHash>
#include <QSet>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace models {
class ImageCheckModel;
}
namespace registry {
class ImagePreflight;
}

namespace ui {

// Where a cache can be created: one account in one region.
struct CacheTarget
{
    QString accountId;
    QString accountName;
    QString region;
    core::Provider provider = core::Provider::Huawei;
};

// Point-and-click create (and, for ECI, update) of an image cache. Every edit re-runs the
// provider's documented rules (core::CacheSpecValidator). A field's problems are shown once
// the user has left the field (or pressed OK, which then stays in the dialog): the field is
// tinted and its message, in plain words, appears in one message area of fixed height below
// the form, so no field moves while the user types.
//
// With an ImagePreflight, each image is also checked with its registry as it is entered (exists,
// platform available, the login works) and its sizes are shown; the size field suggests a size
// from the real decompressed total by the provider's rule. A failed check is named, never
// blocking: OK stays what the provider's rules make it.
class CreateCacheDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreateCacheDialog)
public:
    enum class Mode { Create, Update };

    CreateCacheDialog(Mode mode, const QList<CacheTarget> &targets, QWidget *parent = nullptr);

    // Known decompressed image sizes and existing names, for the size hint and uniqueness.
    void setValidationContext(const core::ValidationContext &context);
    // Checks the images with their registries from now on; the dialog takes ownership.
    void setImagePreflight(registry::ImagePreflight *preflight);
    registry::ImagePreflight *imagePreflight() const { return m_preflight; }
    // The size the provider's rule gives for the images' known decompressed sizes.
    std::optional<core::SizeSuggestion> sizeSuggestion() const { return m_suggestion; }
    // Update mode: fill the form from the cache being changed.
    void setCache(const core::ImageCache &cache);

    // Create mode, from the Coverage view: the account and region the cache is for, and the
    // images no cache covers.
    void prefill(const CacheTarget &target, const QStringList &images);

    CacheTarget target() const;
    core::CacheSpec spec() const;
    QList<core::FieldError> errors() const { return m_errors; }

    // Parses the image editor: one reference per line (also comma/space separated), blank lines
    // and '#' comments ignored, duplicates dropped, order kept.
    static QStringList parseImageLines(const QString &text);

    // OK: sends only a valid spec; otherwise shows every problem and focuses the first field.
    void accept() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildForm();
    void updateProviderFields();
    void revalidate();
    void updateSuggestion(const core::CacheSpec &current, const core::ValidationContext &context);
    void updatePreflightLogin();
    void updatePreflightPlatform();
    // The dialog's context with the registry's decompressed sizes of the checked images.
    core::ValidationContext checkedContext() const;
    void markField(QWidget *widget, const QString &message, const QString &field);
    bool isShown(const QWidget *widget) const;
    QWidget *widgetForField(const QString &field) const;
    core::Provider provider() const;

    Mode m_mode;
    QList<CacheTarget> m_targets;
    core::ValidationContext m_context;
    QList<core::FieldError> m_errors;
    QString m_updateId;

    QFormLayout *m_form = nullptr;
    QComboBox *m_target = nullptr;
    QLineEdit *m_name = nullptr;
    QPlainTextEdit *m_images = nullptr;
    QSpinBox *m_size = nullptr;
    QPushButton *m_useSuggested = nullptr;
    QLabel *m_sizeSuggestion = nullptr; // the rule and its figures; fixed height
    QSpinBox *m_retention = nullptr;
    QWidget *m_checksRow = nullptr;
    QTableView *m_checks = nullptr;
    QComboBox *m_platform = nullptr;
    models::ImageCheckModel *m_checkModel = nullptr;
    registry::ImagePreflight *m_preflight = nullptr;
    std::optional<core::SizeSuggestion> m_suggestion;

    QGroupBox *m_huaweiBox = nullptr;
    QLineEdit *m_cluster = nullptr;
    QPlainTextEdit *m_pullSecrets = nullptr;

    QGroupBox *m_alibabaBox = nullptr;
    QLineEdit *m_securityGroup = nullptr;
    QLineEdit *m_vSwitch = nullptr;
    QLineEdit *m_zone = nullptr;
    QLineEdit *m_eip = nullptr;
    QComboBox *m_elimination = nullptr;
    QCheckBox *m_flash = nullptr;
    QLineEdit *m_resourceGroup = nullptr;
    QPlainTextEdit *m_tags = nullptr;
    QLineEdit *m_registryServer = nullptr;
    QLineEdit *m_registryUser = nullptr;
    QLineEdit *m_registryPassword = nullptr;

    QLabel *m_errorList = nullptr; // errors and advice; its height never changes
    QList<QWidget *> m_fields;
    QSet<const QWidget *> m_touched;
    bool m_showAll = false; // OK was pressed
    QDialogButtonBox *m_buttons = nullptr;
    QList<QWidget *> m_marked;
};

} // namespace ui
