#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

namespace core {

// Equal strings read in bulk share one copy. Loading 100,000 stored caches reads the same
// account ids, regions, image names, tag keys and event reasons over and over: pooled, each is
// one implicitly shared QString instead of one allocation per cache.
class StringPool final
{
public:
    QString operator()(const QString &text)
    {
        if (text.isEmpty())
            return {};
        const auto it = m_strings.constFind(text);
        if (it != m_strings.constEnd())
            return *it;
        m_strings.insert(text);
        return text;
    }

    // The same list (all its strings pooled) for equal lists.
    QStringList operator()(const QStringList &list)
    {
        if (list.isEmpty())
            return {};
        const auto it = m_lists.constFind(list);
        if (it != m_lists.constEnd())
            return *it;
        QStringList pooled;
        pooled.reserve(list.size());
        for (const QString &text : list)
            pooled.append((*this)(text));
        m_lists.insert(pooled);
        return pooled;
    }

private:
    QSet<QString> m_strings;
    QSet<QStringList> m_lists;
};

} // namespace core
