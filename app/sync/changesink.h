#pragma once

#include "core/changeset.h"

namespace cachesync {

// Where a poll's change set is written before it is announced: the store applies it in one
// transaction, so models told about a change can already read it back.
class ChangeSink
{
public:
    ChangeSink() = default;
    virtual ~ChangeSink() = default;
    Q_DISABLE_COPY_MOVE(ChangeSink)

    // Returns false when the change set could not be persisted (it is still announced: the
    // console keeps showing live data, and the next poll writes again).
    virtual bool apply(const core::ChangeSet &changes) = 0;
};

} // namespace cachesync
