#pragma once

#include "apierror.h"

#include <optional>
#include <utility>

namespace net {

// A provider call's outcome: a value or an ApiError, and on both the request id of the call it
// answers (for a composite call, the id of its write, not of a follow-up read), which is what
// the operation journal records. Carried through QFuture, so it is copyable and
// default-constructible (a default Result is a Cancelled error).
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

    QString requestId() const { return ok() ? m_requestId : m_error.requestId; }
    void setRequestId(const QString &requestId)
    {
        if (ok())
            m_requestId = requestId;
        else
            m_error.requestId = requestId;
    }
    // This result carrying `requestId` (for returning a value with its call's id).
    Result withRequestId(const QString &requestId) const
    {
        Result copy = *this;
        copy.setRequestId(requestId);
        return copy;
    }

private:
    std::optional<T> m_value;
    ApiError m_error;
    QString m_requestId; // of a success; a failure keeps it in m_error
};

// For calls with nothing to return but success.
struct Done
{
};

} // namespace net
