#include "imagepreflight.h"

#include "registryreference.h"

#include "core/continuation.h"

namespace registry {

ImagePreflight::ImagePreflight(RegistryClient *client, StoredLogin storedLogin, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_storedLogin(std::move(storedLogin))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &ImagePreflight::pump);
}

ImagePreflight::~ImagePreflight() = default;

void ImagePreflight::setImages(const QStringList &images)
{
    QList<Entry> entries;
    entries.reserve(images.size());
    bool changed = images.size() != m_entries.size();
    for (qsizetype i = 0; i < images.size(); ++i) {
        const QString &image = images.at(i);
        const auto kept = std::find_if(m_entries.begin(), m_entries.end(),
                                       [&image](const Entry &e) { return e.check.image == image; });
        if (kept != m_entries.end()) {
            entries.append(*kept);
            changed = changed || kept - m_entries.begin() != i;
        } else {
            Entry entry;
            entry.check.image = image;
            entries.append(entry);
            changed = true;
        }
    }
    if (!changed)
        return;
    // An entry that is gone takes its awaited answer with it: that answer will find no one.
    m_entries = entries;
    emit this->changed();
    schedule();
}

QStringList ImagePreflight::images() const
{
    QStringList out;
    for (const Entry &entry : m_entries)
        out.append(entry.check.image);
    return out;
}

void ImagePreflight::setPlatform(const Platform &platform)
{
    if (platform == m_platform)
        return;
    m_platform = platform;
    recheck([](const Entry &) { return true; });
}

void ImagePreflight::setFormLogin(const QString &server, const RegistryCredentials &credentials)
{
    const QString domain = server.trimmed().isEmpty() || credentials.userName.isEmpty()
                               ? QString()
                               : normalisedDomain(server);
    const RegistryCredentials login = domain.isEmpty() ? RegistryCredentials{} : credentials;
    if (domain == m_formServer && login.userName == m_formCredentials.userName
        && login.password == m_formCredentials.password)
        return;
    const QString previous = m_formServer;
    m_formServer = domain;
    m_formCredentials = login;
    // A fresh client: tokens earned with the previous login are not this login's.
    delete m_formClient;
    m_formClient = nullptr;
    recheck([this, previous](const Entry &entry) {
        const auto reference = RegistryReference::parse(entry.check.image);
        if (!reference.ok())
            return false;
        const QString domain = normalisedDomain(reference.value().domain);
        return (!previous.isEmpty() && domain == previous)
               || (!m_formServer.isEmpty() && domain == m_formServer);
    });
}

void ImagePreflight::recheck(const std::function<bool(const Entry &)> &affected)
{
    bool any = false;
    for (Entry &entry : m_entries) {
        if (!affected(entry))
            continue;
        entry.request = 0; // an answer on its way is for the old question
        ImageCheck fresh;
        fresh.image = entry.check.image;
        entry.check = fresh;
        any = true;
    }
    if (!any)
        return;
    emit changed();
    schedule();
}

QList<ImageCheck> ImagePreflight::checks() const
{
    QList<ImageCheck> out;
    out.reserve(m_entries.size());
    for (const Entry &entry : m_entries)
        out.append(entry.check);
    return out;
}

std::optional<ImageCheck> ImagePreflight::check(const QString &image) const
{
    for (const Entry &entry : m_entries) {
        if (entry.check.image == image)
            return entry.check;
    }
    return std::nullopt;
}

void ImagePreflight::schedule()
{
    // Restarted by every edit: nothing is asked while the user is still typing.
    m_debounce.start();
}

void ImagePreflight::pump()
{
    if (m_debounce.isActive())
        return; // the list is still changing; the timer pumps when it stops
    // By index: a slot of changed() may edit the list while it is walked.
    for (qsizetype i = 0; i < m_entries.size() && m_inFlight < MaxInFlight; ++i) {
        if (m_entries[i].check.state == ImageCheck::State::Waiting)
            start(m_entries[i]);
    }
}

QString ImagePreflight::normalisedDomain(const QString &server)
{
    QString host = server.trimmed();
    for (const QLatin1String scheme : {QLatin1String("https://"), QLatin1String("http://")}) {
        if (host.startsWith(scheme, Qt::CaseInsensitive))
            host = host.mid(scheme.size());
    }
    while (host.endsWith(QLatin1Char('/')))
        host.chop(1);
    // Read as the domain of a reference, so docker.io's aliases and case compare as there.
    const auto reference = RegistryReference::parse(host + QStringLiteral("/x/y"));
    return reference.ok() ? reference.value().domain.toLower() : host.toLower();
}

bool ImagePreflight::formLoginApplies(const QString &domain) const
{
    return !m_formServer.isEmpty() && normalisedDomain(domain) == m_formServer;
}

void ImagePreflight::start(Entry &entry)
{
    const auto reference = RegistryReference::parse(entry.check.image);
    if (!reference.ok()) {
        // Malformed: nothing to ask, the reference's own error says what is wrong.
        entry.check.state = ImageCheck::State::Failed;
        entry.check.error = reference.error();
        entry.check.kind = ErrorKind::InvalidReference;
        emit changed();
        return;
    }
    const quint64 request = m_nextRequest++;
    entry.request = request;
    entry.check.state = ImageCheck::State::Checking;
    ++m_inFlight;

    // Sent before anyone hears of it: a listener that edits the list on "checking" leaves a
    // question really on its way.
    const RegistryReference target = reference.value();
    if (formLoginApplies(target.domain) && m_client) {
        if (!m_formClient)
            m_formClient = new RegistryClient(m_client->transport(), this);
        m_formClient->setCredentials(target.domain, m_formCredentials);
        inspect(request, m_formClient, target, QString(), true);
    } else if (!m_storedLogin) {
        inspect(request, m_client, target, QString(), false);
    } else {
        core::whenFinished(m_storedLogin(target.domain), this,
                           [this, request, target](const ResolvedLogin &login) {
                               inspect(request, m_client, target, login.warning, false);
                           });
    }
    emit changed();
}

void ImagePreflight::inspect(quint64 request, RegistryClient *client,
                             const RegistryReference &reference, const QString &loginWarning,
                             bool formLogin)
{
    if (!client) {
        answer(request, net::Result<ImageDetails>(), loginWarning, formLogin);
        return;
    }
    core::whenFinished(client->inspect(reference, m_platform), this,
                       [this, request, loginWarning, formLogin](const auto &result) {
                           answer(request, result, loginWarning, formLogin);
                       });
}

void ImagePreflight::answer(quint64 request, const net::Result<ImageDetails> &result,
                            const QString &loginWarning, bool formLogin)
{
    --m_inFlight;
    const auto entry = std::find_if(m_entries.begin(), m_entries.end(),
                                    [request](const Entry &e) { return e.request == request; });
    if (entry == m_entries.end()) {
        ++m_dropped; // the line, the platform or the login changed since it was asked
    } else {
        entry->request = 0;
        ImageCheck &check = entry->check;
        check.loginWarning = loginWarning;
        check.usedFormLogin = formLogin;
        if (result.ok()) {
            check.state = ImageCheck::State::Found;
            check.details = result.value();
        } else {
            check.state = ImageCheck::State::Failed;
            check.error = result.error();
            check.kind = RegistryErrors::kindOf(result.error());
        }
        emit changed();
    }
    pump();
}

} // namespace registry
