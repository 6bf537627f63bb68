#pragma once

#include "core/cachespec.h"
#include "net/apierror.h"

namespace providers {

// Kind::Validation errors: refused before anything is sent. `code` carries the first
// offending field (the provider's parameter name), `message` every rule broken.
net::ApiError validationError(const QString &operation, const QList<core::FieldError> &errors);
net::ApiError validationError(const QString &operation, const QString &field,
                              const QString &message);

} // namespace providers
