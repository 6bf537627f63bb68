#include "welcomepage.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomePage"));
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto *column = new QVBoxLayout;
    column->setSpacing(12);

    auto *title = new QLabel(tr("Welcome to ImageCache Console"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title->setFont(big);
    column->addWidget(title);
    auto *text = new QLabel(
        tr("See and manage the image caches of Huawei Cloud CCE Autopilot and Alibaba Cloud "
           "ECI in one window. No account is set up yet: add one with its access key, import "
           "the profiles of the aliyun CLI or KooCLI, or look around in the demo first."));
    text->setWordWrap(true);
    column->addWidget(text);

    const auto button = [&](const QString &label, const QString &hint, const QString &name) {
        auto *b = new QPushButton(label);
        b->setObjectName(name);
        b->setMinimumHeight(b->sizeHint().height() + 8);
        column->addWidget(b);
        auto *h = new QLabel(hint);
        h->setWordWrap(true);
        h->setForegroundRole(QPalette::PlaceholderText);
        column->addWidget(h);
        return b;
    };
    m_add = button(tr("&Add Account…"),
                   tr("An access key (AK/SK) of Huawei Cloud or Alibaba Cloud and its regions. "
                      "The secret goes to the system keychain."),
                   QStringLiteral("welcomeAddAccount"));
    m_import = button(tr("&Import Profiles…"),
                      tr("The profiles of the aliyun CLI (~/.aliyun/config.json) or KooCLI "
                         "(~/.hcloud/config.json)."),
                      QStringLiteral("welcomeImport"));
    m_demo = button(tr("Try the &Demo"),
                    tr("A second window with demo accounts of both clouds on a built-in "
                       "emulator: nothing is sent to a cloud."),
                    QStringLiteral("welcomeDemo"));
    connect(m_add, &QPushButton::clicked, this, &WelcomePage::addAccountRequested);
    connect(m_import, &QPushButton::clicked, this, &WelcomePage::importRequested);
    connect(m_demo, &QPushButton::clicked, this, &WelcomePage::demoRequested);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addLayout(column, 3);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);
}

QStringList WelcomePage::defaultProfiles(const QString &home)
{
    QStringList found;
    for (const QString &relative :
         {QStringLiteral(".aliyun/config.json"), QStringLiteral(".hcloud/config.json")}) {
        const QString path = QDir(home).filePath(relative);
        if (QFileInfo(path).isFile())
            found.append(path);
    }
    return found;
}

} // namespace ui
