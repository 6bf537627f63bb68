#pragma once

#include "consolesession.h"

#include <QCoreApplication>

#include <memory>

namespace emulator {
class Emulator;
}

namespace ui {

// `--demo`: the emulator in process on a free loopback port (with caches in every state), demo
// accounts for both clouds pointing at it, their keys in memory only, and a database of its own
// so the demo never mixes with real accounts. The emulator's state is saved, so a demo keeps
// its caches from one run to the next.
class DemoEnvironment final
{
    Q_DECLARE_TR_FUNCTIONS(DemoEnvironment)
public:
    DemoEnvironment();
    ~DemoEnvironment();
    Q_DISABLE_COPY_MOVE(DemoEnvironment)

    // `directory` empty: <AppDataLocation>/demo.
    bool start(QString *error, const QString &directory = {});
    void configure(ConsoleSession::Options &options) const;
    emulator::Emulator *emulator() const { return m_emulator.get(); }

    static constexpr char HuaweiAccountId[] = "demo-huawei";
    static constexpr char AlibabaAccountId[] = "demo-alibaba";

private:
    QString m_directory;
    std::unique_ptr<emulator::Emulator> m_emulator;
};

} // namespace ui
