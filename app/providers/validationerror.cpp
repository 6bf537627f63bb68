#include "validationerror.h"

namespace providers {

net::ApiError validationError(const QString &operation, const QList<core::FieldError> &errors)
{
    net::ApiError error;
    error.kind = net::ApiError::Kind::Validation;
    error.operation = operation;
    QStringList messages;
    for (const core::FieldError &e : errors)
        messages.append(e.message);
    if (!errors.isEmpty())
        error.code = errors.first().field;
    error.message = messages.join(QStringLiteral("; "));
    return error;
}

net::ApiError validationError(const QString &operation, const QString &field,
                              const QString &message)
{
    return validationError(operation, QList<core::FieldError>{{field, message}});
}

} // namespace providers
