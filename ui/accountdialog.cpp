#include "accountdialog.h"

#include "providers/connection.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMetaMethod>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

#include <functional>

namespace ui {

namespace {
enum RegionColumn { RegionName, Endpoint, ProjectId, RegionColumnCount };

// The region cell edits in an editable combo offering the provider's known regions; any other
// region id can still be typed.
class RegionDelegate final : public QStyledItemDelegate
{
public:
    RegionDelegate(std::function<core::Provider()> provider, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_provider(std::move(provider))
    {}

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &,
                          const QModelIndex &) const override
    {
        auto *combo = new QComboBox(parent);
        combo->setObjectName(QStringLiteral("regionEditor"));
        combo->setEditable(true);
        combo->setInsertPolicy(QComboBox::NoInsert);
        combo->addItems(providers::knownRegions(m_provider()));
        return combo;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        static_cast<QComboBox *>(editor)->setCurrentText(index.data(Qt::EditRole).toString());
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override
    {
        model->setData(index, static_cast<QComboBox *>(editor)->currentText().trimmed());
    }

private:
    std::function<core::Provider()> m_provider;
};
} // namespace

AccountDialog::AccountDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Account"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);

    m_provider = new QComboBox;
    m_provider->addItem(tr("Huawei Cloud (CCE Autopilot, HSS)"),
                        QVariant::fromValue(int(core::Provider::Huawei)));
    m_provider->addItem(tr("Alibaba Cloud (ECI, E-HPC Instant)"),
                        QVariant::fromValue(int(core::Provider::Alibaba)));
    form->addRow(tr("&Provider:"), m_provider);

    m_name = new QLineEdit;
    form->addRow(tr("&Display name:"), m_name);

    m_regions = new QTableWidget(0, RegionColumnCount);
    m_regions->setHorizontalHeaderLabels(
        {tr("Region"), tr("Endpoint override (optional)"), tr("Project id (Huawei)")});
    m_regions->horizontalHeader()->setStretchLastSection(true);
    m_regions->horizontalHeader()->setSectionResizeMode(Endpoint, QHeaderView::Stretch);
    // Headers whole, in every language: the region and project columns fit their contents.
    m_regions->horizontalHeader()->setSectionResizeMode(RegionName, QHeaderView::ResizeToContents);
    m_regions->horizontalHeader()->setSectionResizeMode(ProjectId, QHeaderView::ResizeToContents);
    m_regions->verticalHeader()->hide();
    m_regions->setItemDelegateForColumn(
        RegionName,
        new RegionDelegate([this] { return core::Provider(m_provider->currentData().toInt()); },
                           m_regions));
    m_regions->setMinimumHeight(110);
    auto *regionButtons = new QHBoxLayout;
    auto *addRegion = new QPushButton(tr("Add re&gion"));
    auto *removeRegion = new QPushButton(tr("Remo&ve region"));
    regionButtons->addWidget(addRegion);
    regionButtons->addWidget(removeRegion);
    regionButtons->addStretch();
    auto *regionBox = new QVBoxLayout;
    regionBox->addWidget(m_regions);
    regionBox->addLayout(regionButtons);
    auto *regionsLabel = new QLabel(tr("&Regions:"));
    regionsLabel->setBuddy(m_regions);
    form->addRow(regionsLabel, regionBox);

    m_auth = new QComboBox;
    m_auth->addItem(tr("Access key (AK/SK)"), int(store::Account::AuthKind::AccessKey));
    m_auth->addItem(tr("IAM user token"), int(store::Account::AuthKind::IamToken));
    form->addRow(tr("&Authentication:"), m_auth);

    m_accessKeyId = new QLineEdit;
    form->addRow(tr("Access &key id:"), m_accessKeyId);
    m_secretKey = new QLineEdit;
    m_secretKey->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Secret key:"), m_secretKey);
    m_iamDomain = new QLineEdit;
    form->addRow(tr("IAM account (&domain):"), m_iamDomain);
    m_iamUser = new QLineEdit;
    form->addRow(tr("IAM &user:"), m_iamUser);
    m_iamPassword = new QLineEdit;
    m_iamPassword->setEchoMode(QLineEdit::Password);
    form->addRow(tr("IAM pass&word:"), m_iamPassword);

    m_signature = new QComboBox;
    m_signature->addItem(tr("V3 (ACS3-HMAC-SHA256, recommended)"),
                         int(store::Account::SignatureVersion::V3));
    m_signature->addItem(tr("V1 (HMAC-SHA1)"), int(store::Account::SignatureVersion::V1));
    form->addRow(tr("Si&gnature:"), m_signature);

    m_storage = new QLabel;
    m_storage->setObjectName(QStringLiteral("secretStorage"));
    m_storage->setWordWrap(true);
    m_storage->setText(storageText());
    form->addRow(QString(), m_storage);

    m_problems = new QLabel;
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    QPalette pal = m_problems->palette();
    pal.setColor(QPalette::WindowText, QColor(0xb0, 0x1f, 0x1f));
    m_problems->setPalette(pal);
    layout->addWidget(m_problems);

    m_testResults = new QPlainTextEdit;
    m_testResults->setReadOnly(true);
    m_testResults->setMaximumHeight(90);
    m_testResults->setPlaceholderText(tr("Test connection makes one read call per region."));
    layout->addWidget(m_testResults);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_testButton = m_buttons->addButton(tr("&Test connection"), QDialogButtonBox::ActionRole);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_testButton, &QPushButton::clicked, this, [this] {
        m_testResults->clear();
        emit testConnectionRequested(account(), secrets());
    });
    connect(addRegion, &QPushButton::clicked, this, [this] {
        addRegionRow();
        m_regions->editItem(m_regions->item(m_regions->rowCount() - 1, RegionName));
    });
    connect(removeRegion, &QPushButton::clicked, this, [this] {
        if (m_regions->currentRow() >= 0)
            m_regions->removeRow(m_regions->currentRow());
        revalidate();
    });
    connect(m_provider, &QComboBox::currentIndexChanged, this, [this] {
        updateProviderFields();
        revalidate();
    });
    connect(m_auth, &QComboBox::currentIndexChanged, this, [this] {
        updateProviderFields();
        revalidate();
    });
    connect(m_regions, &QTableWidget::itemChanged, this, [this] { revalidate(); });
    for (QLineEdit *edit :
         {m_name, m_accessKeyId, m_secretKey, m_iamUser, m_iamDomain, m_iamPassword})
        connect(edit, &QLineEdit::textChanged, this, [this] { revalidate(); });

    // Stable names for tests and accessibility tools.
    m_provider->setObjectName(QStringLiteral("provider"));
    m_name->setObjectName(QStringLiteral("displayName"));
    m_regions->setObjectName(QStringLiteral("regions"));
    m_accessKeyId->setObjectName(QStringLiteral("accessKeyId"));
    m_secretKey->setObjectName(QStringLiteral("secretKey"));

    addRegionRow();
    updateProviderFields();
    revalidate();
}

void AccountDialog::addRegionRow(const store::AccountRegion &region)
{
    const QSignalBlocker blocker(m_regions);
    const int row = m_regions->rowCount();
    m_regions->insertRow(row);
    m_regions->setItem(row, RegionName, new QTableWidgetItem(region.region));
    m_regions->setItem(row, Endpoint, new QTableWidgetItem(region.endpointOverride.toString()));
    m_regions->setItem(row, ProjectId, new QTableWidgetItem(region.projectId));
}

void AccountDialog::setAccount(const store::Account &account)
{
    m_editing = true;
    m_loaded = account;
    m_id = account.id;
    m_provider->setCurrentIndex(account.provider == core::Provider::Huawei ? 0 : 1);
    m_provider->setEnabled(false); // an account does not change cloud
    m_name->setText(account.displayName);
    m_regions->setRowCount(0);
    for (const store::AccountRegion &region : account.regions)
        addRegionRow(region);
    m_auth->setCurrentIndex(account.authKind == store::Account::AuthKind::AccessKey ? 0 : 1);
    m_accessKeyId->setText(account.accessKeyId);
    m_iamUser->setText(account.iamUserName);
    m_iamDomain->setText(account.iamDomainName);
    m_signature->setCurrentIndex(
        account.alibabaSignatureVersion == store::Account::SignatureVersion::V3 ? 0 : 1);
    setSecretsPersistent(m_persistent); // "unchanged (…)" placeholders
    updateProviderFields();
    revalidate();
}

store::Account AccountDialog::account() const
{
    store::Account account;
    account.id = m_id.isEmpty() ? store::Account::newId() : m_id;
    account.provider = core::Provider(m_provider->currentData().toInt());
    account.displayName = m_name->text().trimmed();
    for (int row = 0; row < m_regions->rowCount(); ++row) {
        const auto text = [&](int column) {
            const QTableWidgetItem *item = m_regions->item(row, column);
            return item ? item->text().trimmed() : QString();
        };
        if (text(RegionName).isEmpty() && text(Endpoint).isEmpty())
            continue;
        store::AccountRegion region;
        region.region = text(RegionName);
        region.endpointOverride = QUrl(text(Endpoint));
        region.projectId = text(ProjectId);
        account.regions.append(region);
    }
    account.authKind = store::Account::AuthKind(m_auth->currentData().toInt());
    account.accessKeyId = m_accessKeyId->text().trimmed();
    account.iamUserName = m_iamUser->text().trimmed();
    account.iamDomainName = m_iamDomain->text().trimmed();
    account.alibabaSignatureVersion
        = store::Account::SignatureVersion(m_signature->currentData().toInt());
    // Registry logins are not edited here (the CLI adds them): keep them.
    account.registries = m_loaded.registries;
    return account;
}

AccountSecrets AccountDialog::secrets() const
{
    return {m_secretKey->text(), m_iamPassword->text()};
}

QStringList AccountDialog::problems() const
{
    QStringList problems = account().validate();
    const bool iam = m_auth->currentData().toInt() == int(store::Account::AuthKind::IamToken);
    if (!m_editing && !iam && m_secretKey->text().isEmpty())
        problems.append(
            m_persistent
                ? tr("Enter the secret key: it is stored in the system keychain.")
                : tr("Enter the secret key: it is kept in memory only, for this session."));
    if (!m_editing && iam && m_iamPassword->text().isEmpty())
        problems.append(
            m_persistent
                ? tr("Enter the IAM password: it is stored in the system keychain.")
                : tr("Enter the IAM password: it is kept in memory only, for this session."));
    // A new access key id needs its own secret: the stored one belongs to the old key.
    if (m_editing && !iam && m_accessKeyId->text().trimmed() != m_loaded.accessKeyId
        && m_secretKey->text().isEmpty())
        problems.append(tr("Enter the secret key of the new access key id."));
    return problems;
}

void AccountDialog::updateProviderFields()
{
    const bool huawei = m_provider->currentData().toInt() == int(core::Provider::Huawei);
    const bool iam
        = huawei && m_auth->currentData().toInt() == int(store::Account::AuthKind::IamToken);
    if (!huawei && m_auth->currentIndex() != 0)
        m_auth->setCurrentIndex(0);
    m_auth->setEnabled(huawei);
    auto *form = qobject_cast<QFormLayout *>(layout()->itemAt(0)->layout());
    form->setRowVisible(m_accessKeyId, !iam);
    form->setRowVisible(m_secretKey, !iam);
    form->setRowVisible(m_iamUser, iam);
    form->setRowVisible(m_iamDomain, iam);
    form->setRowVisible(m_iamPassword, iam);
    form->setRowVisible(m_signature, !huawei);
    m_regions->setColumnHidden(ProjectId, !huawei);
}

void AccountDialog::revalidate()
{
    const QStringList list = problems();
    m_problems->setText(list.join(QLatin1Char('\n')));
    m_problems->setVisible(!list.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(list.isEmpty());
    m_testButton->setEnabled(list.isEmpty());
}

void AccountDialog::showTestResult(int run, const QString &region, bool ok, const QString &text)
{
    if (run != m_testRun)
        return;
    m_testResults->appendPlainText(ok ? tr("%1: OK — %2").arg(region, text)
                                      : tr("%1: failed — %2").arg(region, text));
    if (!m_testingOnAccept)
        return;
    m_answers.append(region);
    if (!ok)
        m_failures.append(tr("%1: %2").arg(region, text));
    if (m_answers.size() >= m_expectedAnswers)
        finishAcceptTest();
}

QString AccountDialog::storageText() const
{
    return m_persistent ? tr("Secrets are stored in the system keychain.")
                        : tr("No system keychain: secrets are kept in memory only, for this "
                             "session, and must be entered again after a restart.");
}

void AccountDialog::setSecretsPersistent(bool persistent)
{
    m_persistent = persistent;
    m_storage->setText(storageText());
    if (m_editing) {
        const QString unchanged = persistent ? tr("unchanged (stored in the keychain)")
                                             : tr("unchanged (kept in memory for this session)");
        m_secretKey->setPlaceholderText(unchanged);
        m_iamPassword->setPlaceholderText(unchanged);
    }
    revalidate();
}

void AccountDialog::accept()
{
    if (m_testingOnAccept || !problems().isEmpty())
        return;
    // Nobody to test with (no session listening): save as typed.
    if (!isSignalConnected(QMetaMethod::fromSignal(&AccountDialog::testConnectionRequested))) {
        QDialog::accept();
        return;
    }
    const store::Account tested = account();
    m_testingOnAccept = true;
    m_expectedAnswers = int(tested.regions.size());
    m_answers.clear();
    m_failures.clear();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_testButton->setEnabled(false);
    m_testResults->clear();
    m_testResults->appendPlainText(tr("Testing the keys before saving…"));
    emit testConnectionRequested(tested, secrets());
    if (m_expectedAnswers == 0)
        finishAcceptTest();
}

void AccountDialog::finishAcceptTest()
{
    m_testingOnAccept = false;
    revalidate(); // OK and Test enabled again
    if (m_failures.isEmpty()) {
        QDialog::accept();
        return;
    }
    QMessageBox box(QMessageBox::Warning, tr("Keys Not Accepted"),
                    tr("The provider refused these keys:\n\n%1\n\nSave the account anyway?")
                        .arg(m_failures.join(QLatin1Char('\n'))),
                    QMessageBox::NoButton, this);
    QPushButton *save = box.addButton(tr("Save Anyway"), QMessageBox::AcceptRole);
    save->setObjectName(QStringLiteral("saveAnyway"));
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == save)
        QDialog::accept();
}

} // namespace ui
