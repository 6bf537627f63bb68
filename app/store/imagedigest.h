#pragma once

#include <QDateTime>
#include <QString>

namespace store {

// The digest one image reference of a cache resolved to when the cache was created, and what
// the last "tag moved" check found for it. No credentials: only names and digests.
struct ImageDigest
{
    enum class State {
        NotChecked,    // recorded, never checked
        Same,          // the tag still points at the recorded digest
        Moved,         // the tag now points elsewhere: the cache holds an older image
        CouldNotCheck, // the registry did not answer the check (checkError says why)
    };

    QString cacheKey; // core::ImageCache::key()
    QString accountId;
    QString region;
    QString image;  // the reference as the cache lists it
    QString digest; // "sha256:…" at create
    QDateTime resolvedAt;
    // The last check (empty / invalid until one ran).
    QString currentDigest;
    QDateTime checkedAt;
    QString checkError; // "<registry code>: <message>" when the check failed

    State state() const
    {
        if (!checkedAt.isValid())
            return State::NotChecked;
        if (!checkError.isEmpty())
            return State::CouldNotCheck;
        return currentDigest == digest ? State::Same : State::Moved;
    }
    bool moved() const { return state() == State::Moved; }
    friend bool operator==(const ImageDigest &, const ImageDigest &) = default;
};

} // namespace store
