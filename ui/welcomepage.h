#pragma once

#include <QWidget>

class QPushButton;

namespace ui {

// What the window shows while no account is set up: what the console is for and the three
// ways to start: add an account, import the aliyun CLI's or KooCLI's profiles (from their
// real default paths), or try the demo.
class WelcomePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomePage)
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    QPushButton *addAccountButton() const { return m_add; }
    QPushButton *importButton() const { return m_import; }
    QPushButton *demoButton() const { return m_demo; }

    // The profile files of the two CLIs that exist under `home`, aliyun's first:
    // ~/.aliyun/config.json and ~/.hcloud/config.json.
    static QStringList defaultProfiles(const QString &home);

signals:
    void addAccountRequested();
    void importRequested();
    void demoRequested();

private:
    QPushButton *m_add = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_demo = nullptr;
};

} // namespace ui
