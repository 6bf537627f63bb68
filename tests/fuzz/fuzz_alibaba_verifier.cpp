// The emulator's check of a received request: Alibaba ACS3-HMAC-SHA256 (Authorization: Credential,
// SignedHeaders, Signature; x-acs-*) and RPC V1 (Signature, Timestamp, SignatureNonce in the query
// or a form body). Input: an HTTP request (fuzzinput.h), e.g. a real signed request of the CLI.

#include "net/alibabasigner.h"
#include "requestline.h"

namespace {
// Wide enough that any date the input carries is inside it: the parsing after the date
// check is reached too (the skew check itself is a comparison).
constexpr int TenYears = 10 * 366 * 24 * 3600;
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const fuzz::Message message = fuzz::splitMessage(data, size);
    const fuzz::RequestLine line = fuzz::requestLine(message);
    const net::SecretLookup secretFor = [](const QByteArray &key) -> std::optional<QByteArray> {
        if (key.isEmpty() || key.startsWith("unknown"))
            return std::nullopt;
        return QByteArray("fuzz-secret-") + key;
    };
    const QDateTime now(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    for (const int skew : {15 * 60, TenYears}) {
        const net::SignatureCheck check
            = net::AlibabaSigner::verify(line.method, line.rawPath, line.rawQuery, message.headers,
                                         message.body, secretFor, now, skew);
        (void)check;
    }
    return 0;
}
