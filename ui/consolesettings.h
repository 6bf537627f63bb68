#pragma once

#include <QString>
#include <QUrl>

namespace ui {

// What the Settings dialog changes, saved through QSettings in the console's usual place
// (~/.config/ImageCacheConsole/imagecache-console.conf). The store URL goes through
// store::DatabaseUrl, the one rule the CLI reads too; its password is never here (keychain).
struct ConsoleSettings
{
    QUrl storeUrl;             // without a password
    int slowPollSeconds = 60;  // full listing of each region
    int fastPollSeconds = 3;   // caches that are changing
    int expiryWarningDays = 3; // warn when a cache expires within this many days
    bool notifications = true; // tray notifications (the status bar always shows them)
    QString language;          // "zh_CN", "en"; empty: the system's; applies at the next start

    static ConsoleSettings load();
    void save() const;
    friend bool operator==(const ConsoleSettings &, const ConsoleSettings &) = default;
};

} // namespace ui
