#pragma once

#include "apierror.h"

#include <optional>
#include <utility>

namespace net {

// A provider call's outcome: a value or an ApiError. Carried through QFuture, so it is
// copyable and default-constructible (a default Result is a Cancelled error).
template<typename T>
class Result
{
public:
    Result() { m_error.kind = ApiError::Kind::Cancelled; }
    Result(T value)
        : m_value(std::move(value))
    {}
    Result(ApiError error)
        : m_error(std::move(error))
    {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const ApiError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    ApiError m_error;
};

// For calls with nothing to return but success.
struct Done
{
};

} // namespace net
