#pragma once

#include "catalog.h"
#include "emulator.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <functional>

namespace emulator {

// What the provider APIs share: the options, the clock, the catalog, and a way to say that
// state changed (so it is saved).
struct Context
{
    Options options;
    std::function<QDateTime()> clock;
    std::function<void()> changed;

    QDateTime now() const { return clock(); }
    const Catalog &catalog() const { return Catalog::instance(); }
};

// Small helpers used by both providers.
namespace util {
QString randomLowerAlnum(int length);
QString uuid(bool upper);
QString isoSeconds(const QDateTime &utc); // 2021-02-09T02:24:07Z
QDateTime parseIso(const QString &text);
QString goTimeString(const QDateTime &utc, int microsExtra); // 2024-11-25 06:32:34.923248 +0000 UTC
QString deterministicHex(const QString &seed, int length);
} // namespace util

} // namespace emulator
