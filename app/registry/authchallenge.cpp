#include "authchallenge.h"

namespace registry {

AuthChallenge AuthChallenge::parse(const QByteArray &header)
{
    AuthChallenge challenge;
    const QByteArray text = header.trimmed();
    const qsizetype space = text.indexOf(' ');
    const QByteArray scheme = (space < 0 ? text : text.left(space)).toLower();
    if (scheme == "bearer")
        challenge.scheme = Scheme::Bearer;
    else if (scheme == "basic")
        challenge.scheme = Scheme::Basic;
    else
        return challenge;
    if (space < 0)
        return challenge;

    // auth-param = token "=" ( token / quoted-string ), separated by commas.
    const QByteArray rest = text.mid(space + 1);
    qsizetype i = 0;
    while (i < rest.size()) {
        while (i < rest.size() && (rest[i] == ' ' || rest[i] == ','))
            ++i;
        const qsizetype eq = rest.indexOf('=', i);
        if (eq < 0)
            break;
        const QString name = QString::fromLatin1(rest.mid(i, eq - i).trimmed()).toLower();
        i = eq + 1;
        QByteArray value;
        if (i < rest.size() && rest[i] == '"') {
            ++i;
            while (i < rest.size() && rest[i] != '"') {
                if (rest[i] == '\\' && i + 1 < rest.size())
                    ++i;
                value += rest[i++];
            }
            ++i; // closing quote
        } else {
            while (i < rest.size() && rest[i] != ',')
                value += rest[i++];
            value = value.trimmed();
        }
        challenge.parameters.insert(name, QString::fromUtf8(value));
    }
    return challenge;
}

} // namespace registry
