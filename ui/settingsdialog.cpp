#include "settingsdialog.h"

#include "store/databaseurl.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ui {

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));
    setMinimumWidth(600);
    auto *layout = new QVBoxLayout(this);

    // The store.
    auto *storeBox = new QGroupBox(tr("Store of accounts, caches and history"));
    auto *storeLayout = new QVBoxLayout(storeBox);
    m_sqlite = new QRadioButton(tr("&Local file (SQLite), for this computer only"));
    m_sqlite->setObjectName(QStringLiteral("sqliteChoice"));
    storeLayout->addWidget(m_sqlite);
    auto *fileRow = new QHBoxLayout;
    fileRow->setContentsMargins(24, 0, 0, 0);
    m_sqlitePath = new QLineEdit;
    m_sqlitePath->setObjectName(QStringLiteral("sqlitePath"));
    m_browse = new QPushButton(tr("&Browse…"));
    fileRow->addWidget(m_sqlitePath, 1);
    fileRow->addWidget(m_browse);
    storeLayout->addLayout(fileRow);

    m_postgres = new QRadioButton(tr("&Shared PostgreSQL database, for a team"));
    m_postgres->setObjectName(QStringLiteral("postgresChoice"));
    storeLayout->addWidget(m_postgres);
    auto *pgForm = new QFormLayout;
    pgForm->setContentsMargins(24, 0, 0, 0);
    m_postgresUrl = new QLineEdit;
    m_postgresUrl->setObjectName(QStringLiteral("postgresUrl"));
    m_postgresUrl->setPlaceholderText(QStringLiteral("postgresql://user@host:5432/imagecache"));
    pgForm->addRow(tr("&URL:"), m_postgresUrl);
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("postgresPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("unchanged (kept in the system keychain)"));
    pgForm->addRow(tr("&Password:"), m_password);
    storeLayout->addLayout(pgForm);

    auto *testRow = new QHBoxLayout;
    m_test = new QPushButton(tr("&Test Connection"));
    m_test->setObjectName(QStringLiteral("testStore"));
    m_test->setToolTip(tr("Opens the database once; an empty database gets the tables."));
    testRow->addWidget(m_test);
    m_testResult = new QLabel;
    m_testResult->setObjectName(QStringLiteral("testStoreResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    testRow->addWidget(m_testResult, 1);
    storeLayout->addLayout(testRow);
    m_storeProblem = new QLabel;
    m_storeProblem->setObjectName(QStringLiteral("storeProblem"));
    m_storeProblem->setWordWrap(true);
    storeLayout->addWidget(m_storeProblem);
    auto *storeNote = new QLabel(
        tr("Consoles that share a PostgreSQL database see each other's changes within seconds. "
           "Switching keeps both stores as they are."));
    storeNote->setWordWrap(true);
    storeLayout->addWidget(storeNote);
    layout->addWidget(storeBox);

    // Polling and notifications.
    auto *pollBox = new QGroupBox(tr("Polling and notifications"));
    auto *form = new QFormLayout(pollBox);
    m_slow = new QSpinBox;
    m_slow->setObjectName(QStringLiteral("slowInterval"));
    m_slow->setRange(10, 3600);
    m_slow->setSuffix(tr(" s"));
    form->addRow(tr("List every region &every:"), m_slow);
    m_fast = new QSpinBox;
    m_fast->setObjectName(QStringLiteral("fastInterval"));
    m_fast->setRange(1, 300);
    m_fast->setSuffix(tr(" s"));
    form->addRow(tr("Follow changing caches e&very:"), m_fast);
    m_expiry = new QSpinBox;
    m_expiry->setObjectName(QStringLiteral("expiryWarning"));
    m_expiry->setRange(1, 90);
    m_expiry->setSuffix(tr(" days"));
    form->addRow(tr("Warn when a cache e&xpires within:"), m_expiry);
    m_notifications = new QCheckBox(tr("Show desktop &notifications"));
    m_notifications->setObjectName(QStringLiteral("notifications"));
    form->addRow(QString(), m_notifications);
    layout->addWidget(pollBox);

    // Language.
    auto *languageBox = new QGroupBox(tr("Language"));
    auto *languageForm = new QFormLayout(languageBox);
    m_language = new QComboBox;
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System default"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    languageForm->addRow(tr("&Language:"), m_language);
    languageForm->addRow(QString(), new QLabel(tr("Applies at the next start.")));
    layout->addWidget(languageBox);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_sqlite, &QRadioButton::toggled, this, &SettingsDialog::updateStoreFields);
    connect(m_postgres, &QRadioButton::toggled, this, &SettingsDialog::updateStoreFields);
    connect(m_sqlitePath, &QLineEdit::textChanged, this, &SettingsDialog::updateStoreFields);
    connect(m_postgresUrl, &QLineEdit::textChanged, this, &SettingsDialog::updateStoreFields);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(
            this, tr("Local Store"), m_sqlitePath->text(), tr("SQLite databases (*.db)"), nullptr,
            QFileDialog::DontConfirmOverwrite);
        if (!file.isEmpty())
            m_sqlitePath->setText(QDir::toNativeSeparators(file));
    });
    connect(m_test, &QPushButton::clicked, this, [this] {
        m_testResult->setText(tr("Connecting…"));
        QUrl url = chosenUrl();
        if (m_postgres->isChecked() && !m_password->text().isEmpty())
            url.setPassword(m_password->text(), QUrl::DecodedMode);
        emit testRequested(url);
    });
    setSettings(ConsoleSettings{});
}

void SettingsDialog::setSettings(const ConsoleSettings &settings)
{
    store::DatabaseUrl location;
    QString error;
    const bool postgres = store::DatabaseUrl::parse(settings.storeUrl, &location, &error)
                          && location.backend() == store::DatabaseUrl::Backend::Postgres;
    if (postgres) {
        m_postgres->setChecked(true);
        m_postgresUrl->setText(location.displayName());
        m_sqlitePath->setText(QDir::toNativeSeparators(
            QFileInfo(store::DatabaseUrl::defaultUrl().path()).absoluteFilePath()));
    } else {
        m_sqlite->setChecked(true);
        const QString path = settings.storeUrl.isValid() && !settings.storeUrl.path().isEmpty()
                                 ? settings.storeUrl.path()
                                 : store::DatabaseUrl::defaultUrl().path();
        m_sqlitePath->setText(QDir::toNativeSeparators(path));
    }
    m_password->clear();
    m_slow->setValue(settings.slowPollSeconds);
    m_fast->setValue(settings.fastPollSeconds);
    m_expiry->setValue(settings.expiryWarningDays);
    m_notifications->setChecked(settings.notifications);
    const int language = m_language->findData(settings.language);
    m_language->setCurrentIndex(language < 0 ? 0 : language);
    updateStoreFields();
}

QUrl SettingsDialog::chosenUrl() const
{
    if (m_sqlite->isChecked())
        return store::DatabaseUrl::sqliteUrl(
            QDir::fromNativeSeparators(m_sqlitePath->text().trimmed()));
    QUrl url(m_postgresUrl->text().trimmed(), QUrl::StrictMode);
    return url;
}

ConsoleSettings SettingsDialog::settings() const
{
    ConsoleSettings s;
    s.storeUrl = chosenUrl().adjusted(QUrl::RemovePassword);
    s.slowPollSeconds = m_slow->value();
    s.fastPollSeconds = m_fast->value();
    s.expiryWarningDays = m_expiry->value();
    s.notifications = m_notifications->isChecked();
    s.language = m_language->currentData().toString();
    return s;
}

QString SettingsDialog::password() const
{
    return m_postgres->isChecked() ? m_password->text() : QString();
}

QString SettingsDialog::storeProblem() const
{
    if (m_sqlite->isChecked() && m_sqlitePath->text().trimmed().isEmpty())
        return tr("Choose the file of the local store.");
    if (m_postgres->isChecked() && m_postgresUrl->text().trimmed().isEmpty())
        return tr("Enter the URL of the PostgreSQL database.");
    store::DatabaseUrl location;
    QString error;
    if (!store::DatabaseUrl::parse(chosenUrl(), &location, &error))
        return error;
    return {};
}

void SettingsDialog::updateStoreFields()
{
    const bool postgres = m_postgres->isChecked();
    m_sqlitePath->setEnabled(!postgres);
    m_browse->setEnabled(!postgres);
    m_postgresUrl->setEnabled(postgres);
    m_password->setEnabled(postgres);
    const QString problem = storeProblem();
    // The message has its own line below the fields, so nothing moves when it appears.
    m_storeProblem->setText(problem);
    m_test->setEnabled(problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

void SettingsDialog::showTestResult(int run, bool ok, const QString &text)
{
    if (run != m_testRun)
        return;
    m_testResult->setText(ok ? text : tr("Failed: %1").arg(text));
}

} // namespace ui
