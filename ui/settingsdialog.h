#pragma once

#include "consolesettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace ui {

// File ▸ Settings: the store (a local SQLite file, or a shared PostgreSQL database with "Test
// connection"; its password goes to the keychain), poll intervals, the expiry warning window,
// notifications and the language (which applies at the next start, as the dialog says).
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)
public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    void setSettings(const ConsoleSettings &settings);
    // The chosen settings; storeUrl never carries the password.
    ConsoleSettings settings() const;
    // The PostgreSQL password typed in (empty: unchanged).
    QString password() const;
    // Empty when the chosen store is usable as typed; otherwise why not.
    QString storeProblem() const;

    QRadioButton *sqliteChoice() const { return m_sqlite; }
    QRadioButton *postgresChoice() const { return m_postgres; }
    QLineEdit *sqlitePathEdit() const { return m_sqlitePath; }
    QLineEdit *postgresUrlEdit() const { return m_postgresUrl; }
    QLineEdit *passwordEdit() const { return m_password; }
    QPushButton *testButton() const { return m_test; }
    QLabel *testResultLabel() const { return m_testResult; }
    QDialogButtonBox *buttons() const { return m_buttons; }

public slots:
    void setTestRun(int run) { m_testRun = run; }
    // The answer of "Test connection"; answers of an earlier click are dropped.
    void showTestResult(int run, bool ok, const QString &text);

signals:
    // The chosen store, with the typed password when there is one (never kept).
    void testRequested(const QUrl &url);

private:
    QUrl chosenUrl() const;
    void updateStoreFields();

    QRadioButton *m_sqlite = nullptr;
    QRadioButton *m_postgres = nullptr;
    QLineEdit *m_sqlitePath = nullptr;
    QPushButton *m_browse = nullptr;
    QLineEdit *m_postgresUrl = nullptr;
    QLineEdit *m_password = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_testResult = nullptr;
    QLabel *m_storeProblem = nullptr;
    QSpinBox *m_slow = nullptr;
    QSpinBox *m_fast = nullptr;
    QSpinBox *m_expiry = nullptr;
    QCheckBox *m_notifications = nullptr;
    QComboBox *m_language = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    int m_testRun = 0;
};

} // namespace ui
