#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <functional>
#include <optional>

namespace net {

// Looks up the secret of an access key (emulator side); nullopt for an unknown key.
using SecretLookup = std::function<std::optional<QByteArray>(const QByteArray &accessKeyId)>;

// The result of checking a received request's signature (used by the emulator, and by the
// tests that hold our signer against its verifier).
struct SignatureCheck
{
    enum class Status {
        Ok,
        Missing,     // no Authorization / Signature at all
        Malformed,   // present but unparsable, or a signed header is absent
        UnknownKey,  // access key not configured
        Mismatch,    // signature differs
        Expired,     // date outside the allowed skew (Huawei 15 min, Alibaba 15 min)
        NonceReused, // Alibaba SignatureNonce seen before
    };
    Status status = Status::Missing;
    QByteArray accessKeyId;
    QByteArray nonce;    // Alibaba, for the caller's replay check
    QDateTime timestamp; // X-Sdk-Date / x-acs-date / Timestamp
    QString detail;      // e.g. the expected string-to-sign, for the error message

    bool ok() const { return status == Status::Ok; }
};

} // namespace net
