#pragma once

#include "clioptions.h"
#include "core/cachespec.h"
#include "net/apierror.h"

#include <QFuture>
#include <QObject>
#include <QPromise>

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

    const CliOptions m_options;

private:
    QPromise<int> m_promise;
    bool m_finished = false;
};

} // namespace cli
