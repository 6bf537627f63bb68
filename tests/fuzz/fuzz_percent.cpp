// Percent-decoding and query parsing (both signers and both verifiers rest on them), and the
// Huawei canonical URI and query. Properties: decode(encode(x)) == x; a built query parses back
// to the same pairs. Input: any bytes.

#include "fuzzinput.h"
#include "net/huaweisigner.h"
#include "net/percentencoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    fuzz::require(net::percentDecode(net::percentEncode(input)) == input, "decode(encode(x))");
    (void)net::percentDecode(input);
    const net::ParamList pairs = net::parseQuery(input);
    fuzz::require(net::parseQuery(net::buildQuery(pairs)) == pairs, "parse(build(pairs)) == pairs");
    (void)net::sortedParams(pairs);
    (void)net::HuaweiSigner::canonicalQuery(input);
    (void)net::HuaweiSigner::canonicalUri(input);
    return 0;
}
