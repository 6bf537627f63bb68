// The baseline of scripts/run-benchmarks.sh: the same listing as
//   imagecache --provider alibaba --region REGION caches list --json
// done with Alibaba Cloud's official Node SDK (@alicloud/eci20180808 over
// @alicloud/openapi-client, which signs ACS3-HMAC-SHA256 as it does against the real cloud):
// every page of DescribeImageCaches (Limit 100, NextToken), all caches printed as one JSON
// document on stdout, their count on stderr.
//
// Usage: node list-caches.js ENDPOINT REGION   (ENDPOINT e.g. http://127.0.0.1:8080)
// Credentials: ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET.
'use strict';

const Eci = require('@alicloud/eci20180808');
const OpenApi = require('@alicloud/openapi-client');

async function main() {
    const [endpoint, region] = process.argv.slice(2);
    if (!endpoint || !region) {
        console.error('usage: node list-caches.js ENDPOINT REGION');
        process.exit(2);
    }
    const url = new URL(endpoint);
    const client = new Eci.default(new OpenApi.Config({
        accessKeyId: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID,
        accessKeySecret: process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
        endpoint: url.host,
        protocol: url.protocol.replace(':', ''),
        regionId: region,
    }));
    const caches = [];
    let nextToken;
    do {
        const response = await client.describeImageCaches(new Eci.DescribeImageCachesRequest({
            regionId: region,
            limit: 100,
            nextToken,
        }));
        const body = response.body;
        for (const cache of body.imageCaches || [])
            caches.push(cache);
        nextToken = body.nextToken || undefined;
    } while (nextToken);
    process.stdout.write(JSON.stringify(caches, null, 4) + '\n');
    console.error(`${caches.length} image caches`);
}

main().catch((error) => {
    console.error(`${error.code || 'Error'}: ${error.message}`);
    if (error.data && error.data.RequestId)
        console.error(`request id: ${error.data.RequestId}`);
    process.exit(1);
});
