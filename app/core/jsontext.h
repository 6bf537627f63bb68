#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringView>

namespace core {

// Text written by hand where QJsonDocument / QDateTime::toString cost too much per value (the
// CLI's streamed JSON, the CSV export, the emulator's listings); each is tested equal to what Qt
// itself writes.

// Appends `text` as a JSON string (quoted, escaped as QJsonDocument escapes it, UTF-8).
void appendJsonString(QByteArray &out, QStringView text);

// "2026-12-04T10:22:32Z": what toUTC().toString(Qt::ISODate) writes; "" when invalid.
QString isoUtcSeconds(const QDateTime &time);

} // namespace core
