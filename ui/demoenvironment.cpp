#include "demoenvironment.h"

#include "emulator/emulator.h"
#include "store/databaseurl.h"
#include "store/memorycredentialstore.h"

#include <QDir>
#include <QStandardPaths>

namespace ui {

DemoEnvironment::DemoEnvironment() = default;
DemoEnvironment::~DemoEnvironment() = default;

bool DemoEnvironment::start(QString *error, const QString &directory)
{
    m_directory = directory.isEmpty()
                      ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                            + QStringLiteral("/demo")
                      : directory;
    if (!QDir().mkpath(m_directory)) {
        *error = tr("Cannot create the demo folder %1.").arg(m_directory);
        return false;
    }
    emulator::Options options;
    options.demoData = true;
    options.stateFile = m_directory + QStringLiteral("/emulator-state.json");
    // Slow enough to watch: a cache takes about a minute to build.
    options.timings.huaweiCreateMs = 45'000;
    options.timings.alibabaPrepareMs = 5'000;
    options.timings.alibabaCreateMs = 60'000;
    options.timings.alibabaUpdateMs = 30'000;
    options.timings.huaweiDeleteMs = 5'000;
    m_emulator = std::make_unique<emulator::Emulator>(options);
    if (m_emulator->listen(QHostAddress::LocalHost, 0) == 0) {
        *error = tr("The demo emulator could not listen on a loopback port.");
        return false;
    }
    return true;
}

void DemoEnvironment::configure(ConsoleSession::Options &options) const
{
    options.storeUrl = store::DatabaseUrl::sqliteUrl(m_directory + QStringLiteral("/demo.db"));
    auto credentials = std::make_shared<store::MemoryCredentialStore>(
        tr("Demo mode: the demo keys are kept in memory only."));
    options.credentials = credentials;

    // The emulator's port changes every run: the accounts are written again each time.
    store::Account huawei;
    huawei.id = QString::fromLatin1(HuaweiAccountId);
    huawei.provider = core::Provider::Huawei;
    huawei.displayName = tr("Huawei demo");
    huawei.regions = {{QString::fromLatin1(emulator::demo::HuaweiRegion), m_emulator->baseUrl(),
                       QString::fromLatin1(emulator::demo::HuaweiProjectId)}};
    huawei.accessKeyId = QString::fromLatin1(emulator::demo::HuaweiAccessKey);
    credentials->writeNow(store::CredentialStore::secretKey(huawei.id),
                          QString::fromLatin1(emulator::demo::HuaweiSecretKey));

    store::Account alibaba;
    alibaba.id = QString::fromLatin1(AlibabaAccountId);
    alibaba.provider = core::Provider::Alibaba;
    alibaba.displayName = tr("Alibaba demo");
    alibaba.regions
        = {{QString::fromLatin1(emulator::demo::AlibabaRegion), m_emulator->baseUrl(), QString()}};
    alibaba.accessKeyId = QString::fromLatin1(emulator::demo::AlibabaAccessKeyId);
    credentials->writeNow(store::CredentialStore::secretKey(alibaba.id),
                          QString::fromLatin1(emulator::demo::AlibabaAccessKeySecret));

    options.seedAccounts = {huawei, alibaba};
}

} // namespace ui
