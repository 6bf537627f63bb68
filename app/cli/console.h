#pragma once

#include <QJsonValue>
#include <QLatin1String>
#include <QString>
#include <QVarLengthArray>

#include <functional>
#include <utility>

namespace cli {

// An object's members before they become a QJsonObject (in any order; written sorted).
using JsonFields = QVarLengthArray<std::pair<QLatin1String, QJsonValue>, 32>;

// stdout for results, stderr for progress and errors, both UTF-8 and flushed per line so
// progress shows up while waiting and nothing is lost when the process exits.
class Console final
{
public:
    // How json(), jsonArray() and jsonObjects() write their document: JSON (the default) or
    // YAML (`-o yaml`), the same value tree either way.
    enum class DocumentFormat { Json, Yaml };
    static void setDocumentFormat(DocumentFormat format);
    static DocumentFormat documentFormat();

    static void out(const QString &text); // a newline is added unless `text` ends with one
    static void err(const QString &text);
    // Indented, stable key order (sorted): byte for byte what QJsonDocument::toJson(Indented)
    // writes, streamed to stdout instead of built as one document.
    static void json(const QJsonValue &value);
    // The same for an array of `count` elements made one at a time (a listing of thousands
    // of caches is never held as one JSON document).
    static void jsonArray(qsizetype count, const std::function<QJsonValue(qsizetype)> &element);
    // An array of objects given as their fields: written without building a QJsonObject each
    // (the same bytes, keys in QJsonObject's sorted order).
    static void jsonObjects(qsizetype count, const std::function<JsonFields(qsizetype)> &object);
};

} // namespace cli
