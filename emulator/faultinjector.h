#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QString>

#include <optional>
#include <random>

namespace emulator {

// One way the emulator misbehaves on purpose, so clients can be tested against it.
//
// Text form (CLI --fault and FaultRule::parse):   KIND[:ARG][@MATCH][%FRACTION][#COUNT]
//   KIND      latency | error5xx | throttle | stall | truncate | malformed | reset
//   ARG       latency: milliseconds (required); error5xx: HTTP status 500–599 (default 503)
//   MATCH     a path substring ("/v5/imagecaches") or an Alibaba action ("DescribeImageCaches");
//             empty matches every provider request
//   FRACTION  0..1, share of matching requests affected (default 1)
//   COUNT     affect only the next N matching requests (default: unlimited)
// Examples: throttle@DescribeImageCaches%0.5   latency:800   error5xx:502@/v5/imagecaches#3
struct FaultRule
{
    Q_DECLARE_TR_FUNCTIONS(FaultRule)
public:
    enum class Kind {
        Latency,  // answer normally, latencyMs later
        Error5xx, // provider's 5xx error body (Huawei APIGW.0500-style, Alibaba ServiceUnavailable)
        Throttle, // Huawei 429 APIGW.0308, Alibaba 400 Throttling.User + x-acs-retry-after
        Stall,    // keep the connection open, never answer
        Truncate, // request processed; Content-Length announced, fewer bytes sent, then closed
        Malformed, // 200 with a body that is not valid JSON (request not processed)
        Reset,     // connection aborted without an answer (request not processed)
    };

    Kind kind = Kind::Error5xx;
    int latencyMs = 0;
    int status = 503;
    QString match;
    double fraction = 1.0;
    int count = -1; // -1: unlimited

    static std::optional<FaultRule> parse(const QString &text, QString *error = nullptr);
    static std::optional<FaultRule> fromJson(const QJsonObject &json, QString *error = nullptr);
    QJsonObject toJson() const;
    QString toString() const;
    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);
};

// Holds the active rules and decides, per request, what goes wrong. Deterministic: the
// PRNG is seeded (default seed 1), so a given sequence of requests gets the same faults.
// Thread-safe, so a test may change rules while the emulator runs.
class FaultInjector final
{
public:
    struct Decision
    {
        int latencyMs = 0;              // sum of the matching latency rules
        std::optional<FaultRule> fault; // the first matching non-latency rule that fires
    };

    FaultInjector();

    int addRule(const FaultRule &rule); // returns the rule's id
    bool removeRule(int id);
    void clear();
    QList<FaultRule> rules() const;
    void setSeed(quint64 seed);
    qint64 injectedCount() const;

    // `path` is the decoded request path, `action` the Alibaba action (may be empty).
    Decision decide(const QString &path, const QString &action);

private:
    struct Entry
    {
        int id = 0;
        FaultRule rule;
        int remaining = -1;
    };
    mutable QMutex m_mutex;
    QList<Entry> m_entries;
    int m_nextId = 1;
    qint64 m_injected = 0;
    std::mt19937_64 m_random{1};
};

} // namespace emulator
