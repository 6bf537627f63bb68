#pragma once

#include "faultinjector.h"

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

namespace emulator {

namespace demo { // credentials the emulator accepts by default; also used by tests and --demo
inline constexpr char HuaweiAccessKey[] = "EMULATORHUAWEIAK0001";
inline constexpr char HuaweiSecretKey[] = "emulator-huawei-secret-key-0001";
inline constexpr char HuaweiProjectId[] = "0123456789abcdef0123456789abcdef";
inline constexpr char HuaweiIamDomain[] = "demo-account";
inline constexpr char HuaweiIamUser[] = "demo-user";
inline constexpr char HuaweiIamPassword[] = "demo-password";
inline constexpr char AlibabaAccessKeyId[] = "EMULATORALIBABAAK01";
inline constexpr char AlibabaAccessKeySecret[] = "emulator-alibaba-secret-0001";
inline constexpr char HuaweiRegion[] = "cn-north-4";
inline constexpr char AlibabaRegion[] = "cn-hangzhou";
} // namespace demo

struct AccessKey
{
    QByteArray id;
    QByteArray secret;
};

struct Timings
{
    int huaweiCreateMs = 4000;
    int huaweiDeleteMs = 1500;
    int alibabaPrepareMs = 1000;
    int alibabaCreateMs = 5000;
    int alibabaUpdateMs = 3000;
};

struct Options
{
    QList<AccessKey> huaweiKeys;  // default (empty): the demo key
    QList<AccessKey> alibabaKeys; // default (empty): the demo key
    Timings timings;
    int huaweiQuota = 50;   // caches per tenant (project), as documented
    int alibabaQuota = 100; // per region; LRU elimination happens at this count
    QString stateFile;      // loaded at start, saved after each change; empty = memory only
    bool demoData = false;  // seed caches in every state (ignored when the state file exists)
};

// One provider request as the emulator answered it, with the request id it issued: lets a
// test tie what a client recorded to the call that produced it.
struct AnsweredRequest
{
    QString operation; // an Alibaba action, or "METHOD /path" for Huawei
    QByteArray query;  // as on the wire
    QByteArray body;
    QString requestId;
    int status = 0;
};

class EmulatorPrivate;

// A local stand-in for the two clouds on one HTTP port: Huawei CCE Autopilot v5 image caches,
// HSS v5 images and IAM tokens; Alibaba ECI 2018-08-08 image caches and E-HPC Instant
// 2023-07-01 images. Every provider request's signature is verified; lifecycles, expiry and
// the signature clock follow setClock(), so tests can drive time.
//
// Unsigned, loopback-only admin endpoint: POST /_emulator/faults (a FaultRule as JSON),
// DELETE /_emulator/faults, GET /_emulator/state.
class Emulator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Emulator)

public:
    explicit Emulator(Options options = {}, QObject *parent = nullptr);
    ~Emulator() override;

    quint16 listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    QUrl baseUrl() const; // http://127.0.0.1:<port>
    FaultInjector *faults();
    void setClock(std::function<QDateTime()> clock);
    QDateTime now() const;
    qint64 handledRequests() const;
    // Requests of one operation: an Alibaba action ("DescribeImageCaches") or, for Huawei,
    // "METHOD /path" with ids as {id} ("GET /v5/{id}/imagecaches", "DELETE …/imagecaches/{id}").
    qint64 handledRequests(const QString &operation) const;
    qint64 serverNanoseconds() const; // total time spent in handlers

    // Test helpers: add caches directly (bulk, for paging/bench tests), without HTTP. The
    // caches are Ready, named "bulk-<n>", and use catalog images.
    void addAlibabaCaches(const QString &region, int count);
    void addHuaweiCaches(const QString &projectId, int count);
    // Writes the state file now (it is also written after each change).
    bool saveState();
    // The last error loading or saving the state file, empty when none.
    QString stateError() const;

signals:
    // Each provider request answered (not the admin endpoint, not a stall or a reset).
    void answered(const emulator::AnsweredRequest &request);

private:
    std::unique_ptr<EmulatorPrivate> d;
};

} // namespace emulator
