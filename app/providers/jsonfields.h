#pragma once

#include "net/apierror.h"
#include "net/httpmessage.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace providers::json {

// Lenient readers for provider JSON: a missing field or one of the wrong type reads as empty
// (never a crash); the raw object is kept elsewhere for the detail pane.
QString string(const QJsonObject &object, const char *key);
int integer(const QJsonObject &object, const char *key, int fallback = 0);
std::optional<int> optionalInteger(const QJsonObject &object, const char *key);
qint64 integer64(const QJsonObject &object, const char *key, qint64 fallback = -1);
bool boolean(const QJsonObject &object, const char *key, bool fallback = false);
QStringList strings(const QJsonObject &object, const char *key);
QJsonObject object(const QJsonObject &object, const char *key);
QJsonArray array(const QJsonObject &object, const char *key);

// Provider time stamps: ISO 8601 ("2021-02-09T02:24:07Z", fractions, offsets) and Go's
// time.String() ("2024-11-25 06:32:34.923248 +0000 UTC", optional " m=+…" suffix). UTC; an
// invalid QDateTime when unparsable.
QDateTime parseTime(const QString &text);
// Epoch milliseconds (HSS latest_update_time) → UTC; invalid for 0/negative.
QDateTime fromEpochMs(qint64 ms);

// Parses a response body that must be a JSON object.
std::optional<QJsonObject> parseObject(const QByteArray &body);
// A MalformedResponse error for `operation`.
net::ApiError malformed(const QString &operation, const QString &detail,
                        const net::HttpResponse &response = {});

// JSON text of one string value, with escapes ("a\"b" → "\"a\\\"b\""), for writers that must
// keep a documented field order (QJsonDocument sorts keys).
QByteArray quoted(const QString &value);

// `base` with `encodedPath` appended to its own path and `encodedQuery` set as the query,
// both already percent-encoded and kept as is on the wire.
QUrl endpoint(const QUrl &base, const QByteArray &encodedPath, const QByteArray &encodedQuery = {});

} // namespace providers::json
