// The profile importer of KooCLI's ~/.hcloud/config.json (profiles of mode AKSK).
// Property: an imported account has an access key id and a secret for the credential store.
// Input: the file's bytes.

#include "profilefuzz.h"
#include "store/profileimporter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const store::ImportReport report
        = store::ProfileImporter::readKooCli(fuzz::writeProfile(data, size));
    for (const store::ImportedAccount &imported : report.accounts) {
        fuzz::require(!imported.account.accessKeyId.isEmpty(), "imported without an access key");
        fuzz::require(!imported.secrets.isEmpty(), "imported without a secret");
    }
    return 0;
}
