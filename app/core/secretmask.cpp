#include "secretmask.h"

#include <QJsonArray>

namespace core {

bool isSecretKey(QStringView key)
{
    QString k;
    k.reserve(key.size());
    for (const QChar c : key) {
        if (c != u'-' && c != u'_')
            k.append(c.toLower());
    }
    // Paging and idempotency tokens are not credentials; "image_pull_secrets" lists names.
    const bool token
        = k.endsWith(u"token") && !k.endsWith(u"nexttoken") && !k.endsWith(u"clienttoken");
    const bool secret = k.contains(u"secret") && !k.endsWith(u"secrets");
    return k.contains(u"password") || secret || token || k == u"sk" || k == u"signature"
           || k.endsWith(u"authorization") || k == u"cookie" || k == u"setcookie";
}

bool isMaskedValue(const QJsonValue &value)
{
    return value.isDouble() || (value.isString() && !value.toString().isEmpty());
}

QJsonValue maskSecrets(const QJsonValue &value)
{
    if (value.isObject())
        return maskSecrets(value.toObject());
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(maskSecrets(v));
        return out;
    }
    return value;
}

QJsonObject maskSecrets(const QJsonObject &object)
{
    QJsonObject out;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const bool masked = isSecretKey(it.key()) && isMaskedValue(it.value());
        out.insert(it.key(),
                   masked ? QJsonValue(QLatin1String(MaskedSecret)) : maskSecrets(it.value()));
    }
    return out;
}

} // namespace core
