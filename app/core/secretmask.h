#pragma once

#include <QJsonObject>
#include <QString>

namespace core {

// The text shown in place of a secret everywhere a user can see or copy data.
inline constexpr char MaskedSecret[] = "******";

// True for JSON keys and parameter names that carry secrets: passwords, secret keys, tokens,
// signatures (case-insensitive; "Password", "AccessKeySecret", "X-Auth-Token", ...).
bool isSecretKey(const QString &key);

// A copy of `object` with every secret value (at any depth, also inside arrays) replaced by
// MaskedSecret. Used by the raw JSON pane, JSON output and anything stored.
QJsonObject maskSecrets(const QJsonObject &object);

} // namespace core
