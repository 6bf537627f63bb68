#include "command.h"

#include "console.h"
#include "exitcode.h"

namespace cli {

Command::Command(const CliOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{}

Command::~Command()
{
    if (!m_finished) { // torn down early: never leave the caller without an exit code
        m_promise.addResult(int(ExitProviderError));
        m_promise.finish();
    }
}

QFuture<int> Command::run()
{
    m_promise.start();
    QFuture<int> future = m_promise.future();
    start();
    return future;
}

void Command::finish(int exitCode)
{
    if (m_finished || m_exitCode)
        return;
    m_exitCode = exitCode;
    if (m_held == 0)
        complete(exitCode);
}

void Command::holdExit()
{
    ++m_held;
}

void Command::releaseExit()
{
    if (m_held > 0 && --m_held == 0 && m_exitCode)
        complete(*m_exitCode);
}

void Command::complete(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_promise.addResult(exitCode);
    m_promise.finish();
}

void Command::fail(const net::ApiError &error)
{
    if (error.kind == net::ApiError::Kind::Validation) {
        Console::err(error.code.isEmpty() ? error.message : error.code + u": "_qs + error.message);
        return finish(ExitValidation);
    }
    Console::err(error.toString());
    finish(ExitProviderError);
}

void Command::failUsage(const QString &message)
{
    Console::err(message);
    finish(ExitUsage);
}

void Command::failValidation(const QList<core::FieldError> &errors)
{
    for (const core::FieldError &e : errors)
        Console::err(e.field + u": "_qs + e.message);
    finish(ExitValidation);
}

} // namespace cli
