#pragma once

#include "store/account.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace ui {

// Secrets typed into the account dialog. They go to the keychain and nowhere else.
struct AccountSecrets
{
    QString secretKey;   // empty when editing and left unchanged
    QString iamPassword; // Huawei IAM token auth
};

// Adds or edits an account: provider, name, regions (with endpoint override and Huawei project
// id), auth kind and keys. "Test connection" makes one real read call per region through the
// session and shows the provider's answer verbatim.
class AccountDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountDialog)
public:
    explicit AccountDialog(QWidget *parent = nullptr);

    void setAccount(const store::Account &account); // edit mode: secrets stay unchanged if empty
    store::Account account() const;
    AccountSecrets secrets() const;
    QStringList problems() const;
    // Where the session keeps secrets: the system keychain, or memory only (no keychain).
    void setSecretsPersistent(bool persistent);

    // OK tests the keys first (one read per region); refused keys ask "Save Anyway" / "Cancel"
    // with the provider's answer.
    void accept() override;

public slots:
    // One line per region: "cn-north-4: OK (12 caches)" or the provider's error. Answers of an
    // earlier click (another run) are dropped.
    void showTestResult(int run, const QString &region, bool ok, const QString &text);
    void setTestRun(int run) { m_testRun = run; }

signals:
    void testConnectionRequested(const store::Account &account, const ui::AccountSecrets &secrets);

private:
    void addRegionRow(const store::AccountRegion &region = {});
    void updateProviderFields();
    void revalidate();

    QString m_id;
    bool m_editing = false;
    int m_testRun = 0;
    store::Account m_loaded; // the account being edited, as stored
    QComboBox *m_provider = nullptr;
    QLineEdit *m_name = nullptr;
    QTableWidget *m_regions = nullptr;
    QComboBox *m_auth = nullptr;
    QLineEdit *m_accessKeyId = nullptr;
    QLineEdit *m_secretKey = nullptr;
    QLineEdit *m_iamUser = nullptr;
    QLineEdit *m_iamDomain = nullptr;
    QLineEdit *m_iamPassword = nullptr;
    QComboBox *m_signature = nullptr;
    QLabel *m_problems = nullptr;
    QPlainTextEdit *m_testResults = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_storage = nullptr;
    bool m_persistent = true;
    bool m_testingOnAccept = false;
    int m_expectedAnswers = 0;
    QStringList m_answers;  // this run's answers so far
    QStringList m_failures; // "region: provider's error"
    void finishAcceptTest();
    QString storageText() const;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace ui
