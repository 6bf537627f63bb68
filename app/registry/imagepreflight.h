#pragma once

#include "imagedetails.h"
#include "platform.h"
#include "registryclient.h"
#include "registryerrors.h"
#include "registrylogins.h"

#include "net/apierror.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <optional>

namespace registry {

// What the registry said about one image the user listed.
struct ImageCheck
{
    enum class State {
        Waiting,  // listed; asked once the list stops changing
        Checking, // asked, no answer yet
        Found,    // `details` holds the image for the platform
        Failed,   // `error` holds the registry's code and message, `kind` the case
    };

    QString image; // the reference as the user wrote it
    State state = State::Waiting;
    ImageDetails details;
    net::ApiError error;
    ErrorKind kind = ErrorKind::None;
    QString loginWarning; // the keychain could not be read: checked anonymously
    bool usedFormLogin = false;

    bool operator==(const ImageCheck &other) const
    {
        return image == other.image && state == other.state
               && details.digest == other.details.digest && error.code == other.error.code
               && error.message == other.error.message && kind == other.kind
               && loginWarning == other.loginWarning && usedFormLogin == other.usedFormLogin;
    }
};

// Checks the images of a list as the user edits it: each image is inspected on its registry
// (RegistryClient::inspect for the chosen platform) once the list has not changed for
// DebounceMs, and only images whose text (or platform, or login) changed are asked again. At
// most MaxInFlight inspections run at once; the rest wait their turn. An answer to a question
// that is no longer asked (the line was edited, the platform or the login changed meanwhile)
// is dropped. Nothing here blocks: it only reports.
//
// The login: a login given with the form (ECI's ImageRegistryCredential) applies to images of
// its server and is used on a client of this object's own, so a mistyped password never
// becomes the session's login for that registry; every other image gets the stored login
// (StoredLogin: the accounts' registry logins, set on the shared client).
class ImagePreflight final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImagePreflight)
public:
    // Sets the stored login for `domain` on the shared client (ConsoleSession::applyRegistryLogin
    // over RegistryLogins); finishes once it is set, its warning shown with the check.
    using StoredLogin = std::function<QFuture<ResolvedLogin>(const QString &domain)>;

    static constexpr int DebounceMs = 400;
    static constexpr int MaxInFlight = 3;

    ImagePreflight(RegistryClient *client, StoredLogin storedLogin, QObject *parent = nullptr);
    ~ImagePreflight() override;

    // The list as it reads now, in order; removed images are forgotten at once.
    void setImages(const QStringList &images);
    QStringList images() const;
    void setPlatform(const Platform &platform);
    Platform platform() const { return m_platform; }
    // The form's registry login; an empty server or user name: none.
    void setFormLogin(const QString &server, const RegistryCredentials &credentials);

    QList<ImageCheck> checks() const;
    std::optional<ImageCheck> check(const QString &image) const;
    int inFlight() const { return m_inFlight; }
    // Answers dropped because the question had changed meanwhile.
    int droppedAnswers() const { return m_dropped; }

signals:
    // The list or a check's state changed.
    void changed();

private:
    struct Entry
    {
        ImageCheck check;
        quint64 request = 0; // the answer this entry waits for; 0: none
    };

    void schedule();
    void pump();
    void start(Entry &entry);
    void inspect(quint64 request, RegistryClient *client, const RegistryReference &reference,
                 const QString &loginWarning, bool formLogin);
    void answer(quint64 request, const net::Result<ImageDetails> &result,
                const QString &loginWarning, bool formLogin);
    bool formLoginApplies(const QString &domain) const;
    // A server as references name it ("Registry.Example.com/" → "registry.example.com").
    static QString normalisedDomain(const QString &server);
    void recheck(const std::function<bool(const Entry &)> &affected);

    QPointer<RegistryClient> m_client;
    StoredLogin m_storedLogin;
    RegistryClient *m_formClient = nullptr;
    QString m_formServer; // canonical domain
    RegistryCredentials m_formCredentials;
    Platform m_platform;
    QList<Entry> m_entries;
    QTimer m_debounce;
    quint64 m_nextRequest = 1;
    int m_inFlight = 0;
    int m_dropped = 0;
};

} // namespace registry
