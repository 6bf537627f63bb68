#pragma once

#include <QString>

class QCoreApplication;

namespace ui {

// Installs the console's catalogue (:/i18n/imagecache_<lang>.qm) and Qt's own
// (qtbase_<lang>.qm from Qt's translations folder, Debian's qt6-translations-l10n) for `lang`
// ("zh_CN", "en"; empty = the system locale), and makes that locale the default.
// Returns false when Qt's catalogue for a non-English language is missing: Qt's own buttons
// (Cancel, Yes, …) then stay English.
bool installTranslations(QCoreApplication &app, const QString &lang);

} // namespace ui
