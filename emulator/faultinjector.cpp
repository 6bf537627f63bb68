#include "faultinjector.h"

#include <QMutexLocker>
#include <QRegularExpression>

namespace emulator {

namespace {
struct KindName
{
    FaultRule::Kind kind;
    const char *name;
};
constexpr KindName kKindNames[] = {
    {FaultRule::Kind::Latency, "latency"},   {FaultRule::Kind::Error5xx, "error5xx"},
    {FaultRule::Kind::Throttle, "throttle"}, {FaultRule::Kind::Stall, "stall"},
    {FaultRule::Kind::Truncate, "truncate"}, {FaultRule::Kind::Malformed, "malformed"},
    {FaultRule::Kind::Reset, "reset"},
};

bool validate(const FaultRule &rule, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (rule.kind == FaultRule::Kind::Latency && rule.latencyMs <= 0)
        return fail(
            FaultRule::tr("latency needs a positive number of milliseconds, e.g. latency:800"));
    if (rule.kind == FaultRule::Kind::Error5xx && (rule.status < 500 || rule.status > 599))
        return fail(FaultRule::tr("error5xx status must be between 500 and 599"));
    if (!(rule.fraction >= 0.0 && rule.fraction <= 1.0))
        return fail(FaultRule::tr("fraction must be between 0 and 1"));
    if (rule.count == 0 || rule.count < -1)
        return fail(FaultRule::tr("count must be a positive number of requests"));
    return true;
}
} // namespace

QString FaultRule::kindName(Kind kind)
{
    for (const auto &entry : kKindNames) {
        if (entry.kind == kind)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

std::optional<FaultRule::Kind> FaultRule::kindFromName(const QString &name)
{
    for (const auto &entry : kKindNames) {
        if (name.compare(QLatin1String(entry.name), Qt::CaseInsensitive) == 0)
            return entry.kind;
    }
    return std::nullopt;
}

std::optional<FaultRule> FaultRule::parse(const QString &text, QString *error)
{
    // KIND[:ARG][@MATCH][%FRACTION][#COUNT]
    static const QRegularExpression pattern(QStringLiteral(
        R"(^([A-Za-z0-9]+)(?::([0-9]+))?(?:@([^%#]*))?(?:%([0-9.]+))?(?:#([0-9]+))?$)"));
    const auto m = pattern.match(text.trimmed());
    if (!m.hasMatch()) {
        if (error)
            *error = tr("cannot parse fault rule \"%1\"; expected "
                        "KIND[:ARG][@MATCH][%FRACTION][#COUNT]")
                         .arg(text);
        return std::nullopt;
    }
    const auto kind = kindFromName(m.captured(1));
    if (!kind) {
        if (error)
            *error = tr("unknown fault kind \"%1\"").arg(m.captured(1));
        return std::nullopt;
    }
    FaultRule rule;
    rule.kind = *kind;
    const auto arg = m.captured(2);
    if (!arg.isEmpty()) {
        if (rule.kind == Kind::Latency)
            rule.latencyMs = arg.toInt();
        else if (rule.kind == Kind::Error5xx)
            rule.status = arg.toInt();
        else {
            if (error)
                *error = tr("fault kind \"%1\" takes no argument").arg(m.captured(1));
            return std::nullopt;
        }
    }
    rule.match = m.captured(3);
    if (m.hasCaptured(4) && !m.captured(4).isEmpty()) {
        bool ok = false;
        rule.fraction = m.captured(4).toDouble(&ok);
        if (!ok) {
            if (error)
                *error = tr("fraction must be a number between 0 and 1");
            return std::nullopt;
        }
    }
    if (m.hasCaptured(5) && !m.captured(5).isEmpty())
        rule.count = m.captured(5).toInt();
    if (!validate(rule, error))
        return std::nullopt;
    return rule;
}

std::optional<FaultRule> FaultRule::fromJson(const QJsonObject &json, QString *error)
{
    const auto kind = kindFromName(json.value(u"kind").toString());
    if (!kind) {
        if (error)
            *error = tr("\"kind\" must be one of latency, error5xx, throttle, stall, truncate, "
                        "malformed, reset");
        return std::nullopt;
    }
    FaultRule rule;
    rule.kind = *kind;
    rule.latencyMs = json.value(u"latencyMs").toInt(0);
    rule.status = json.value(u"status").toInt(503);
    rule.match = json.value(u"match").toString();
    rule.fraction = json.value(u"fraction").toDouble(1.0);
    rule.count = json.value(u"count").toInt(-1);
    if (!validate(rule, error))
        return std::nullopt;
    return rule;
}

QJsonObject FaultRule::toJson() const
{
    QJsonObject json{{QStringLiteral("kind"), kindName(kind)},
                     {QStringLiteral("match"), match},
                     {QStringLiteral("fraction"), fraction},
                     {QStringLiteral("count"), count}};
    if (kind == Kind::Latency)
        json.insert(QStringLiteral("latencyMs"), latencyMs);
    if (kind == Kind::Error5xx)
        json.insert(QStringLiteral("status"), status);
    return json;
}

QString FaultRule::toString() const
{
    QString text = kindName(kind);
    if (kind == Kind::Latency)
        text += u':' + QString::number(latencyMs);
    else if (kind == Kind::Error5xx)
        text += u':' + QString::number(status);
    if (!match.isEmpty())
        text += u'@' + match;
    if (fraction < 1.0)
        text += u'%' + QString::number(fraction);
    if (count > 0)
        text += u'#' + QString::number(count);
    return text;
}

FaultInjector::FaultInjector() = default;

int FaultInjector::addRule(const FaultRule &rule)
{
    QMutexLocker lock(&m_mutex);
    const int id = m_nextId++;
    m_entries.append({id, rule, rule.count});
    return id;
}

bool FaultInjector::removeRule(int id)
{
    QMutexLocker lock(&m_mutex);
    return m_entries.removeIf([id](const Entry &e) { return e.id == id; }) > 0;
}

void FaultInjector::clear()
{
    QMutexLocker lock(&m_mutex);
    m_entries.clear();
}

QList<FaultRule> FaultInjector::rules() const
{
    QMutexLocker lock(&m_mutex);
    QList<FaultRule> rules;
    for (const auto &entry : m_entries) {
        auto rule = entry.rule;
        rule.count = entry.remaining;
        rules.append(rule);
    }
    return rules;
}

void FaultInjector::setSeed(quint64 seed)
{
    QMutexLocker lock(&m_mutex);
    m_random.seed(seed);
}

qint64 FaultInjector::injectedCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_injected;
}

FaultInjector::Decision FaultInjector::decide(const QString &path, const QString &action)
{
    QMutexLocker lock(&m_mutex);
    Decision decision;
    for (auto &entry : m_entries) {
        const auto &rule = entry.rule;
        if (!rule.match.isEmpty() && !path.contains(rule.match)
            && action.compare(rule.match, Qt::CaseInsensitive) != 0) {
            continue;
        }
        if (entry.remaining == 0)
            continue;
        if (rule.kind != FaultRule::Kind::Latency && decision.fault)
            continue;
        if (rule.fraction < 1.0) {
            const double draw = double(m_random() >> 11) * (1.0 / 9007199254740992.0);
            if (draw >= rule.fraction)
                continue;
        }
        if (entry.remaining > 0)
            --entry.remaining;
        ++m_injected;
        if (rule.kind == FaultRule::Kind::Latency)
            decision.latencyMs += rule.latencyMs;
        else
            decision.fault = rule;
    }
    m_entries.removeIf([](const Entry &e) { return e.remaining == 0; });
    return decision;
}

} // namespace emulator
