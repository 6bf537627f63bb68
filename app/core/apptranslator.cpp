#include "apptranslator.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace core {

bool installAppTranslator(QCoreApplication &app, const QLocale &locale)
{
    const QString folder = QStringLiteral(":/i18n");
    auto *translator = new QTranslator(&app);
    const bool own
        = translator->load(locale, QStringLiteral("imagecache"), QStringLiteral("_"), folder);
    if (own || translator->load(QStringLiteral("imagecache_en"), folder)) {
        QCoreApplication::installTranslator(translator);
        return own;
    }
    delete translator;
    return false;
}

} // namespace core
