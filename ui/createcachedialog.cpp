#include "createcachedialog.h"

#include "models/imagecheckmodel.h"
#include "models/presentation.h"
#include "models/registrytext.h"
#include "registry/imagepreflight.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace ui {

namespace {

constexpr int MaxShown = 3; // messages in the message area; more are counted

QPlainTextEdit *lineListEditor(const QString &placeholder)
{
    auto *edit = new QPlainTextEdit;
    edit->setPlaceholderText(placeholder);
    edit->setTabChangesFocus(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setMinimumHeight(70);
    return edit;
}

QStringList nonEmptyLines(const QString &text)
{
    QStringList lines;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            lines.append(trimmed);
    }
    return lines;
}

// A string field of the provider's JSON; a list (VSwitchId may come as one) joined by commas.
QString rawText(const QJsonObject &raw, const char *key)
{
    const QJsonValue value = raw.value(QLatin1String(key));
    if (!value.isArray())
        return value.toString();
    QStringList parts;
    for (const QJsonValue &part : value.toArray())
        parts.append(part.toString());
    return parts.join(QLatin1Char(','));
}

} // namespace

CreateCacheDialog::CreateCacheDialog(Mode mode, const QList<CacheTarget> &targets, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_targets(targets)
{
    setWindowTitle(mode == Mode::Create ? tr("New Image Cache") : tr("Update Image Cache"));
    buildForm();
    updateProviderFields();
    revalidate();
}

QStringList CreateCacheDialog::parseImageLines(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    QStringList images;
    for (QString line : text.split(QLatin1Char('\n'))) {
        const int comment = line.indexOf(QLatin1Char('#'));
        if (comment >= 0)
            line.truncate(comment);
        for (const QString &part : line.split(separators, Qt::SkipEmptyParts)) {
            if (!images.contains(part))
                images.append(part);
        }
    }
    return images;
}

void CreateCacheDialog::buildForm()
{
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_form = form;
    layout->addLayout(form);

    m_target = new QComboBox;
    for (const CacheTarget &t : std::as_const(m_targets)) {
        const QString provider
            = t.provider == core::Provider::Huawei ? tr("Huawei Cloud") : tr("Alibaba Cloud");
        m_target->addItem(tr("%1 — %2 (%3)").arg(t.accountName, t.region, provider));
    }
    m_target->setEnabled(m_mode == Mode::Create);
    form->addRow(tr("&Account and region:"), m_target);

    m_name = new QLineEdit;
    m_name->setPlaceholderText(tr("lowercase letters, digits and hyphens"));
    form->addRow(tr("&Name:"), m_name);

    m_images = lineListEditor(
        tr("One image per line, e.g.\nnginx:1.25\nswr.cn-north-4.myhuaweicloud.com/team/app:v1"));
    form->addRow(tr("&Images:"), m_images);

    // The registry's answer per image line; shown once a preflight is attached. Its height is
    // fixed, so rows coming and going move nothing below it.
    m_checksRow = new QWidget;
    auto *checksLayout = new QVBoxLayout(m_checksRow);
    checksLayout->setContentsMargins(0, 0, 0, 0);
    m_checkModel = new models::ImageCheckModel(this);
    m_checks = new QTableView;
    m_checks->setObjectName(QStringLiteral("imageChecks"));
    m_checks->setAccessibleName(tr("Registry checks of the images"));
    m_checks->setModel(m_checkModel);
    m_checks->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_checks->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_checks->setTabKeyNavigation(false);
    m_checks->setWordWrap(false);
    m_checks->setTextElideMode(Qt::ElideMiddle);
    m_checks->verticalHeader()->hide();
    m_checks->horizontalHeader()->setSectionResizeMode(models::ImageCheckModel::Result,
                                                       QHeaderView::Stretch);
    // The image is elided in the middle (its tooltip has it whole); the answer gets the rest.
    m_checks->setColumnWidth(models::ImageCheckModel::Image,
                             m_checks->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 22);
    // Two rows, so that ECI's long form still fits a 768-pixel-high screen; more lines scroll.
    m_checks->setFixedHeight(m_checks->horizontalHeader()->sizeHint().height()
                             + 2 * m_checks->verticalHeader()->defaultSectionSize()
                             + 2 * m_checks->frameWidth());
    checksLayout->addWidget(m_checks);
    auto *platformLayout = new QHBoxLayout;
    m_platform = new QComboBox;
    m_platform->setObjectName(QStringLiteral("checkPlatform"));
    m_platform->setEditable(true);
    m_platform->addItems({QStringLiteral("linux/amd64"), QStringLiteral("linux/arm64")});
    m_platform->setToolTip(tr("The platform the images are checked for (os/arch[/variant]); "
                              "an index without it is named."));
    auto *platformLabel = new QLabel(tr("Check for &platform:"));
    platformLabel->setBuddy(m_platform);
    platformLayout->addWidget(platformLabel);
    platformLayout->addWidget(m_platform);
    platformLayout->addStretch(1);
    checksLayout->addLayout(platformLayout);
    form->addRow(tr("Registry checks:"), m_checksRow);
    form->setRowVisible(m_checksRow, false);

    m_size = new QSpinBox;
    m_size->setRange(0, 32768);
    m_size->setSpecialValueText(tr("Default (20 GiB)"));
    m_size->setSuffix(tr(" GiB"));
    m_useSuggested = new QPushButton(tr("Use s&uggested size"));
    m_useSuggested->setObjectName(QStringLiteral("useSuggestedSize"));
    m_useSuggested->setEnabled(false);
    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_size, 1);
    sizeRow->addWidget(m_useSuggested);
    auto *sizeLabel = new QLabel(tr("Cache &size:"));
    sizeLabel->setBuddy(m_size);
    form->addRow(sizeLabel, sizeRow);
    m_sizeSuggestion = new QLabel;
    m_sizeSuggestion->setObjectName(QStringLiteral("sizeSuggestion"));
    m_sizeSuggestion->setWordWrap(true);
    m_sizeSuggestion->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_sizeSuggestion->setTextInteractionFlags(Qt::TextSelectableByMouse
                                              | Qt::TextSelectableByKeyboard);
    // Two lines reserved: the rule comes and goes without moving the fields below.
    m_sizeSuggestion->setFixedHeight(m_sizeSuggestion->fontMetrics().lineSpacing() * 2 + 2);
    form->addRow(QString(), m_sizeSuggestion);

    m_retention = new QSpinBox;
    m_retention->setRange(0, 65536);
    m_retention->setSpecialValueText(tr("Never expires"));
    m_retention->setSuffix(tr(" days"));
    form->addRow(tr("&Retention:"), m_retention);

    m_huaweiBox = new QGroupBox(tr("Building configuration (CCE Autopilot)"));
    auto *huaweiForm = new QFormLayout(m_huaweiBox);
    m_cluster = new QLineEdit;
    m_cluster->setPlaceholderText(
        tr("UID of a CCE Autopilot cluster (v1.28.8-r0 / v1.31.4-r0 or later)"));
    huaweiForm->addRow(tr("C&luster:"), m_cluster);
    m_pullSecrets = lineListEditor(tr("namespace:secret, one per line"));
    huaweiForm->addRow(tr("&Pull secrets:"), m_pullSecrets);
    layout->addWidget(m_huaweiBox);

    m_alibabaBox = new QGroupBox(tr("Network and options (ECI)"));
    auto *alibabaForm = new QFormLayout(m_alibabaBox);
    m_securityGroup = new QLineEdit;
    m_securityGroup->setPlaceholderText(QStringLiteral("sg-…"));
    alibabaForm->addRow(tr("Security &group:"), m_securityGroup);
    m_vSwitch = new QLineEdit;
    m_vSwitch->setPlaceholderText(tr("vsw-…, up to 10 separated by commas"));
    alibabaForm->addRow(tr("&vSwitch:"), m_vSwitch);
    m_zone = new QLineEdit;
    alibabaForm->addRow(tr("&Zone:"), m_zone);
    m_eip = new QLineEdit;
    m_eip->setPlaceholderText(tr("EIP to pull public images (or use a NAT gateway)"));
    alibabaForm->addRow(tr("&EIP instance:"), m_eip);
    m_elimination = new QComboBox;
    m_elimination->addItem(tr("Keep until it expires"), QString());
    m_elimination->addItem(tr("LRU: may be evicted at quota"), QStringLiteral("LRU"));
    alibabaForm->addRow(tr("E&limination:"), m_elimination);
    m_flash = new QCheckBox(tr("Instant cache (local snapshot first)"));
    alibabaForm->addRow(QString(), m_flash);
    m_resourceGroup = new QLineEdit;
    alibabaForm->addRow(tr("Resource gro&up:"), m_resourceGroup);
    m_tags = lineListEditor(tr("key=value, one per line"));
    alibabaForm->addRow(tr("&Tags:"), m_tags);
    m_registryServer = new QLineEdit;
    m_registryServer->setPlaceholderText(tr("registry host, without http(s)://"));
    alibabaForm->addRow(tr("Registry ser&ver:"), m_registryServer);
    m_registryUser = new QLineEdit;
    alibabaForm->addRow(tr("Registry us&er:"), m_registryUser);
    m_registryPassword = new QLineEdit;
    m_registryPassword->setEchoMode(QLineEdit::Password);
    alibabaForm->addRow(tr("Registry pass&word:"), m_registryPassword);
    layout->addWidget(m_alibabaBox);

    m_errorList = new QLabel;
    m_errorList->setWordWrap(true);
    m_errorList->setTextFormat(Qt::RichText);
    m_errorList->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_errorList->setObjectName(QStringLiteral("validationErrors"));
    // Room for MaxShown messages and the size advice, reserved from the start: the form
    // above it never moves when messages come and go.
    m_errorList->setFixedHeight(m_errorList->fontMetrics().lineSpacing() * (MaxShown + 2) + 4);
    layout->addWidget(m_errorList);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setText(m_mode == Mode::Create ? tr("Create") : tr("Update"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    connect(m_target, &QComboBox::currentIndexChanged, this, [this] {
        updateProviderFields();
        revalidate();
    });
    const auto changed = [this] {
        revalidate();
    };
    for (QLineEdit *edit : {m_name, m_cluster, m_securityGroup, m_vSwitch, m_zone, m_eip,
                            m_resourceGroup, m_registryServer, m_registryUser, m_registryPassword})
        connect(edit, &QLineEdit::textChanged, this, changed);
    m_fields = {m_name,          m_images,
                m_size,          m_retention,
                m_cluster,       m_pullSecrets,
                m_securityGroup, m_vSwitch,
                m_zone,          m_eip,
                m_elimination,   m_resourceGroup,
                m_tags,          m_registryServer,
                m_registryUser,  m_registryPassword};
    // Stable names for tests and accessibility tools.
    const QList<std::pair<QWidget *, const char *>> names
        = {{m_name, "name"},
           {m_images, "images"},
           {m_size, "size"},
           {m_retention, "retention"},
           {m_cluster, "cluster"},
           {m_pullSecrets, "pullSecrets"},
           {m_securityGroup, "securityGroup"},
           {m_vSwitch, "vSwitch"},
           {m_zone, "zone"},
           {m_eip, "eip"},
           {m_elimination, "elimination"},
           {m_flash, "flash"},
           {m_resourceGroup, "resourceGroup"},
           {m_tags, "tags"},
           {m_registryServer, "registryServer"},
           {m_registryUser, "registryUser"},
           {m_registryPassword, "registryPassword"}};
    for (const auto &[widget, name] : names)
        widget->setObjectName(QLatin1String(name));
    // A field is "touched" once the user leaves it: its problems show from then on.
    for (QWidget *field : std::as_const(m_fields))
        field->installEventFilter(this);
    for (QPlainTextEdit *edit : {m_images, m_pullSecrets, m_tags})
        connect(edit, &QPlainTextEdit::textChanged, this, changed);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    connect(m_size, &QSpinBox::valueChanged, this, changed);
    connect(m_useSuggested, &QPushButton::clicked, this, [this] {
        if (m_suggestion)
            m_size->setValue(m_suggestion->sizeGiB);
    });
    connect(m_retention, &QSpinBox::valueChanged, this, changed);
    connect(m_elimination, &QComboBox::currentIndexChanged, this, changed);
    connect(m_flash, &QCheckBox::toggled, this, changed);
}

core::Provider CreateCacheDialog::provider() const
{
    const int i = m_target->currentIndex();
    return i >= 0 && i < m_targets.size() ? m_targets.at(i).provider : core::Provider::Huawei;
}

CacheTarget CreateCacheDialog::target() const
{
    const int i = m_target->currentIndex();
    return i >= 0 && i < m_targets.size() ? m_targets.at(i) : CacheTarget{};
}

void CreateCacheDialog::updateProviderFields()
{
    const bool huawei = provider() == core::Provider::Huawei;
    m_huaweiBox->setVisible(huawei);
    m_alibabaBox->setVisible(!huawei);
    // Huawei documents 20–400 GiB and 0–10000 days (0 = permanent); ECI's ranges are wider.
    m_size->setMaximum(huawei ? 400 : 32768);
    m_retention->setMaximum(huawei ? 10000 : 65536);
    adjustSize();
}

void CreateCacheDialog::setValidationContext(const core::ValidationContext &context)
{
    m_context = context;
    revalidate();
}

void CreateCacheDialog::setImagePreflight(registry::ImagePreflight *preflight)
{
    if (m_preflight)
        m_preflight->disconnect(this);
    m_preflight = preflight;
    m_form->setRowVisible(m_checksRow, preflight != nullptr);
    if (!preflight)
        return;
    preflight->setParent(this);
    // Wide enough for an answer with both sizes next to its image, and the size rule in two
    // lines.
    setMinimumWidth(qMax(minimumWidth(), fontMetrics().horizontalAdvance(QLatin1Char('x')) * 110));
    connect(preflight, &registry::ImagePreflight::changed, this, [this] {
        m_checkModel->setChecks(m_preflight->checks());
        revalidate();
    });
    connect(m_images, &QPlainTextEdit::textChanged, preflight,
            [this] { m_preflight->setImages(parseImageLines(m_images->toPlainText())); });
    for (QLineEdit *edit : {m_registryServer, m_registryUser, m_registryPassword})
        connect(edit, &QLineEdit::textChanged, preflight, [this] { updatePreflightLogin(); });
    connect(m_target, &QComboBox::currentIndexChanged, preflight,
            [this] { updatePreflightLogin(); });
    connect(m_platform, &QComboBox::currentTextChanged, preflight,
            [this] { updatePreflightPlatform(); });
    updatePreflightLogin();
    updatePreflightPlatform();
    preflight->setImages(parseImageLines(m_images->toPlainText()));
    m_checkModel->setChecks(preflight->checks());
    adjustSize();
}

void CreateCacheDialog::updatePreflightLogin()
{
    if (!m_preflight)
        return;
    // ECI pulls with the form's ImageRegistryCredential, so the check uses it too; CCE pulls
    // with the cluster's secrets, which the console cannot read: the stored logins apply.
    if (provider() == core::Provider::Alibaba)
        m_preflight->setFormLogin(m_registryServer->text(),
                                  {m_registryUser->text().trimmed(), m_registryPassword->text()});
    else
        m_preflight->setFormLogin({}, {});
}

void CreateCacheDialog::updatePreflightPlatform()
{
    if (!m_preflight)
        return;
    const auto platform = registry::Platform::parse(m_platform->currentText().trimmed());
    QPalette palette;
    if (platform.ok()) {
        m_platform->setPalette(palette);
        m_platform->setToolTip(tr("The platform the images are checked for (os/arch[/variant]); "
                                  "an index without it is named."));
        m_preflight->setPlatform(platform.value());
        return;
    }
    // Not a platform: the checks keep the last valid one, and the field says why.
    palette.setColor(QPalette::Base, QColor(0xfd, 0xec, 0xea));
    m_platform->setPalette(palette);
    m_platform->setToolTip(platform.error().message);
}

core::ValidationContext CreateCacheDialog::checkedContext() const
{
    core::ValidationContext context = m_context;
    if (!m_preflight)
        return context;
    // The registry's figure wins over the image list's: it is the image as it is now.
    for (const registry::ImageCheck &check : m_preflight->checks()) {
        if (check.state == registry::ImageCheck::State::Found)
            context.imageSizeBytes.insert(check.image, check.details.uncompressedSize());
    }
    return context;
}

void CreateCacheDialog::prefill(const CacheTarget &target, const QStringList &images)
{
    for (int i = 0; i < m_targets.size(); ++i) {
        if (m_targets.at(i).accountId == target.accountId
            && m_targets.at(i).region == target.region)
            m_target->setCurrentIndex(i);
    }
    m_images->setPlainText(images.join(QLatin1Char('\n')));
    m_touched.insert(m_images); // given, not typed: its problems show at once
    revalidate();
}

void CreateCacheDialog::setCache(const core::ImageCache &cache)
{
    for (int i = 0; i < m_targets.size(); ++i) {
        if (m_targets.at(i).accountId == cache.accountId && m_targets.at(i).region == cache.region)
            m_target->setCurrentIndex(i);
    }
    m_updateId = cache.id;
    m_name->setText(cache.name);
    m_images->setPlainText(cache.images.join(QLatin1Char('\n')));
    m_size->setValue(cache.sizeGiB);
    m_retention->setValue(cache.retentionDays);
    m_cluster->setText(cache.cluster);
    m_pullSecrets->setPlainText(cache.imagePullSecrets.join(QLatin1Char('\n')));
    m_resourceGroup->setText(cache.resourceGroupId);
    m_elimination->setCurrentIndex(cache.eliminationStrategy == QLatin1String("LRU") ? 1 : 0);
    // ECI's describe has no network fields; the session adds the ones it sent (see
    // ConsoleSession::cacheForUpdate), and a provider that does return them is read as is.
    m_securityGroup->setText(rawText(cache.raw, "SecurityGroupId"));
    m_vSwitch->setText(rawText(cache.raw, "VSwitchId"));
    m_zone->setText(rawText(cache.raw, "ZoneId"));
    m_eip->setText(rawText(cache.raw, "EipInstanceId"));
    m_flash->setChecked(cache.raw.value(QLatin1String("Flash")).toBool()
                        || !cache.flashSnapshotId.isEmpty());
    QStringList tagLines;
    for (const core::Tag &tag : cache.tags)
        tagLines.append(tag.key + QLatin1Char('=') + tag.value);
    m_tags->setPlainText(tagLines.join(QLatin1Char('\n')));
    for (QWidget *field : std::as_const(m_fields))
        m_touched.insert(field); // the cache's own settings: their problems show at once
    revalidate();
}

core::CacheSpec CreateCacheDialog::spec() const
{
    core::CacheSpec spec;
    spec.id = m_updateId;
    spec.name = m_name->text().trimmed();
    spec.images = parseImageLines(m_images->toPlainText());
    if (m_size->value() > 0)
        spec.sizeGiB = m_size->value();
    if (m_retention->value() > 0 || provider() == core::Provider::Huawei)
        spec.retentionDays = m_retention->value();

    if (provider() == core::Provider::Huawei) {
        spec.cluster = m_cluster->text().trimmed();
        spec.imagePullSecrets = nonEmptyLines(m_pullSecrets->toPlainText());
        return spec;
    }
    spec.securityGroupId = m_securityGroup->text().trimmed();
    spec.vSwitchId = m_vSwitch->text().remove(QLatin1Char(' '));
    spec.zoneId = m_zone->text().trimmed();
    spec.eipInstanceId = m_eip->text().trimmed();
    spec.eliminationStrategy = m_elimination->currentData().toString();
    // "Keep until it expires" is a choice when updating: sent empty, it clears LRU.
    if (m_mode == Mode::Update && spec.eliminationStrategy.isNull())
        spec.eliminationStrategy = QStringLiteral("");
    if (m_flash->isChecked())
        spec.flash = true;
    spec.resourceGroupId = m_resourceGroup->text().trimmed();
    for (const QString &line : nonEmptyLines(m_tags->toPlainText())) {
        const int eq = line.indexOf(QLatin1Char('='));
        spec.tags.append(eq < 0 ? core::Tag{line, QString()}
                                : core::Tag{line.left(eq).trimmed(), line.mid(eq + 1).trimmed()});
    }
    if (!m_registryServer->text().trimmed().isEmpty() || !m_registryUser->text().isEmpty()
        || !m_registryPassword->text().isEmpty()) {
        spec.registryLogins.append({m_registryServer->text().trimmed(),
                                    m_registryUser->text().trimmed(), m_registryPassword->text()});
    }
    return spec;
}

QWidget *CreateCacheDialog::widgetForField(const QString &field) const
{
    // Validator fields are the providers' parameter names ("image_cache_size",
    // "building_config.cluster", "Tag.3.Key", ...): compare the first meaningful part.
    QString key = field.toLower();
    if (key.startsWith(QLatin1String("building_config.")))
        key = key.mid(int(qstrlen("building_config.")));
    key = key.section(QLatin1Char('.'), 0, 0);
    const QHash<QString, QWidget *> widgets = {
        {QStringLiteral("name"), m_name},
        {QStringLiteral("imagecachename"), m_name},
        {QStringLiteral("images"), m_images},
        {QStringLiteral("image"), m_images},
        {QStringLiteral("image_cache_size"), m_size},
        {QStringLiteral("imagecachesize"), m_size},
        {QStringLiteral("retention_days"), m_retention},
        {QStringLiteral("retentiondays"), m_retention},
        {QStringLiteral("cluster"), m_cluster},
        {QStringLiteral("image_pull_secrets"), m_pullSecrets},
        {QStringLiteral("securitygroupid"), m_securityGroup},
        {QStringLiteral("vswitchid"), m_vSwitch},
        {QStringLiteral("zoneid"), m_zone},
        {QStringLiteral("eipinstanceid"), m_eip},
        {QStringLiteral("eliminationstrategy"), m_elimination},
        {QStringLiteral("resourcegroupid"), m_resourceGroup},
        {QStringLiteral("tag"), m_tags},
        {QStringLiteral("tags"), m_tags},
        {QStringLiteral("imageregistrycredential"), m_registryServer},
    };
    return widgets.value(key, nullptr);
}

bool CreateCacheDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusOut) {
        auto *widget = qobject_cast<QWidget *>(watched);
        if (widget && !m_touched.contains(widget)) {
            m_touched.insert(widget);
            revalidate();
        }
    }
    return QDialog::eventFilter(watched, event);
}

void CreateCacheDialog::accept()
{
    if (!m_errors.isEmpty()) {
        m_showAll = true;
        revalidate();
        for (QWidget *field : std::as_const(m_fields)) {
            if (field->property("invalid").toBool() && field->isVisibleTo(this)) {
                field->setFocus(Qt::OtherFocusReason);
                break;
            }
        }
        return;
    }
    QDialog::accept();
}

bool CreateCacheDialog::isShown(const QWidget *widget) const
{
    return m_showAll || (widget && m_touched.contains(widget));
}

void CreateCacheDialog::markField(QWidget *widget, const QString &message, const QString &field)
{
    if (!widget)
        return;
    // A tint of the field's base, not a style sheet: the field keeps its size and its
    // native frame (a style-sheet border turned spin box arrows into bars).
    QPalette palette = widget->palette();
    palette.setColor(QPalette::Base, QColor(0xfd, 0xec, 0xea));
    widget->setPalette(palette);
    widget->setProperty("invalid", true);
    // The parameter name only as a secondary hint, for those who read the API documents.
    const QString tip = tr("%1\n(API parameter: %2)").arg(message, field);
    widget->setToolTip(tip);
    widget->setAccessibleDescription(message);
    m_marked.append(widget);
}

void CreateCacheDialog::revalidate()
{
    for (QWidget *widget : std::as_const(m_marked)) {
        widget->setProperty("invalid", false);
        widget->setPalette(QPalette());
        widget->setToolTip(QString());
        widget->setAccessibleDescription(QString());
    }
    m_marked.clear();

    const auto operation = m_mode == Mode::Create ? core::CacheSpecValidator::Operation::Create
                                                  : core::CacheSpecValidator::Operation::Update;
    const core::CacheSpec current = spec();
    core::ValidationContext context = checkedContext();
    if (m_mode == Mode::Update)
        context.existingNames.removeAll(current.name); // renaming to itself is fine
    m_errors = core::CacheSpecValidator::validate(provider(), operation, current, context);

    QStringList lines;
    for (const core::FieldError &error : std::as_const(m_errors)) {
        QWidget *widget = widgetForField(error.field);
        if (!isShown(widget) && !(m_showAll && !widget))
            continue;
        markField(widget, error.message, error.field);
        lines.append(error.message);
    }
    QStringList html;
    for (const QString &line : lines.mid(0, MaxShown))
        html.append(
            QStringLiteral("<span style=\"color:#b01f1f\">%1</span>").arg(line.toHtmlEscaped()));
    if (lines.size() > MaxShown)
        html.append(
            QStringLiteral("<span style=\"color:#b01f1f\">%1</span>")
                .arg(tr("… and %n more", nullptr, int(lines.size() - MaxShown)).toHtmlEscaped()));

    // Advice, not errors: below the rule's size, and images the registry could not confirm.
    const QList<core::FieldError> warnings
        = core::CacheSpecValidator::warnings(provider(), current, context);
    if (!warnings.isEmpty())
        html.append(warnings.first().message.toHtmlEscaped());
    if (m_preflight) {
        int failed = 0;
        for (const registry::ImageCheck &check : m_preflight->checks()) {
            if (check.state == registry::ImageCheck::State::Failed
                && current.images.contains(check.image))
                ++failed;
        }
        if (failed > 0)
            html.append(tr("The registry check found a problem with %n image(s) (see above); "
                           "the cache can still be created.",
                           nullptr, failed)
                            .toHtmlEscaped());
    }
    updateSuggestion(current, context);
    m_errorList->setText(html.join(QStringLiteral("<br>")));
}

void CreateCacheDialog::updateSuggestion(const core::CacheSpec &current,
                                         const core::ValidationContext &context)
{
    m_suggestion = core::CacheSpecValidator::suggestedSize(provider(), current.images, context);
    if (!m_suggestion) {
        m_sizeSuggestion->clear();
        m_useSuggested->setEnabled(false);
        m_useSuggested->setToolTip(tr("A size is suggested once the images' sizes are known."));
        return;
    }
    const core::SizeSuggestion &s = *m_suggestion;
    const QString total = models::Presentation::bytes(s.decompressedBytes);
    QString text;
    if (provider() == core::Provider::Huawei) {
        text = s.capped() ? tr("Suggested %1 GiB, the maximum: %2 × %3 decompressed needs %4 GiB "
                               "(Huawei's rule); split the images over several caches.")
                                .arg(s.sizeGiB)
                                .arg(core::CacheSpecValidator::HuaweiSizeMultiple)
                                .arg(total)
                                .arg(s.ruleGiB)
                          : tr("Suggested %1 GiB: %2 × %3 decompressed (Huawei's rule: at least 3× "
                               "the decompressed images, 20 GiB or more).")
                                .arg(s.sizeGiB)
                                .arg(core::CacheSpecValidator::HuaweiSizeMultiple)
                                .arg(total);
    } else {
        text = tr("Suggested %1 GiB: %2 decompressed, rounded up, at least 20 (ECI's rule: the "
                  "images must fit).")
                   .arg(s.sizeGiB)
                   .arg(total);
    }
    bool estimated = false;
    if (m_preflight) {
        for (const registry::ImageCheck &check : m_preflight->checks()) {
            if (check.state == registry::ImageCheck::State::Found
                && check.details.uncompressedEstimated() && current.images.contains(check.image))
                estimated = true;
        }
    }
    if (estimated)
        text += QLatin1Char(' ') + tr("Some sizes are estimates.");
    if (s.knownImages < s.images)
        text += QLatin1Char(' ')
                + tr("Only %1 of %n image(s) have a known size.", nullptr, s.images)
                      .arg(s.knownImages);
    m_sizeSuggestion->setText(text);
    m_sizeSuggestion->setToolTip(text);
    // 0 is the provider's default, 20 GiB.
    const int size = m_size->value() > 0 ? m_size->value() : 20;
    m_useSuggested->setEnabled(size != s.sizeGiB);
    m_useSuggested->setToolTip(tr("Set the cache size to %1 GiB.").arg(s.sizeGiB));
}

} // namespace ui
