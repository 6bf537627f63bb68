#pragma once

#include "core/cachestatus.h"
#include "core/provider.h"

#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <QIcon>
#include <QString>

namespace models {

// How domain values read on screen: one place for the words, colours, icons and formats the
// models (and dialogs, filters, the status bar) share, so every pane says the same thing.
class Presentation final
{
    Q_DECLARE_TR_FUNCTIONS(models::Presentation)

public:
    static QString statusText(core::CacheStatus status);
    // A colour readable on light and dark palettes; invalid for Unknown (use the palette).
    static QColor statusColor(core::CacheStatus status);
    // A distinct shape per status (not colour alone). Null without a QGuiApplication.
    static QIcon statusIcon(core::CacheStatus status);
    static QIcon warningIcon();
    static QColor warningColor();

    static QString providerName(core::Provider provider);

    static QString sizeGiB(int gib);                // "25 GiB"; empty when unknown (<= 0)
    static QString bytes(qint64 bytes);             // "1.50 GiB"; empty when unknown (< 0)
    static QString retention(int days);             // "7 days", "1 day", "never" (0)
    static QString dateTime(const QDateTime &time); // local "yyyy-MM-dd HH:mm"; empty if invalid
    // "in 3 days", "in 5 hours", "2 days ago"; empty if `until` is invalid.
    static QString timeLeft(const QDateTime &until, const QDateTime &now);
    static QString duration(qint64 seconds); // "3 days", "1 hour", "less than a minute"
};

} // namespace models
