#include "yamlwriter.h"

#include <QCborValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

namespace cli {

namespace {

bool isEmptyContainer(const QJsonValue &v)
{
    return (v.isObject() && v.toObject().isEmpty()) || (v.isArray() && v.toArray().isEmpty());
}

bool isContainer(const QJsonValue &v)
{
    return (v.isObject() || v.isArray()) && !isEmptyContainer(v);
}

// Plain (unquoted) only when no YAML 1.1 or 1.2 reader can read it as anything but a string.
bool canBePlain(const QString &s)
{
    static const QRegularExpression safe(u"^[A-Za-z_/][A-Za-z0-9_./@+-]*$"_qs);
    static const QRegularExpression reserved(u"^(true|false|yes|no|on|off|y|n|null|nan|inf)$"_qs,
                                             QRegularExpression::CaseInsensitiveOption);
    return safe.match(s).hasMatch() && !reserved.match(s).hasMatch();
}

QByteArray quoted(const QString &s)
{
    // A JSON string is a valid YAML double-quoted scalar with the same value.
    const QByteArray array = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QByteArray key(const QString &k)
{
    return canBePlain(k) ? k.toUtf8() : quoted(k);
}

void writeNode(QByteArray &out, const QJsonValue &v, int indent, bool firstInline);

void writeObject(QByteArray &out, const QJsonObject &o, int indent, bool firstInline)
{
    bool first = true;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (!(first && firstInline))
            out.append(indent, ' ');
        first = false;
        out += key(it.key());
        out += ':';
        const QJsonValue value = it.value();
        if (value.isObject() && isContainer(value)) {
            out += '\n';
            writeObject(out, value.toObject(), indent + 2, false);
        } else if (isContainer(value)) {
            out += '\n';
            writeNode(out, value, indent, false); // "key:\n- item" at the key's indent
        } else {
            out += ' ';
            out += YamlWriter::scalar(value);
            out += '\n';
        }
    }
}

void writeArray(QByteArray &out, const QJsonArray &a, int indent, bool firstInline)
{
    bool first = true;
    for (const QJsonValue &value : a) {
        if (!(first && firstInline))
            out.append(indent, ' ');
        first = false;
        out += "- ";
        if (isContainer(value)) {
            writeNode(out, value, indent + 2, true);
        } else {
            out += YamlWriter::scalar(value);
            out += '\n';
        }
    }
}

void writeNode(QByteArray &out, const QJsonValue &v, int indent, bool firstInline)
{
    if (v.isObject() && isContainer(v))
        writeObject(out, v.toObject(), indent, firstInline);
    else if (isContainer(v))
        writeArray(out, v.toArray(), indent, firstInline);
    else
        out += YamlWriter::scalar(v) + '\n';
}

} // namespace

QByteArray YamlWriter::scalar(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return v.toBool() ? "true" : "false";
    case QJsonValue::Double: {
        const QCborValue number = QCborValue::fromJsonValue(v);
        if (number.isInteger())
            return QByteArray::number(number.toInteger());
        const double d = v.toDouble();
        return qIsFinite(d) ? QByteArray::number(d, 'g', QLocale::FloatingPointShortest) : "null";
    }
    case QJsonValue::String: {
        const QString s = v.toString();
        return canBePlain(s) ? s.toUtf8() : quoted(s);
    }
    case QJsonValue::Array:
        return "[]";
    case QJsonValue::Object:
        return "{}";
    default:
        return "null";
    }
}

QByteArray YamlWriter::document(const QJsonValue &value)
{
    QByteArray out;
    writeNode(out, value, 0, false);
    return out;
}

QByteArray YamlWriter::sequenceElement(const QJsonValue &value)
{
    QByteArray out;
    writeArray(out, QJsonArray{value}, 0, false);
    return out;
}

} // namespace cli
