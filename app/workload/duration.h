#pragma once

#include <QString>

#include <optional>

namespace workload {

// "90s", "30m", "12h", "7d", "2w" (or a sum such as "1d12h"); a bare number is seconds.
// Empty on anything else.
std::optional<qint64> parseDuration(const QString &text);

} // namespace workload
