#include "console.h"

#include "yamlwriter.h"

#include "core/jsontext.h"

#include <QByteArray>
#include <QCborValue>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cstdio>
#include <string_view>

namespace cli {

namespace {

Console::DocumentFormat g_format = Console::DocumentFormat::Json;

void writeBytes(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

// `-o yaml`: a top-level sequence is written one element at a time, as the JSON one is.
void yamlSequence(qsizetype count, const std::function<QJsonValue(qsizetype)> &element)
{
    if (count == 0)
        writeBytes("[]\n");
    for (qsizetype i = 0; i < count; ++i)
        writeBytes(YamlWriter::sequenceElement(element(i)));
    std::fflush(stdout);
}

void write(FILE *stream, const QString &text)
{
    QByteArray bytes = text.toUtf8();
    if (!bytes.endsWith('\n'))
        bytes.append('\n');
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

// Writes JSON in QJsonDocument's indented format (4 spaces a level, "key": value, keys in the
// order QJsonObject keeps them: sorted) to stdout through one buffer.
class JsonWriter final
{
public:
    JsonWriter() { m_buffer.reserve(ChunkSize + 4096); }
    ~JsonWriter()
    {
        drain();
        std::fflush(stdout);
    }

    void value(const QJsonValue &v, int indent)
    {
        switch (v.type()) {
        case QJsonValue::Bool:
            m_buffer += v.toBool() ? "true" : "false";
            break;
        case QJsonValue::Double: {
            // QJsonValue keeps integers apart from doubles; the writer prints them apart too.
            const QCborValue number = QCborValue::fromJsonValue(v);
            if (number.isInteger()) {
                m_buffer += QByteArray::number(number.toInteger());
            } else {
                const double d = v.toDouble();
                if (qIsFinite(d))
                    m_buffer += QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
                else
                    m_buffer += "null";
            }
            break;
        }
        case QJsonValue::String:
            string(v.toString());
            break;
        case QJsonValue::Array:
            array(v.toArray(), indent);
            break;
        case QJsonValue::Object:
            object(v.toObject(), indent);
            break;
        default:
            m_buffer += "null";
        }
        if (m_buffer.size() >= ChunkSize)
            drain();
    }

    void beginArray() { m_buffer += "[\n"; }
    void element(const QJsonValue &v, bool first)
    {
        if (!first)
            m_buffer += ",\n";
        m_buffer.append(4, ' ');
        value(v, 1);
    }
    void endArray(bool empty)
    {
        if (!empty)
            m_buffer += '\n';
        m_buffer += "]\n";
    }
    void endObjectDocument() { m_buffer += '\n'; }

    // An array element given as fields, written as object() writes a QJsonObject.
    void fieldsElement(JsonFields fields, bool first)
    {
        if (!first)
            m_buffer += ",\n";
        m_buffer.append(4, ' ');
        // As std::string_view: GCC 12 at -O3 sees a bogus memcmp bound in QLatin1String's <.
        std::sort(fields.begin(), fields.end(), [](const auto &a, const auto &b) {
            return std::string_view(a.first.data(), std::size_t(a.first.size()))
                   < std::string_view(b.first.data(), std::size_t(b.first.size()));
        });
        m_buffer += "{\n";
        for (qsizetype i = 0; i < fields.size(); ++i) {
            m_buffer.append(8, ' ');
            string(QString(fields[i].first));
            m_buffer += ": ";
            value(fields[i].second, 2);
            m_buffer += i + 1 < fields.size() ? ",\n" : "\n";
        }
        m_buffer += "    }";
    }

private:
    static constexpr qsizetype ChunkSize = 64 * 1024;

    void drain()
    {
        if (!m_buffer.isEmpty())
            std::fwrite(m_buffer.constData(), 1, size_t(m_buffer.size()), stdout);
        m_buffer.clear();
    }

    void array(const QJsonArray &a, int indent)
    {
        m_buffer += "[\n";
        for (qsizetype i = 0; i < a.size(); ++i) {
            m_buffer.append(4 * (indent + 1), ' ');
            value(a.at(i), indent + 1);
            m_buffer += i + 1 < a.size() ? ",\n" : "\n";
        }
        m_buffer.append(4 * indent, ' ');
        m_buffer += ']';
    }

    void object(const QJsonObject &o, int indent)
    {
        m_buffer += "{\n";
        qsizetype i = 0;
        for (auto it = o.constBegin(); it != o.constEnd(); ++it, ++i) {
            m_buffer.append(4 * (indent + 1), ' ');
            string(it.key());
            m_buffer += ": ";
            value(it.value(), indent + 1);
            m_buffer += i + 1 < o.size() ? ",\n" : "\n";
        }
        m_buffer.append(4 * indent, ' ');
        m_buffer += '}';
    }

    // JSON escapes for '"', '\\' and control characters, UTF-8 for the rest; a lone surrogate
    // is written as \uXXXX (as Qt does).
    void string(const QString &s) { core::appendJsonString(m_buffer, s); }

    QByteArray m_buffer;
};

} // namespace

void Console::out(const QString &text)
{
    write(stdout, text);
}

void Console::err(const QString &text)
{
    write(stderr, text);
}

void Console::setDocumentFormat(DocumentFormat format)
{
    g_format = format;
}

Console::DocumentFormat Console::documentFormat()
{
    return g_format;
}

void Console::json(const QJsonValue &value)
{
    if (g_format == DocumentFormat::Yaml && !value.isArray()) {
        writeBytes(YamlWriter::document(value.toObject()));
        std::fflush(stdout);
        return;
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        jsonArray(array.size(), [&array](qsizetype i) { return array.at(i); });
        return;
    }
    JsonWriter writer;
    writer.value(value.toObject(), 0);
    writer.endObjectDocument();
}

void Console::jsonObjects(qsizetype count, const std::function<JsonFields(qsizetype)> &object)
{
    if (g_format == DocumentFormat::Yaml) {
        return yamlSequence(count, [&object](qsizetype i) {
            QJsonObject o;
            for (const auto &[key, value] : object(i))
                o.insert(key, value);
            return QJsonValue(o);
        });
    }
    JsonWriter writer;
    writer.beginArray();
    for (qsizetype i = 0; i < count; ++i)
        writer.fieldsElement(object(i), i == 0);
    writer.endArray(count == 0);
}

void Console::jsonArray(qsizetype count, const std::function<QJsonValue(qsizetype)> &element)
{
    if (g_format == DocumentFormat::Yaml)
        return yamlSequence(count, element);
    JsonWriter writer;
    writer.beginArray();
    for (qsizetype i = 0; i < count; ++i)
        writer.element(element(i), i == 0);
    writer.endArray(count == 0);
}

} // namespace cli
