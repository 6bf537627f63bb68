#pragma once

#include "command.h"

#include <QDateTime>

namespace store {
class Store;
}

namespace cli {

// `imagecache journal [--since DATE] [--account ID|NAME] [--json]`: the operation journal that
// the console and the CLI write into the shared store, oldest first (like a log).
class JournalCommand final : public Command
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JournalCommand)
public:
    JournalCommand(const CliOptions &options, store::Store &store, QObject *parent = nullptr);

    // "2026-12-01" (local midnight), "2026-12-01T08:30" or "2026-12-01T08:30:00Z"; invalid when
    // it is neither.
    static QDateTime parseSince(const QString &text);

protected:
    void start() override;

private:
    store::Store &m_store;
};

} // namespace cli
