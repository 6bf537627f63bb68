#pragma once

#include "clioptions.h"
#include "core/cachespec.h"
#include "net/apierror.h"

#include <QFuture>
#include <QObject>
#include <QPromise>

#include <optional>

namespace cli {

// One command group's run: start() kicks off the provider calls, and exactly one finish()
// sets the exit code, which completes the future the main loop waits on.
class Command : public QObject
{
    Q_OBJECT
public:
    explicit Command(const CliOptions &options, QObject *parent = nullptr);
    ~Command() override;

    QFuture<int> run();

protected:
    virtual void start() = 0;

    void finish(int exitCode);
    // Prints `error` on stderr (ApiError::toString(): code, message, request id) and finishes
    // with 1, or with 3 for an error found before sending.
    void fail(const net::ApiError &error);
    void failUsage(const QString &message);
    void failValidation(const QList<core::FieldError> &errors);
    // Work started beside the command's own (recording digests after a create): a finish()
    // before it ends sets the exit code and waits for it, so nothing is cut off at exit.
    void holdExit();
    void releaseExit();

    const CliOptions m_options;

private:
    void complete(int exitCode);

    QPromise<int> m_promise;
    bool m_finished = false;
    int m_held = 0;
    std::optional<int> m_exitCode;
};

} // namespace cli
