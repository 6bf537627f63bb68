#pragma once

#include <QCoreApplication>
#include <QFuture>
#include <QObject>
#include <QProcessEnvironment>
#include <QStringList>

namespace net {
class ApiClient;
}

namespace cli {

// Parses the command line, builds the connection from the environment, creates the
// provider services and hands over to the command group. The future yields the exit code.
class CommandDispatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandDispatcher)
public:
    explicit CommandDispatcher(QObject *parent = nullptr);
    ~CommandDispatcher() override;

    QFuture<int> run(const QStringList &arguments, const QProcessEnvironment &environment);

private:
    net::ApiClient *m_client = nullptr;
};

} // namespace cli
