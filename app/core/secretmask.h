#pragma once

#include <QJsonObject>
#include <QString>

namespace core {

// The text shown in place of a secret everywhere a user can see or copy data, and in logs.
inline constexpr char MaskedSecret[] = "******";

// The one rule for what is secret, for JSON keys, query and form parameter names and HTTP
// header names alike (case-insensitive, '-' and '_' ignored): passwords, secret keys ("sk",
// "AccessKeySecret"), tokens ("X-Auth-Token", "SecurityToken", a bearer "token"), signatures,
// authorization headers and cookies. Not secret: paging and idempotency tokens (NextToken,
// ClientToken) and lists of secret *names* (image_pull_secrets).
bool isSecretKey(QStringView key);

// Whether a value under a secret key is hidden: a non-empty string or a number. An empty
// string, null or a flag hides nothing (and stays as it is, so nothing is invented); objects
// and arrays are searched instead.
bool isMaskedValue(const QJsonValue &value);

// A copy of `object` with every secret value (at any depth, also inside arrays) replaced by
// MaskedSecret. Used by the raw JSON pane, the store, JSON output and the request log.
QJsonObject maskSecrets(const QJsonObject &object);
QJsonValue maskSecrets(const QJsonValue &value);

} // namespace core
