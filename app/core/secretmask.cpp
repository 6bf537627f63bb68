#include "secretmask.h"

#include <QJsonArray>

namespace core {

bool isSecretKey(const QString &key)
{
    const QString k = key.toLower();
    // Paging and idempotency tokens are not credentials; "image_pull_secrets" lists names.
    const bool token = k.endsWith(QLatin1String("token")) && !k.endsWith(QLatin1String("nexttoken"))
                       && !k.endsWith(QLatin1String("next_token"))
                       && !k.endsWith(QLatin1String("clienttoken"));
    const bool secret
        = k.contains(QLatin1String("secret")) && !k.endsWith(QLatin1String("secrets"));
    return k.contains(QLatin1String("password")) || secret || token || k == QLatin1String("sk")
           || k == QLatin1String("signature") || k == QLatin1String("authorization");
}

namespace {
QJsonValue maskValue(const QJsonValue &value);

QJsonArray maskArray(const QJsonArray &array)
{
    QJsonArray out;
    for (const QJsonValue &v : array)
        out.append(maskValue(v));
    return out;
}

QJsonValue maskValue(const QJsonValue &value)
{
    if (value.isObject())
        return maskSecrets(value.toObject());
    if (value.isArray())
        return maskArray(value.toArray());
    return value;
}
} // namespace

QJsonObject maskSecrets(const QJsonObject &object)
{
    QJsonObject out;
    for (auto it = object.begin(); it != object.end(); ++it) {
        // A secret key with an empty value stays empty: nothing is hidden, nothing invented.
        const bool secret = isSecretKey(it.key()) && !it.value().isObject() && !it.value().isArray()
                            && !it.value().toString().isEmpty();
        out.insert(it.key(),
                   secret ? QJsonValue(QLatin1String(MaskedSecret)) : maskValue(it.value()));
    }
    return out;
}

} // namespace core
