#pragma once

#include <QJsonValue>
#include <QString>

namespace cli {

// stdout for results, stderr for progress and errors, both UTF-8 and flushed per line so
// progress shows up while waiting and nothing is lost when the process exits.
class Console final
{
public:
    static void out(const QString &text); // a newline is added unless `text` ends with one
    static void err(const QString &text);
    static void json(const QJsonValue &value); // indented, stable key order (sorted)
};

} // namespace cli
