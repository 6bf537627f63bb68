#include "consolesettings.h"

#include "store/databaseurl.h"

#include <QSettings>

namespace ui {

namespace {
const QString slowKey = QStringLiteral("Polling/SlowIntervalSeconds");
const QString fastKey = QStringLiteral("Polling/FastIntervalSeconds");
const QString expiryKey = QStringLiteral("Notifications/ExpiryWarningDays");
const QString notifyKey = QStringLiteral("Notifications/Enabled");
const QString languageKey = QStringLiteral("Interface/Language");
} // namespace

ConsoleSettings ConsoleSettings::load()
{
    const QSettings settings;
    ConsoleSettings s;
    s.storeUrl = store::DatabaseUrl::savedUrl();
    s.slowPollSeconds = qBound(10, settings.value(slowKey, s.slowPollSeconds).toInt(), 3600);
    s.fastPollSeconds = qBound(1, settings.value(fastKey, s.fastPollSeconds).toInt(), 300);
    s.expiryWarningDays = qBound(1, settings.value(expiryKey, s.expiryWarningDays).toInt(), 90);
    s.notifications = settings.value(notifyKey, s.notifications).toBool();
    s.language = settings.value(languageKey).toString();
    return s;
}

void ConsoleSettings::save() const
{
    store::DatabaseUrl::saveConfiguredUrl(storeUrl);
    QSettings settings;
    settings.setValue(slowKey, slowPollSeconds);
    settings.setValue(fastKey, fastPollSeconds);
    settings.setValue(expiryKey, expiryWarningDays);
    settings.setValue(notifyKey, notifications);
    settings.setValue(languageKey, language);
}

} // namespace ui
