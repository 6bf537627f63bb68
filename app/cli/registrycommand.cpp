#include "registrycommand.h"

#include "console.h"
#include "storeaccess.h"
#include "textformatter.h"

#include "providers/completer.h"
#include "registry/registryerrors.h"
#include "registry/registrylogins.h"
#include "store/credentialstore.h"
#include "store/store.h"

#include <QLocale>

namespace cli {

namespace {

QString sizeText(qint64 bytes, bool estimated)
{
    const QString text = QLocale::c().formattedDataSize(bytes, 1);
    return estimated ? RegistryCommand::tr("~%1 (estimate)").arg(text) : text;
}

QString shortDigest(const QString &digest)
{
    return digest.section(QLatin1Char(':'), 1).left(12);
}

} // namespace

RegistryCommand::RegistryCommand(const CliOptions &options, const QProcessEnvironment &environment,
                                 store::Store *accounts, store::CredentialStore *credentials,
                                 net::ApiClient *transport, QObject *parent)
    : Command(options, parent)
    , m_environment(environment)
    , m_accounts(accounts)
    , m_credentials(credentials)
    , m_client(new registry::RegistryClient(transport, this))
{}

void RegistryCommand::start()
{
    const auto reference = registry::RegistryReference::parse(m_options.arguments.value(0));
    if (!reference.ok())
        return failUsage(reference.error().message);
    m_reference = reference.value();
    if (m_options.isSet(QStringLiteral("platform"))) {
        const auto platform = registry::Platform::parse(m_options.platform);
        if (!platform.ok())
            return failUsage(platform.error().message);
        m_platform = platform.value();
    }

    // The environment's login first (scripts, CI); else a stored account's for this server.
    const QString user = m_environment.value(QStringLiteral("IMAGECACHE_REGISTRY_USER"));
    const QString password = m_environment.value(QStringLiteral("IMAGECACHE_REGISTRY_PASSWORD"));
    if (!user.isEmpty() && !password.isEmpty()) {
        m_client->setCredentials(m_reference.domain, {user, password});
        return inspect();
    }
    if (!m_accounts || !m_credentials)
        return inspect();
    QList<store::Account> candidates;
    if (!m_options.account.isEmpty()) {
        QString error;
        const auto account = StoreAccess::find(*m_accounts, m_options.account, &error);
        if (!account)
            return failUsage(error);
        candidates << *account;
    } else {
        candidates = m_accounts->accounts();
    }
    providers::whenFinished(
        registry::RegistryLogins::resolve(candidates, m_reference.domain, m_credentials), this,
        [this](const registry::ResolvedLogin &login) {
            if (!login.warning.isEmpty())
                Console::err(tr("warning: %1").arg(login.warning));
            if (!login.credentials.isEmpty())
                m_client->setCredentials(m_reference.domain, login.credentials);
            inspect();
        });
}

void RegistryCommand::inspect()
{
    providers::whenFinished(m_client->inspect(m_reference, m_platform), this,
                            [this](const net::Result<registry::ImageDetails> &result) {
                                if (!result.ok())
                                    return fail(result.error());
                                print(result.value());
                                finish(0);
                            });
}

void RegistryCommand::print(const registry::ImageDetails &image)
{
    if (m_options.json)
        Console::json(image.toJson());
    else
        Console::out(text(image));
}

QString RegistryCommand::text(const registry::ImageDetails &image)
{
    TextFormatter::Pairs pairs;
    pairs.append({tr("Name"), image.name});
    if (!image.tag.isEmpty())
        pairs.append({tr("Tag"), image.tag});
    pairs.append({tr("Digest"), image.digest});
    if (!image.indexDigest.isEmpty())
        pairs.append({tr("Index digest"), image.indexDigest});
    pairs.append({tr("Platform"), image.platform.toString()});
    if (image.platforms.size() > 1)
        pairs.append({tr("Platforms"), image.platforms.join(QStringLiteral(", "))});
    pairs.append({tr("OS"), image.platform.os});
    pairs.append({tr("Architecture"), image.platform.architecture});
    if (image.created.isValid())
        pairs.append({tr("Created"), image.created.toString(Qt::ISODate)});
    pairs.append({tr("Media type"), image.mediaType});
    pairs.append({tr("Config"), image.configDigest});
    pairs.append({tr("Compressed size"), sizeText(image.compressedSize(), false)});
    pairs.append({tr("Uncompressed size"),
                  sizeText(image.uncompressedSize(), image.uncompressedEstimated())});
    pairs.append({tr("Layers"), QString::number(image.layers.size())});

    QList<QStringList> rows;
    for (const registry::LayerDetails &layer : image.layers)
        rows << QStringList{shortDigest(layer.digest), sizeText(layer.compressedSize, false),
                            sizeText(layer.uncompressedSize, layer.uncompressedEstimated),
                            layer.createdBy};
    return TextFormatter::details(pairs) + QLatin1Char('\n')
           + TextFormatter::table(
               {tr("LAYER"), tr("COMPRESSED"), tr("UNCOMPRESSED"), tr("COMMAND")}, rows);
}

} // namespace cli
