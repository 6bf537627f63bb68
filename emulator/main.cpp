// imagecache-emulator: serves the emulated Huawei and Alibaba APIs until SIGTERM/SIGINT.

#include "emulator.h"

#include "imagecache/version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {
int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto n = ::write(signalPipe[1], &byte, 1);
}

bool parseKey(const QString &text, emulator::AccessKey *key)
{
    const auto colon = text.indexOf(u':');
    if (colon <= 0 || colon == text.size() - 1)
        return false;
    key->id = text.left(colon).toUtf8();
    key->secret = text.mid(colon + 1).toUtf8();
    return true;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("imagecache-emulator"));
    QCoreApplication::setApplicationVersion(QStringLiteral(IMAGECACHE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main",
        "Local stand-in for Huawei Cloud (CCE Autopilot v5 image caches, HSS v5, IAM) and "
        "Alibaba Cloud (ECI 2018-08-08 image caches, E-HPC Instant 2023-07-01) on one HTTP port.\n"
        "\n"
        "Fault rules (--fault, repeatable): KIND[:ARG][@MATCH][%FRACTION][#COUNT]\n"
        "  KIND      latency | error5xx | throttle | stall | truncate | malformed | reset\n"
        "  ARG       latency: milliseconds (required); error5xx: status 500-599 (default 503)\n"
        "  MATCH     path substring (/v5/imagecaches) or Alibaba action (DescribeImageCaches)\n"
        "  FRACTION  share of matching requests affected, 0..1 (default 1)\n"
        "  COUNT     only the next N matching requests (default unlimited)\n"
        "  e.g. --fault throttle@DescribeImageCaches%0.5 --fault latency:800 "
        "--fault error5xx:502@/v5/imagecaches#3\n"
        "\n"
        "Admin (loopback only, unsigned): POST /_emulator/faults {\"kind\":\"throttle\","
        "\"match\":\"…\",\"fraction\":1,\"count\":-1,\"latencyMs\":0,\"status\":503}, "
        "DELETE /_emulator/faults, GET /_emulator/state."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption bind(
        u"bind"_qs,
        QCoreApplication::translate("main", "Address to listen on (default 127.0.0.1)."),
        u"address"_qs, u"127.0.0.1"_qs);
    const QCommandLineOption port(
        u"port"_qs, QCoreApplication::translate("main", "Port (default 0: any free port)."),
        u"port"_qs, u"0"_qs);
    const QCommandLineOption state(
        u"state"_qs,
        QCoreApplication::translate("main",
                                    "State file: loaded at start, saved after each change."),
        u"file"_qs);
    const QCommandLineOption demoData(
        u"demo-data"_qs,
        QCoreApplication::translate(
            "main", "Seed demo caches in every state (when no state file exists yet)."));
    const QCommandLineOption fault(
        u"fault"_qs, QCoreApplication::translate("main", "Add a fault rule (see above)."),
        u"rule"_qs);
    const QCommandLineOption seed(
        u"fault-seed"_qs,
        QCoreApplication::translate("main", "Seed of the fault PRNG (default 1)."), u"n"_qs);
    const QCommandLineOption huaweiCreate(
        u"huawei-create-ms"_qs,
        QCoreApplication::translate("main", "Huawei Creating duration (default 4000)."), u"ms"_qs);
    const QCommandLineOption huaweiDelete(
        u"huawei-delete-ms"_qs,
        QCoreApplication::translate("main", "Huawei Deleting duration (default 1500)."), u"ms"_qs);
    const QCommandLineOption aliPrepare(
        u"alibaba-prepare-ms"_qs,
        QCoreApplication::translate("main", "Alibaba Preparing duration (default 1000)."),
        u"ms"_qs);
    const QCommandLineOption aliCreate(
        u"alibaba-create-ms"_qs,
        QCoreApplication::translate("main", "Alibaba Creating duration (default 5000)."), u"ms"_qs);
    const QCommandLineOption aliUpdate(
        u"alibaba-update-ms"_qs,
        QCoreApplication::translate("main", "Alibaba Updating duration (default 3000)."), u"ms"_qs);
    const QCommandLineOption huaweiQuota(
        u"huawei-quota"_qs,
        QCoreApplication::translate("main", "Huawei caches per tenant (default 50)."), u"n"_qs);
    const QCommandLineOption aliQuota(
        u"alibaba-quota"_qs,
        QCoreApplication::translate(
            "main", "Alibaba caches per region before LRU elimination (default 100)."),
        u"n"_qs);
    const QCommandLineOption huaweiKey(
        u"huawei-key"_qs,
        QCoreApplication::translate(
            "main", "Accept this Huawei AK:SK instead of the demo key (repeatable)."),
        u"ak:sk"_qs);
    const QCommandLineOption aliKey(
        u"alibaba-key"_qs,
        QCoreApplication::translate(
            "main", "Accept this Alibaba ID:SECRET instead of the demo key (repeatable)."),
        u"id:secret"_qs);
    const QCommandLineOption bulkAlibaba(
        u"bulk-alibaba-caches"_qs,
        QCoreApplication::translate(
            "main", "Add N Ready ECI caches (bulk-1 … bulk-N) in cn-hangzhou, for benchmarks."),
        u"n"_qs);
    parser.addOptions({bind, port, state, demoData, fault, seed, huaweiCreate, huaweiDelete,
                       aliPrepare, aliCreate, aliUpdate, huaweiQuota, aliQuota, huaweiKey, aliKey,
                       bulkAlibaba});
    parser.process(app);

    auto fail = [](const QString &message) {
        std::fprintf(stderr, "imagecache-emulator: %s\n", qPrintable(message));
        return 2;
    };
    auto intOption = [&](const QCommandLineOption &option, int &target) {
        if (!parser.isSet(option))
            return true;
        bool ok = false;
        const int value = parser.value(option).toInt(&ok);
        if (!ok || value < 0)
            return false;
        target = value;
        return true;
    };

    int bulkAlibabaCount = 0;
    if (!intOption(bulkAlibaba, bulkAlibabaCount))
        return fail(QCoreApplication::translate("main", "--%1 needs a non-negative integer")
                        .arg(bulkAlibaba.names().constFirst()));

    emulator::Options options;
    options.stateFile = parser.value(state);
    options.demoData = parser.isSet(demoData);
    for (const auto &[option, target] :
         std::initializer_list<std::pair<const QCommandLineOption *, int *>>{
             {&huaweiCreate, &options.timings.huaweiCreateMs},
             {&huaweiDelete, &options.timings.huaweiDeleteMs},
             {&aliPrepare, &options.timings.alibabaPrepareMs},
             {&aliCreate, &options.timings.alibabaCreateMs},
             {&aliUpdate, &options.timings.alibabaUpdateMs},
             {&huaweiQuota, &options.huaweiQuota},
             {&aliQuota, &options.alibabaQuota}}) {
        if (!intOption(*option, *target)) {
            return fail(QCoreApplication::translate("main", "--%1 needs a non-negative integer")
                            .arg(option->names().constFirst()));
        }
    }
    for (const auto &text : parser.values(huaweiKey)) {
        emulator::AccessKey key;
        if (!parseKey(text, &key))
            return fail(QCoreApplication::translate("main", "--huawei-key needs AK:SK"));
        options.huaweiKeys.append(key);
    }
    for (const auto &text : parser.values(aliKey)) {
        emulator::AccessKey key;
        if (!parseKey(text, &key))
            return fail(QCoreApplication::translate("main", "--alibaba-key needs ID:SECRET"));
        options.alibabaKeys.append(key);
    }
    QList<emulator::FaultRule> rules;
    for (const auto &text : parser.values(fault)) {
        QString error;
        const auto rule = emulator::FaultRule::parse(text, &error);
        if (!rule)
            return fail(error);
        rules.append(*rule);
    }
    const QHostAddress address(parser.value(bind));
    if (address.isNull())
        return fail(QCoreApplication::translate("main", "--bind needs an IP address"));
    bool portOk = false;
    const uint portValue = parser.value(port).toUInt(&portOk);
    if (!portOk || portValue > 65535)
        return fail(QCoreApplication::translate("main", "--port needs a number from 0 to 65535"));

    emulator::Emulator emu(options);
    if (!emu.stateError().isEmpty())
        return fail(emu.stateError());
    if (parser.isSet(seed))
        emu.faults()->setSeed(parser.value(seed).toULongLong());
    for (const auto &rule : std::as_const(rules))
        emu.faults()->addRule(rule);
    if (bulkAlibabaCount > 0)
        emu.addAlibabaCaches(QString::fromLatin1(emulator::demo::AlibabaRegion), bulkAlibabaCount);
    if (emu.listen(address, quint16(portValue)) == 0)
        return fail(QCoreApplication::translate("main", "cannot listen on %1:%2")
                        .arg(address.toString())
                        .arg(portValue));

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return fail(QCoreApplication::translate("main", "cannot create the signal pipe"));
    QSocketNotifier notifier(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [] {
        char byte;
        [[maybe_unused]] const auto n = ::read(signalPipe[0], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);

    std::printf("imagecache-emulator listening on %s\n", qPrintable(emu.baseUrl().toString()));
    std::fflush(stdout);
    const int code = app.exec();
    if (!emu.saveState())
        return fail(emu.stateError());
    return code;
}
