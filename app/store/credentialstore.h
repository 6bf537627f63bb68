#pragma once

#include <QFuture>
#include <QString>

namespace store {

// The outcome of one keychain operation. `value` is the secret for a read and empty
// otherwise; it is never logged.
struct SecretResult
{
    enum class Status { Ok, NotFound, Failed };
    Status status = Status::Failed;
    QString value;
    QString error; // translated, for Failed

    bool ok() const { return status == Status::Ok; }
    static SecretResult success(const QString &value = {}) { return {Status::Ok, value, {}}; }
    static SecretResult notFound() { return {Status::NotFound, {}, {}}; }
    static SecretResult failure(const QString &error) { return {Status::Failed, {}, error}; }
};

// Where secrets (SK, IAM password, registry passwords) live: the OS keychain, or memory for
// the session when there is none. Asynchronous, because keychains may ask the user.
class CredentialStore
{
public:
    virtual ~CredentialStore() = default;

    virtual QFuture<SecretResult> read(const QString &key) = 0;
    virtual QFuture<SecretResult> write(const QString &key, const QString &secret) = 0;
    virtual QFuture<SecretResult> remove(const QString &key) = 0;

    // False when secrets are only kept for this session.
    virtual bool persistent() const = 0;
    // A translated message for the user when secrets are not persistent; empty otherwise.
    virtual QString notice() const = 0;

    // Key names: "<accountId>/secret", "<accountId>/iam-password",
    // "<accountId>/registry/<server>".
    static QString secretKey(const QString &accountId);
    static QString iamPasswordKey(const QString &accountId);
    static QString registryPasswordKey(const QString &accountId, const QString &server);
};

} // namespace store
