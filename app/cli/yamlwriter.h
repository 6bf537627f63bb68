#pragma once

#include <QByteArray>
#include <QJsonValue>

namespace cli {

// `-o yaml`: a JSON value tree as block-style YAML 1.2 (two spaces a level, keys in the
// QJsonObject's sorted order). Strings that a YAML reader could take for something else
// (numbers, booleans, null, dates, anything with ": " or a leading indicator) are written as
// double-quoted scalars with JSON escapes, which YAML reads back as the same string.
class YamlWriter final
{
public:
    // One document for `value` (an object, an array or a scalar), ending with a newline.
    static QByteArray document(const QJsonValue &value);
    // The lines of one element of a top-level sequence ("- key: value\n  key: value\n").
    static QByteArray sequenceElement(const QJsonValue &value);
    static QByteArray scalar(const QJsonValue &value);
};

} // namespace cli
