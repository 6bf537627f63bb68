#pragma once

#include "fuzzinput.h"

#include <QFile>
#include <QTemporaryDir>

namespace fuzz {

// The importers read a file by path, as users have it: each input is written to one file in a
// private temporary folder (made once per process) and read from there.
inline QString writeProfile(const uint8_t *data, size_t size)
{
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("config.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        require(false, "cannot write the profile file");
    file.write(reinterpret_cast<const char *>(data), qint64(size));
    return path;
}

} // namespace fuzz
