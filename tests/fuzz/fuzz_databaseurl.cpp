// The store's URL (IMAGECACHE_STORE, --store, the Store/Url setting), in every branch.
// Property: a password in the URL is never in an error message or the display name.
// Input: the URL's text.

#include "fuzzinput.h"
#include "store/databaseurl.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const QUrl &url : {QUrl(text), QUrl(text, QUrl::StrictMode)}) {
        store::DatabaseUrl parsed;
        QString error;
        const bool ok = store::DatabaseUrl::parse(url, &parsed, &error);
        const QString shown = ok ? parsed.displayName() : error;
        const QString password = url.password(QUrl::FullyDecoded);
        // Compared with the same URL without it: a password that is also, say, the host name
        // is shown as the host, not leaked.
        if (password.size() >= 4) {
            store::DatabaseUrl without;
            QString errorWithout;
            const QUrl stripped = url.adjusted(QUrl::RemovePassword);
            const bool okWithout = store::DatabaseUrl::parse(stripped, &without, &errorWithout);
            const QString shownWithout = okWithout ? without.displayName() : errorWithout;
            fuzz::require(!shown.contains(password) || shownWithout.contains(password),
                          "database password in a message");
        }
        (void)store::DatabaseUrl::redacted(url);
    }
    return 0;
}
