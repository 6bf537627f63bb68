#pragma once

#include <QString>

namespace core {

// The clouds the console speaks to. The string forms are used in the store, the CLI and CSV.
enum class Provider { Huawei, Alibaba };

QString providerKey(Provider provider); // "huawei" | "alibaba"
bool providerFromKey(const QString &key, Provider *provider);

} // namespace core
