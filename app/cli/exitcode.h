#pragma once

namespace cli {

// The process exit status, documented in `imagecache --help`.
enum ExitCode : int {
    ExitOk = 0,
    ExitProviderError = 1, // the provider or the network refused; stderr has the ApiError
    ExitUsage = 2,         // bad command line or missing credentials
    ExitValidation = 3,    // the cache spec breaks a documented rule; stderr names each field
    ExitNotCovered = 4,    // coverage: some container has no usable cache (a pipeline gate)
    // The command succeeded, but the store was damaged: it was moved aside and the command
    // ran on a new, empty one (stderr has one "warning:" line naming where the old file is).
    ExitStoreRecovered = 5,
};

} // namespace cli
