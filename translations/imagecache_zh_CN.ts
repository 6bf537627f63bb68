<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Account</name>
    <message>
        <source>Endpoint &quot;%1&quot; is not a valid URL with a host</source>
        <translation>Endpoint“%1”不是包含主机名的有效 URL</translation>
    </message>
    <message>
        <source>Endpoint &quot;%1&quot; must not contain a user name or password</source>
        <translation>Endpoint“%1”不能包含用户名或密码</translation>
    </message>
    <message>
        <source>Endpoint &quot;%1&quot; must use HTTPS (plain HTTP is allowed for loopback addresses only)</source>
        <translation>Endpoint“%1”必须使用 HTTPS（仅环回地址允许使用明文 HTTP）</translation>
    </message>
    <message>
        <source>Endpoint &quot;%1&quot; must be an https:// URL</source>
        <translation>Endpoint“%1”必须是 https:// URL</translation>
    </message>
    <message>
        <source>A display name is required</source>
        <translation>显示名称不能为空</translation>
    </message>
    <message>
        <source>At least one region is required</source>
        <translation>至少需要一个地域</translation>
    </message>
    <message>
        <source>Region &quot;%1&quot; is not a region id such as cn-hangzhou or ap-southeast-1</source>
        <translation>地域“%1”不是有效的地域 ID（例如 cn-hangzhou 或 ap-southeast-1）</translation>
    </message>
    <message>
        <source>Region %1 is listed twice</source>
        <translation>地域 %1 重复列出</translation>
    </message>
    <message>
        <source>Region %1: %2</source>
        <translation>地域 %1：%2</translation>
    </message>
    <message>
        <source>Region %1: a project id applies to Huawei Cloud accounts only</source>
        <translation>地域 %1：项目 ID 仅适用于华为云账号</translation>
    </message>
    <message>
        <source>Region %1: project id &quot;%2&quot; must be 32 hexadecimal characters</source>
        <translation>地域 %1：项目 ID“%2”必须是 32 位十六进制字符</translation>
    </message>
    <message>
        <source>Registry &quot;%1&quot; must be a host name such as registry.example.com, without http(s)://</source>
        <translation>镜像仓库“%1”必须是主机名（例如 registry.example.com），不带 http(s)://</translation>
    </message>
    <message>
        <source>Registry %1 is listed twice</source>
        <translation>镜像仓库 %1 重复列出</translation>
    </message>
    <message>
        <source>Registry %1 needs a user name</source>
        <translation>镜像仓库 %1 需要用户名</translation>
    </message>
    <message>
        <source>An access key id is required</source>
        <translation>访问密钥 ID（AccessKey ID）不能为空</translation>
    </message>
    <message>
        <source>IAM token sign-in applies to Huawei Cloud accounts only</source>
        <translation>IAM Token 登录仅适用于华为云账号</translation>
    </message>
    <message>
        <source>An IAM user name is required for IAM token sign-in</source>
        <translation>IAM Token 登录需要 IAM 用户名</translation>
    </message>
    <message>
        <source>An account (domain) name is required for IAM token sign-in</source>
        <translation>IAM Token 登录需要账号名（domain）</translation>
    </message>
</context>
<context>
    <name>AccountManager</name>
    <message>
        <source>The account has no id</source>
        <translation>该账号没有 ID</translation>
    </message>
    <message>
        <source>The secret access key is required</source>
        <translation>私有访问密钥（Secret Key）不能为空</translation>
    </message>
    <message>
        <source>The IAM user&apos;s password is required</source>
        <translation>IAM 用户密码不能为空</translation>
    </message>
    <message>
        <source>A password was given for registry %1, which the account does not list</source>
        <translation>为镜像仓库 %1 提供了密码，但该账号未列出此镜像仓库</translation>
    </message>
    <message>
        <source>An account with id %1 already exists</source>
        <translation>ID 为 %1 的账号已存在</translation>
    </message>
    <message>
        <source>The secrets could not be saved, so the account was not added: %1</source>
        <translation>无法保存密钥，因此未添加该账号：%1</translation>
    </message>
    <message>
        <source>There is no account with id %1</source>
        <translation>不存在 ID 为 %1 的账号</translation>
    </message>
    <message>
        <source>The account was removed but a secret could not be deleted from the keychain: %1</source>
        <translation>账号已移除，但未能从系统密钥链中删除一项密钥：%1</translation>
    </message>
    <message>
        <source>the keychain did not answer</source>
        <translation>系统密钥链没有响应</translation>
    </message>
    <message>
        <source>The account was not added: the application is closing</source>
        <translation>账号未添加：应用程序正在关闭</translation>
    </message>
    <message>
        <source>The account was not saved: the application is closing</source>
        <translation>账号未保存：应用程序正在关闭</translation>
    </message>
    <message>
        <source>The secrets could not be saved, so the account was not changed: %1</source>
        <translation>密钥无法保存，因此账号未更改：%1</translation>
    </message>
    <message>
        <source>The account was not removed: the application is closing</source>
        <translation>账号未删除：应用程序正在关闭</translation>
    </message>
</context>
<context>
    <name>AlibabaSigner</name>
    <message>
        <source>The Authorization header lacks Credential, SignedHeaders or Signature.</source>
        <translation>Authorization 头缺少 Credential、SignedHeaders 或 Signature。</translation>
    </message>
    <message>
        <source>A signed header is missing from the request: %1</source>
        <translation>请求中缺少已签名的请求头：%1</translation>
    </message>
    <message>
        <source>The header %1 is required and must be signed.</source>
        <translation>请求头 %1 为必填项，且必须参与签名。</translation>
    </message>
    <message>
        <source>x-acs-date is not in the form yyyy-MM-ddTHH:mm:ssZ.</source>
        <translation>x-acs-date 不符合 yyyy-MM-ddTHH:mm:ssZ 格式。</translation>
    </message>
    <message>
        <source>x-acs-date is too far from the server time.</source>
        <translation>x-acs-date 与服务器时间相差过大。</translation>
    </message>
    <message>
        <source>Unknown access key.</source>
        <translation>未知的访问密钥。</translation>
    </message>
    <message>
        <source>x-acs-content-sha256 does not match the request body.</source>
        <translation>x-acs-content-sha256 与请求体不匹配。</translation>
    </message>
    <message>
        <source>Neither an Authorization header nor a Signature parameter.</source>
        <translation>既没有 Authorization 头，也没有 Signature 参数。</translation>
    </message>
    <message>
        <source>The Authorization header does not use ACS3-HMAC-SHA256.</source>
        <translation>Authorization 头未使用 ACS3-HMAC-SHA256。</translation>
    </message>
    <message>
        <source>The Signature parameter is given more than once.</source>
        <translation>Signature 参数出现了多次。</translation>
    </message>
    <message>
        <source>The parameter %1 is missing.</source>
        <translation>缺少参数 %1。</translation>
    </message>
    <message>
        <source>Only SignatureMethod HMAC-SHA1 with SignatureVersion 1.0 is supported.</source>
        <translation>仅支持 SignatureMethod 为 HMAC-SHA1 且 SignatureVersion 为 1.0。</translation>
    </message>
    <message>
        <source>Timestamp is not in the form yyyy-MM-ddTHH:mm:ssZ.</source>
        <translation>Timestamp 不符合 yyyy-MM-ddTHH:mm:ssZ 格式。</translation>
    </message>
    <message>
        <source>Timestamp is too far from the server time.</source>
        <translation>Timestamp 与服务器时间相差过大。</translation>
    </message>
    <message>
        <source>Every x-acs-* header must be signed: %1</source>
        <translation>所有 x-acs-* 请求头都必须参与签名：%1</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>no error</source>
        <translation>无错误</translation>
    </message>
    <message>
        <source>network error</source>
        <translation>网络错误</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>请求超时</translation>
    </message>
    <message>
        <source>provider error</source>
        <translation>云服务错误</translation>
    </message>
    <message>
        <source>throttled</source>
        <translation>请求被限流</translation>
    </message>
    <message>
        <source>authentication failed</source>
        <translation>认证失败</translation>
    </message>
    <message>
        <source>malformed response</source>
        <translation>响应格式错误</translation>
    </message>
    <message>
        <source>response too large</source>
        <translation>响应过大</translation>
    </message>
    <message>
        <source>insecure endpoint</source>
        <translation>不安全的 Endpoint</translation>
    </message>
    <message>
        <source>invalid input</source>
        <translation>输入无效</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source> (HTTP %1)</source>
        <translation> (HTTP %1)</translation>
    </message>
    <message>
        <source> [request id %1]</source>
        <translation> [请求 ID %1]</translation>
    </message>
</context>
<context>
    <name>CacheSpecValidator</name>
    <message>
        <source>CCE Autopilot has no update API: delete the image cache and create it again</source>
        <translation>CCE Autopilot 不提供更新接口：请删除该镜像缓存后重新创建</translation>
    </message>
    <message>
        <source>Add at least one image</source>
        <translation>请至少添加一个镜像</translation>
    </message>
    <message>
        <source>At most %1 images can be cached</source>
        <translation>最多可缓存 %1 个镜像</translation>
    </message>
    <message>
        <source>Remove the blank entries from the images</source>
        <translation>请删除镜像列表中的空白项</translation>
    </message>
    <message>
        <source>Image &quot;%1&quot; must not contain whitespace</source>
        <translation>镜像“%1”不能包含空白字符</translation>
    </message>
    <message>
        <source>Image &quot;%1&quot; is listed twice</source>
        <translation>镜像“%1”重复列出</translation>
    </message>
    <message>
        <source>Enter a name (1 to 128 characters)</source>
        <translation>请输入名称（1 到 128 个字符）</translation>
    </message>
    <message>
        <source>The name must be at most 128 characters</source>
        <translation>名称最多 128 个字符</translation>
    </message>
    <message>
        <source>The name must start with a lowercase letter, contain only lowercase letters, digits and hyphens, and not end with a hyphen</source>
        <translation>名称必须以小写字母开头，只能包含小写字母、数字和连字符，且不能以连字符结尾</translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; is already used by another image cache</source>
        <translation>名称“%1”已被另一个镜像缓存使用</translation>
    </message>
    <message>
        <source>The cache size must be between 20 and 400 GiB</source>
        <translation>缓存大小必须在 20 到 400 GiB 之间</translation>
    </message>
    <message>
        <source>The retention must be between 0 and 10000 days (0: never expires)</source>
        <translation>保留时间必须在 0 到 10000 天之间（0 表示永不过期）</translation>
    </message>
    <message>
        <source>Enter the UID of the CCE Autopilot cluster that builds the cache</source>
        <translation>请输入构建该镜像缓存的 CCE Autopilot 集群的 UID</translation>
    </message>
    <message>
        <source>Pull secret &quot;%1&quot; must be written namespace:secret, both DNS-1123 names (lowercase letters, digits, hyphens)</source>
        <translation>拉取密钥“%1”必须写成 namespace:secret，两部分都须为 DNS-1123 名称（小写字母、数字、连字符）</translation>
    </message>
    <message>
        <source>Choose the image cache to update</source>
        <translation>请选择要更新的镜像缓存</translation>
    </message>
    <message>
        <source>A name is required (2 to 128 characters)</source>
        <translation>名称为必填项（2 到 128 个字符）</translation>
    </message>
    <message>
        <source>The name must be 2 to 128 characters</source>
        <translation>名称必须为 2 到 128 个字符</translation>
    </message>
    <message>
        <source>The name may contain only lowercase letters, digits and hyphens, and must not start or end with a hyphen</source>
        <translation>名称只能包含小写字母、数字和连字符，且不能以连字符开头或结尾</translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; is already used</source>
        <translation>名称“%1”已被使用</translation>
    </message>
    <message>
        <source>A security group is required</source>
        <translation>安全组为必填项</translation>
    </message>
    <message>
        <source>The security group must look like sg-xxxxxxxx</source>
        <translation>安全组的格式应为 sg-xxxxxxxx</translation>
    </message>
    <message>
        <source>A vSwitch is required</source>
        <translation>交换机为必填项</translation>
    </message>
    <message>
        <source>At most 10 vSwitches, separated by commas</source>
        <translation>最多 10 个交换机，以逗号分隔</translation>
    </message>
    <message>
        <source>Each vSwitch must look like vsw-xxxxxxxx</source>
        <translation>每个交换机的格式应为 vsw-xxxxxxxx</translation>
    </message>
    <message>
        <source>The cache size must be between 20 and 32768 GiB</source>
        <translation>缓存大小必须在 20 到 32768 GiB 之间</translation>
    </message>
    <message>
        <source>The retention must be between 1 and 65536 days when set</source>
        <translation>设置保留时间时，必须在 1 到 65536 天之间</translation>
    </message>
    <message>
        <source>The elimination strategy must be empty or LRU</source>
        <translation>淘汰策略必须为空或 LRU</translation>
    </message>
    <message>
        <source>The number of instant-cache copies must not be negative</source>
        <translation>即时缓存副本数不能为负数</translation>
    </message>
    <message>
        <source>The number of standard copies must not be negative</source>
        <translation>标准副本数不能为负数</translation>
    </message>
    <message>
        <source>At most 20 tags</source>
        <translation>最多 20 个标签</translation>
    </message>
    <message>
        <source>A tag key must not be empty</source>
        <translation>标签键不能为空</translation>
    </message>
    <message>
        <source>The client token must be at most 64 printable ASCII characters</source>
        <translation>客户端令牌最多 64 个可打印 ASCII 字符</translation>
    </message>
    <message>
        <source>Enter the registry server</source>
        <translation>请输入镜像仓库服务器</translation>
    </message>
    <message>
        <source>The registry server must be a host without http:// or https://</source>
        <translation>镜像仓库服务器必须是不带 http:// 或 https:// 的主机名</translation>
    </message>
    <message>
        <source>The registry user and password must be given together</source>
        <translation>镜像仓库用户名和密码必须同时提供</translation>
    </message>
    <message>
        <source>The ACR instance ID is required</source>
        <translation>ACR 实例 ID 为必填项</translation>
    </message>
    <message>
        <source>The operating system must be Linux or Windows</source>
        <translation>操作系统必须为 Linux 或 Windows</translation>
    </message>
    <message>
        <source>The images need about %1 GiB (3x their decompressed size), more than the 400 GiB maximum: split them over several caches</source>
        <translation>这些镜像约需 %1 GiB（解压后大小的 3 倍），超过 400 GiB 的上限：请分到多个镜像缓存中</translation>
    </message>
    <message>
        <source>A cache of %1 GiB is below 3x the decompressed images; %2 GiB is advised</source>
        <translation>%1 GiB 的缓存小于镜像解压后大小的 3 倍；建议 %2 GiB</translation>
    </message>
</context>
<context>
    <name>CacheTable</name>
    <message>
        <source>Provider</source>
        <translation>云服务商</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Provider status</source>
        <translation>云服务商状态</translation>
    </message>
    <message>
        <source>Progress (%)</source>
        <translation>进度（%）</translation>
    </message>
    <message>
        <source>Size (GiB)</source>
        <translation>大小（GiB）</translation>
    </message>
    <message>
        <source>Retention (days)</source>
        <translation>保留时间（天）</translation>
    </message>
    <message>
        <source>Created (UTC)</source>
        <translation>创建时间（UTC）</translation>
    </message>
    <message>
        <source>Expires (UTC)</source>
        <translation>过期时间（UTC）</translation>
    </message>
    <message>
        <source>Last matched (UTC)</source>
        <translation>最近匹配时间（UTC）</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>Pull secrets</source>
        <translation>拉取密钥</translation>
    </message>
    <message>
        <source>Snapshot ID</source>
        <translation>快照 ID</translation>
    </message>
    <message>
        <source>Flash snapshot ID</source>
        <translation>本地快照 ID</translation>
    </message>
    <message>
        <source>Elimination strategy</source>
        <translation>淘汰策略</translation>
    </message>
    <message>
        <source>Resource group</source>
        <translation>资源组</translation>
    </message>
</context>
<context>
    <name>CliParser</name>
    <message>
        <source>%1: secrets are never taken from the command line. Set HUAWEICLOUD_SDK_AK/HUAWEICLOUD_SDK_SK or ALIBABA_CLOUD_ACCESS_KEY_ID/ALIBABA_CLOUD_ACCESS_KEY_SECRET (and IMAGECACHE_REGISTRY_PASSWORD for --registry) in the environment.</source>
        <translation>%1：密钥不会从命令行读取。请在环境变量中设置 HUAWEICLOUD_SDK_AK/HUAWEICLOUD_SDK_SK 或 ALIBABA_CLOUD_ACCESS_KEY_ID/ALIBABA_CLOUD_ACCESS_KEY_SECRET（使用 --registry 时还需设置 IMAGECACHE_REGISTRY_PASSWORD）。</translation>
    </message>
    <message>
        <source>No command given. Try &apos;imagecache --help&apos;.</source>
        <translation>未指定命令。请运行 &apos;imagecache --help&apos; 查看帮助。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a command: %2.</source>
        <translation>&apos;%1&apos; 需要指定命令：%2。</translation>
    </message>
    <message>
        <source>Unknown command &apos;%1 %2&apos; (expected %3).</source>
        <translation>未知命令 &apos;%1 %2&apos;（应为 %3）。</translation>
    </message>
    <message>
        <source>&apos;%1 %2&apos; takes no arguments.</source>
        <translation>&apos;%1 %2&apos; 不接受参数。</translation>
    </message>
    <message>
        <source>&apos;%1 %2&apos; takes exactly one ID.</source>
        <translation>&apos;%1 %2&apos; 需要且只能指定一个 ID。</translation>
    </message>
    <message>
        <source>&apos;%1 %2&apos; needs at least one ID.</source>
        <translation>&apos;%1 %2&apos; 至少需要一个 ID。</translation>
    </message>
    <message>
        <source>--%1 does not apply to &apos;%2&apos;.</source>
        <translation>--%1 不适用于 &apos;%2&apos;。</translation>
    </message>
    <message>
        <source>--%1 expects a whole number, got &apos;%2&apos;.</source>
        <translation>--%1 需要整数，实际为 &apos;%2&apos;。</translation>
    </message>
    <message>
        <source>--signature-version must be v3 or v1.</source>
        <translation>--signature-version 必须为 v3 或 v1。</translation>
    </message>
    <message>
        <source>--tag expects KEY=VALUE, got &apos;%1&apos;.</source>
        <translation>--tag 需要 KEY=VALUE 格式，实际为 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>--registry expects SERVER,USER (the password comes from IMAGECACHE_REGISTRY_PASSWORD), got &apos;%1&apos;.</source>
        <translation>--registry 需要 SERVER,USER 格式（密码取自 IMAGECACHE_REGISTRY_PASSWORD），实际为 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>--image filters by one image; give it once.</source>
        <translation>--image 只能按一个镜像过滤，请只指定一次。</translation>
    </message>
    <message>
        <source>--poll-interval must be at least 10 ms.</source>
        <translation>--poll-interval 不能小于 10 毫秒。</translation>
    </message>
    <message>
        <source>&apos;export %1&apos; needs --csv FILE.</source>
        <translation>&apos;export %1&apos; 需要 --csv FILE。</translation>
    </message>
    <message>
        <source>&apos;accounts import&apos; takes one source: aliyun or koocli.</source>
        <translation>&apos;accounts import&apos; 需要指定一个来源：aliyun 或 koocli。</translation>
    </message>
    <message>
        <source>&apos;accounts %1&apos; takes exactly one account id or name.</source>
        <translation>&apos;accounts %1&apos; 需要且只能指定一个账号 ID 或名称。</translation>
    </message>
    <message>
        <source>--account expects an account id or name.</source>
        <translation>--account 需要账号 ID 或名称。</translation>
    </message>
    <message>
        <source>--account does not apply to &apos;accounts %1&apos;; name the account as its argument.</source>
        <translation>--account 不适用于 &apos;accounts %1&apos;；请将账号作为该命令的参数指定。</translation>
    </message>
    <message>
        <source>&apos;accounts import&apos; reads aliyun (the aliyun CLI&apos;s config.json) or koocli (KooCLI&apos;s config.json), not &apos;%1&apos;.</source>
        <translation>&apos;accounts import&apos; 只能读取 aliyun（aliyun CLI 的 config.json）或 koocli（KooCLI 的 config.json），不支持 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>--auth must be aksk or iam.</source>
        <translation>--auth 必须为 aksk 或 iam。</translation>
    </message>
    <message>
        <source>Give either --secret-stdin or --secret-from-env, not both.</source>
        <translation>--secret-stdin 和 --secret-from-env 只能指定其一。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes no command or arguments.</source>
        <translation>&apos;%1&apos; 不接受子命令或参数。</translation>
    </message>
    <message>
        <source>-o expects json, yaml, table or wide, got &apos;%1&apos;.</source>
        <translation>-o 应为 json、yaml、table 或 wide，而不是“%1”。</translation>
    </message>
    <message>
        <source>--json is the same as -o json; it cannot be combined with -o %1.</source>
        <translation>--json 即 -o json，不能与 -o %1 同时使用。</translation>
    </message>
    <message>
        <source>--raw prints the provider&apos;s response as a document: use it with -o json or -o yaml, not -o %1.</source>
        <translation>--raw 以文档形式输出云服务商的原始响应：请与 -o json 或 -o yaml 一起使用，而不是 -o %1。</translation>
    </message>
    <message>
        <source>Usage: imagecache [global options] &lt;group&gt; &lt;command&gt; [options]

Image caches of Huawei Cloud CCE Autopilot and Alibaba Cloud ECI, and the images of
Huawei HSS and Alibaba E-HPC Instant, from the command line.

Commands:
  caches list                    list image caches (filters: --name, --image, --tag,
                                 --resource-group, --page-size)
  caches show ID|NAME            show one cache (a name must match exactly one cache)
  caches create                  create a cache (--name, --image..., see below)
  caches update ID               change a cache (Alibaba only; same options as create)
  caches delete ID|NAME...       delete caches (each name must match exactly one cache)
  images list                    list images (--type, --namespace, --name, --image-version,
                                 --category, --source, --page-size)
  images show ID                 show one image (E-HPC: container and VM specs)
  images layers ID               base-image layers of an image (Huawei HSS)
  export caches --csv FILE       write every cache (same filters as list) as CSV
  export images --csv FILE       write every image as CSV
  journal                        the operation journal of the console and the CLI
                                 (--since DATE, --account ID|NAME, --json)
  accounts list                  stored accounts (never their secrets)
  accounts add                   store an account (see below)
  accounts remove ID|NAME        forget an account and its secrets
  accounts import aliyun|koocli  import the AK profiles of the aliyun CLI or KooCLI
                                 (--file PATH instead of ~/.aliyun or ~/.hcloud/config.json)
  accounts test ID|NAME          list caches once per region of the account
  coverage -f FILE...            which cache serves each container of Kubernetes manifests
                                 (YAML, JSON, kind: List), Compose files or image lists
                                 (-f - reads stdin), in every stored account and region, or
                                 those picked with --provider, --account and --region;
                                 --expires-within 7d refuses caches that expire sooner

Global options:
  --provider huawei|alibaba      the cloud; may be left out when only one cloud&apos;s
                                 credentials are in the environment
  --region REGION                e.g. cn-north-4, cn-hangzhou (default: IMAGECACHE_REGION,
                                 HUAWEICLOUD_SDK_REGION or ALIBABA_CLOUD_REGION_ID)
  --endpoint URL                 base URL instead of the public hosts (http only for loopback)
  --project-id ID                Huawei project id (default: HUAWEICLOUD_SDK_PROJECT_ID,
                                 else looked up through IAM)
  --signature-version v3|v1      Alibaba signature (default v3, ACS3-HMAC-SHA256)
  -o, --output json|yaml|table|wide
                                 the output form (default table; wide adds columns to
                                 caches list and images list)
  --json                         the same as -o json
  --raw                          caches list|show, images list|show: the provider&apos;s own
                                 response objects (JSON, or YAML with -o yaml) instead of
                                 the console&apos;s form; secrets masked
  --timeout MS                   network transfer timeout
  --verbose                      log requests (secrets redacted) on stderr
  --account ID|NAME              use a stored account (provider, region, endpoint, project
                                 id; the secret from the keychain or the environment)
  --store URL                    the store of accounts and the journal (default:
                                 IMAGECACHE_STORE, else the console&apos;s store)
  -h, --help, --version

Create and update options:
  --name NAME  --image IMAGE (repeatable)  --images-file FILE (one image per line)
  --size GIB  --retention-days N  --tag KEY=VALUE (repeatable)
  Huawei:  --cluster UID  --pull-secret NAMESPACE:SECRET (repeatable)
  Alibaba: --security-group ID  --vswitch ID  --zone ID  --eip ID  --elimination-strategy LRU
           --flash  --resource-group ID  --client-token TOKEN
           --registry SERVER,USER (password from IMAGECACHE_REGISTRY_PASSWORD)
  --wait  --poll-interval MS (default 2000)  --wait-timeout MS (default 1800000)
          follow the cache until it is ready (create, update) or gone (delete)

Account options (accounts add):
  --provider P --name NAME --region R (repeatable)  --endpoint R=URL or URL for all
  --project-id R=ID  --auth aksk|iam  --access-key-id ID  --iam-user U --iam-domain D
  --signature-version v3|v1
  The secret is never an option: --secret-stdin reads it from a pipe, --secret-from-env
  from HUAWEICLOUD_SDK_SK, CLOUD_SDK_SK or ALIBABA_CLOUD_ACCESS_KEY_SECRET; otherwise it
  is asked for on the terminal without echo. It goes to the system keychain; without one
  it cannot outlive the command, so keep it in the environment variables instead.

Export options:
  --csv FILE  --bom (for Excel)  --one-line (lists joined by &quot;; &quot; instead of new lines)

Credentials come only from the environment:
  Huawei:  HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (or CLOUD_SDK_AK and CLOUD_SDK_SK),
           optional HUAWEICLOUD_SDK_SECURITY_TOKEN, HUAWEICLOUD_SDK_PROJECT_ID
  Alibaba: ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET,
           optional ALIBABA_CLOUD_SECURITY_TOKEN

Exit status: 0 success, 1 provider or network error, 2 usage error or missing
credentials, 3 invalid cache or account settings (each problem is named on stderr),
4 coverage: some container is not covered by a usable cache (or a document is broken),
5 success, but the store was damaged: it was moved aside and a new, empty one used
(one &quot;warning:&quot; line on stderr says where the old file is).
</source>
        <translation>用法：imagecache [全局选项] &lt;命令组&gt; &lt;命令&gt; [选项]

从命令行管理华为云 CCE Autopilot 与阿里云 ECI 的镜像缓存，
以及华为云 HSS 与阿里云 E-HPC Instant 的镜像。

命令：
  caches list                    列出镜像缓存（过滤条件：--name、--image、--tag、
                                 --resource-group、--page-size）
  caches show ID|NAME            显示一个镜像缓存（名称须恰好匹配一个镜像缓存）
  caches create                  创建镜像缓存（--name、--image...，见下文）
  caches update ID               修改镜像缓存（仅阿里云；选项同 create）
  caches delete ID|NAME...       删除镜像缓存（每个名称须恰好匹配一个镜像缓存）
  images list                    列出镜像（--type、--namespace、--name、--image-version、
                                 --category、--source、--page-size）
  images show ID                 显示一个镜像（E-HPC：容器和虚拟机规格）
  images layers ID               镜像的基础镜像层（华为云 HSS）
  export caches --csv FILE       将所有镜像缓存（过滤条件同 list）写入 CSV
  export images --csv FILE       将所有镜像写入 CSV
  journal                        控制台和命令行的操作日志
                                 （--since DATE、--account ID|NAME、--json）
  accounts list                  列出已保存的账号（不显示密钥）
  accounts add                   保存一个账号（见下文）
  accounts remove ID|NAME        移除账号及其密钥
  accounts import aliyun|koocli  导入 aliyun CLI 或 KooCLI 的 AK 配置
                                 （用 --file PATH 代替 ~/.aliyun 或 ~/.hcloud/config.json）
  accounts test ID|NAME          在账号的每个地域各列出一次镜像缓存
  coverage -f FILE...            Kubernetes 清单（YAML、JSON、kind: List）、Compose 文件
                                 或镜像列表（-f - 读取标准输入）中每个容器由哪个镜像缓存
                                 提供，范围为所有已保存的账号和地域，或由 --provider、
                                 --account 和 --region 选定的范围；
                                 --expires-within 7d 拒绝更早过期的镜像缓存

全局选项：
  --provider huawei|alibaba      云平台；如果环境变量中只有一个云的凭证，
                                 可省略此选项
  --region REGION                地域，例如 cn-north-4、cn-hangzhou（默认取 IMAGECACHE_REGION、
                                 HUAWEICLOUD_SDK_REGION 或 ALIBABA_CLOUD_REGION_ID）
  --endpoint URL                 代替公网地址的基础 URL（仅环回地址可用 http）
  --project-id ID                华为云项目 ID（默认取 HUAWEICLOUD_SDK_PROJECT_ID，
                                 否则通过 IAM 查询）
  --signature-version v3|v1      阿里云签名版本（默认 v3，即 ACS3-HMAC-SHA256）
  -o, --output json|yaml|table|wide
                                 输出形式（默认 table；wide 为 caches list 和
                                 images list 增加列）
  --json                         等同于 -o json
  --raw                          caches list|show、images list|show：输出云服务商
                                 自己的响应对象（JSON，或配合 -o yaml 输出 YAML），
                                 而不是本工具的格式；密钥已遮盖
  --timeout MS                   网络传输超时（毫秒）
  --verbose                      在 stderr 上记录请求（密钥已隐去）
  --account ID|NAME              使用已保存的账号（云服务商、地域、Endpoint、项目
                                 ID；密钥取自系统密钥链或环境变量）
  --store URL                    保存账号和操作日志的本地存储（默认：
                                 IMAGECACHE_STORE，否则使用控制台的存储）
  -h, --help, --version

创建和更新选项：
  --name NAME  --image IMAGE（可重复）  --images-file FILE（每行一个镜像）
  --size GIB  --retention-days N  --tag KEY=VALUE（可重复）
  华为云：--cluster UID  --pull-secret NAMESPACE:SECRET（可重复）
  阿里云：--security-group ID  --vswitch ID  --zone ID  --eip ID  --elimination-strategy LRU
          --flash  --resource-group ID  --client-token TOKEN
          --registry SERVER,USER（密码取自 IMAGECACHE_REGISTRY_PASSWORD）
  --wait  --poll-interval MS（默认 2000）  --wait-timeout MS（默认 1800000）
          跟踪镜像缓存，直到其就绪（create、update）或被删除（delete）

账号选项（accounts add）：
  --provider P --name NAME --region R（可重复）  --endpoint R=URL，或用一个 URL 适用于所有地域
  --project-id R=ID  --auth aksk|iam  --access-key-id ID  --iam-user U --iam-domain D
  --signature-version v3|v1
  密钥从不通过选项传入：--secret-stdin 从管道读取，--secret-from-env
  从 HUAWEICLOUD_SDK_SK、CLOUD_SDK_SK 或 ALIBABA_CLOUD_ACCESS_KEY_SECRET 读取；否则
  会在终端中提示输入（不回显）。密钥保存在系统密钥链中；没有系统密钥链时，
  密钥在命令结束后即失效，此时请改为保存在环境变量中。

导出选项：
  --csv FILE  --bom（用于 Excel）  --one-line（列表以 &quot;; &quot; 连接，而不是换行）

凭证只从环境变量读取：
  华为云：HUAWEICLOUD_SDK_AK 和 HUAWEICLOUD_SDK_SK（或 CLOUD_SDK_AK 和 CLOUD_SDK_SK），
          可选 HUAWEICLOUD_SDK_SECURITY_TOKEN、HUAWEICLOUD_SDK_PROJECT_ID
  阿里云：ALIBABA_CLOUD_ACCESS_KEY_ID 和 ALIBABA_CLOUD_ACCESS_KEY_SECRET，
          可选 ALIBABA_CLOUD_SECURITY_TOKEN

退出状态：0 成功，1 云服务或网络错误，2 用法错误或缺少凭证，
3 镜像缓存或账号设置无效（stderr 中会逐一指明问题），
4 coverage：有容器没有可用的镜像缓存（或有文档损坏），
5 成功，但本地存储已损坏：已将其移到一旁并改用一个新的空存储
（stderr 中有一行 &quot;warning:&quot; 说明旧文件的位置）。
</translation>
    </message>
    <message>
        <source>Unknown command group &apos;%1&apos; (expected caches, images, export, journal, accounts, coverage or registry).</source>
        <translation>未知的命令组“%1”（应为 caches、images、export、journal、accounts、coverage 或 registry）。</translation>
    </message>
    <message>
        <source>&apos;registry %1&apos; takes exactly one image reference.</source>
        <translation>“registry %1”只接受一个镜像引用。</translation>
    </message>
    <message>
        <source>
Registry commands (no cloud account needed):
  registry inspect IMAGE         digest, platform, created, and each layer&apos;s digest,
                                 compressed and uncompressed size and history command,
                                 from the image&apos;s registry, without pulling it
                                 (--platform os/arch[/variant], default linux/amd64; --json)
  A private registry&apos;s login: a stored account&apos;s registry entry (--account ID|NAME, else
  any stored account with that server), its password from the keychain; or
  IMAGECACHE_REGISTRY_USER and IMAGECACHE_REGISTRY_PASSWORD. Errors exit with 1 (unknown
  image or tag, unauthorized, denied, rate limited, TLS, network), a malformed IMAGE with 2.
</source>
        <translation>
镜像仓库命令（无需云账号）：
  registry inspect IMAGE         从镜像所在的镜像仓库读取摘要、平台、创建时间，以及每个
                                 镜像层的摘要、压缩大小、解压后大小和历史命令，无需拉取镜像
                                 （--platform os/arch[/variant]，默认 linux/amd64；--json）
  私有镜像仓库的登录信息：已保存账号中该服务器的镜像仓库条目（--account ID|NAME，否则为
  任一含该服务器的已保存账号），密码取自系统密钥链；或者
  IMAGECACHE_REGISTRY_USER 和 IMAGECACHE_REGISTRY_PASSWORD。出错时退出码为 1（镜像或
  标签不存在、未认证、拒绝访问、请求被限流、TLS、网络），IMAGE 格式错误时为 2。
</translation>
    </message>
</context>
<context>
    <name>ConnectionBuilder</name>
    <message>
        <source>--registry needs the registry password in IMAGECACHE_REGISTRY_PASSWORD.</source>
        <translation>--registry 需要在 IMAGECACHE_REGISTRY_PASSWORD 中提供镜像仓库密码。</translation>
    </message>
</context>
<context>
    <name>ConnectionFactory</name>
    <message>
        <source>--endpoint expects an http(s) URL such as https://host:port, got &apos;%1&apos;.</source>
        <translation>--endpoint 需要 http(s) URL（例如 https://host:port），实际为 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>Unknown provider &apos;%1&apos; (expected huawei or alibaba).</source>
        <translation>未知的云服务商 &apos;%1&apos;（应为 huawei 或 alibaba）。</translation>
    </message>
    <message>
        <source>--provider is required (huawei or alibaba): it cannot be told from the credentials in the environment.</source>
        <translation>必须指定 --provider（huawei 或 alibaba）：无法根据环境变量中的凭证判断云服务商。</translation>
    </message>
    <message>
        <source>No Huawei Cloud credentials: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (or CLOUD_SDK_AK and CLOUD_SDK_SK) in the environment.</source>
        <translation>没有华为云凭证：请在环境变量中设置 HUAWEICLOUD_SDK_AK 和 HUAWEICLOUD_SDK_SK（或 CLOUD_SDK_AK 和 CLOUD_SDK_SK）。</translation>
    </message>
    <message>
        <source>No Alibaba Cloud credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET in the environment.</source>
        <translation>没有阿里云凭证：请在环境变量中设置 ALIBABA_CLOUD_ACCESS_KEY_ID 和 ALIBABA_CLOUD_ACCESS_KEY_SECRET。</translation>
    </message>
    <message>
        <source>--project-id is a Huawei Cloud option.</source>
        <translation>--project-id 是华为云的选项。</translation>
    </message>
    <message>
        <source>--signature-version is an Alibaba Cloud option.</source>
        <translation>--signature-version 是阿里云的选项。</translation>
    </message>
    <message>
        <source>--region is required (e.g. %1).</source>
        <translation>必须指定 --region（例如 %1）。</translation>
    </message>
    <message>
        <source>--provider %1 does not match account %2, which is a %3 account.</source>
        <translation>--provider %1 与账号 %2 不匹配：该账号是 %3 账号。</translation>
    </message>
    <message>
        <source>Account %1 has no region &apos;%2&apos; (it has: %3).</source>
        <translation>账号 %1 没有地域 &apos;%2&apos;（该账号的地域：%3）。</translation>
    </message>
    <message>
        <source>No IAM password is stored for account %1 (the keychain has none; without a system keychain it is not kept between commands). Use an access key account with %2 in the environment instead.</source>
        <translation>账号 %1 没有保存 IAM 密码（系统密钥链中没有；没有系统密钥链时，密码不会在多条命令之间保留）。请改用访问密钥账号，并在环境变量中设置 %2。</translation>
    </message>
    <message>
        <source>No secret for account %1: the keychain has none, and the environment does not hold the pair of access key id %2 (set %3).</source>
        <translation>账号 %1 没有可用的密钥：系统密钥链中没有，环境变量中也没有与访问密钥 ID %2 配对的密钥（请设置 %3）。</translation>
    </message>
    <message>
        <source>No credentials found. Provide them in one of these ways:
  - in the environment: HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (Huawei Cloud), or ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (Alibaba Cloud), with the region in IMAGECACHE_REGION or --region;
  - as a stored account: imagecache accounts add --provider huawei|alibaba --name NAME --region REGION --access-key-id ID, then --account NAME;
  - from the profiles of the aliyun CLI or KooCLI: imagecache accounts import aliyun|koocli, then --account NAME (see imagecache accounts list).</source>
        <translation>未找到凭据。可以通过以下任一方式提供：
  - 在环境变量中：HUAWEICLOUD_SDK_AK 和 HUAWEICLOUD_SDK_SK（华为云），或 ALIBABA_CLOUD_ACCESS_KEY_ID 和 ALIBABA_CLOUD_ACCESS_KEY_SECRET（阿里云），地域放在 IMAGECACHE_REGION 或 --region 中；
  - 作为已保存的账号：imagecache accounts add --provider huawei|alibaba --name NAME --region REGION --access-key-id ID，然后使用 --account NAME；
  - 从 aliyun CLI 或 KooCLI 的配置导入：imagecache accounts import aliyun|koocli，然后使用 --account NAME（见 imagecache accounts list）。</translation>
    </message>
</context>
<context>
    <name>CsvExporter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>Unexpected text after a closing quote in record %1.</source>
        <translation>第 %1 条记录中，右引号后出现了意外的文本。</translation>
    </message>
    <message>
        <source>A quoted field is not closed in record %1.</source>
        <translation>第 %1 条记录中有未闭合的带引号字段。</translation>
    </message>
</context>
<context>
    <name>CsvWriter</name>
    <message>
        <source>The CSV output is not open for writing.</source>
        <translation>CSV 输出未以写入方式打开。</translation>
    </message>
    <message>
        <source>Could not write the CSV output.</source>
        <translation>无法写入 CSV 输出。</translation>
    </message>
    <message>
        <source>Could not write the CSV output: %1</source>
        <translation>无法写入 CSV 输出：%1</translation>
    </message>
</context>
<context>
    <name>DatabaseUrl</name>
    <message>
        <source>The database URL &quot;%1&quot; needs an absolute file path, e.g. sqlite:///home/me/imagecache.db</source>
        <translation>数据库 URL“%1”需要绝对文件路径，例如 sqlite:///home/me/imagecache.db</translation>
    </message>
    <message>
        <source>The database URL &quot;%1&quot; needs a database name, e.g. postgresql://user@host:5432/imagecache</source>
        <translation>数据库 URL“%1”需要数据库名称，例如 postgresql://user@host:5432/imagecache</translation>
    </message>
    <message>
        <source>Unsupported database URL &quot;%1&quot;: use sqlite:///path or postgresql://user@host/dbname</source>
        <translation>不支持的数据库 URL“%1”：请使用 sqlite:///path 或 postgresql://user@host/dbname</translation>
    </message>
</context>
<context>
    <name>DemoEnvironment</name>
    <message>
        <source>Cannot create the demo folder %1.</source>
        <translation>无法创建演示文件夹 %1。</translation>
    </message>
    <message>
        <source>The demo emulator could not listen on a loopback port.</source>
        <translation>演示模拟器无法在环回端口上监听。</translation>
    </message>
    <message>
        <source>Demo mode: the demo keys are kept in memory only.</source>
        <translation>演示模式：演示密钥仅保存在内存中。</translation>
    </message>
    <message>
        <source>Huawei demo</source>
        <translation>华为云演示</translation>
    </message>
    <message>
        <source>Alibaba demo</source>
        <translation>阿里云演示</translation>
    </message>
</context>
<context>
    <name>DigestResolver</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>HuaweiSigner</name>
    <message>
        <source>No Authorization header.</source>
        <translation>缺少 Authorization 头。</translation>
    </message>
    <message>
        <source>The Authorization header does not use SDK-HMAC-SHA256.</source>
        <translation>Authorization 头未使用 SDK-HMAC-SHA256。</translation>
    </message>
    <message>
        <source>The Authorization header lacks Access, SignedHeaders or Signature.</source>
        <translation>Authorization 头缺少 Access、SignedHeaders 或 Signature。</translation>
    </message>
    <message>
        <source>A signed header is missing from the request: %1</source>
        <translation>请求中缺少已签名的请求头：%1</translation>
    </message>
    <message>
        <source>X-Sdk-Date must be one of the signed headers.</source>
        <translation>X-Sdk-Date 必须是已签名的请求头之一。</translation>
    </message>
    <message>
        <source>X-Sdk-Date is not in the form YYYYMMDDTHHMMSSZ.</source>
        <translation>X-Sdk-Date 不符合 YYYYMMDDTHHMMSSZ 格式。</translation>
    </message>
    <message>
        <source>X-Sdk-Date is too far from the server time.</source>
        <translation>X-Sdk-Date 与服务器时间相差过大。</translation>
    </message>
    <message>
        <source>Unknown access key.</source>
        <translation>未知的访问密钥。</translation>
    </message>
</context>
<context>
    <name>ImageReference</name>
    <message>
        <source>the image reference is empty</source>
        <translation>镜像引用为空</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid image reference</source>
        <translation>“%1”不是有效的镜像引用</translation>
    </message>
    <message>
        <source>the repository name in &apos;%1&apos; must be lowercase</source>
        <translation>“%1”中的仓库名必须为小写</translation>
    </message>
    <message>
        <source>the repository name in &apos;%1&apos; is longer than 255 characters</source>
        <translation>“%1”中的仓库名超过 255 个字符</translation>
    </message>
    <message>
        <source>the digest in &apos;%1&apos; has the wrong length</source>
        <translation>“%1”中的摘要长度不对</translation>
    </message>
    <message>
        <source>the digest algorithm in &apos;%1&apos; is not supported</source>
        <translation>不支持“%1”中的摘要算法</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a 64-character hexadecimal identifier, not a repository name</source>
        <translation>“%1”是 64 个字符的十六进制标识符，不是仓库名</translation>
    </message>
</context>
<context>
    <name>ImageTable</name>
    <message>
        <source>Provider</source>
        <translation>云服务商</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Created (UTC)</source>
        <translation>创建时间（UTC）</translation>
    </message>
    <message>
        <source>OS</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>Registry URL</source>
        <translation>镜像仓库地址</translation>
    </message>
    <message>
        <source>Registry user</source>
        <translation>镜像仓库用户名</translation>
    </message>
</context>
<context>
    <name>ManifestParser</name>
    <message>
        <source>The manifest is not a JSON object.</source>
        <translation>清单不是 JSON 对象。</translation>
    </message>
    <message>
        <source>Manifest schema version %1 is not supported (only 2).</source>
        <translation>不支持清单架构版本 %1（仅支持 2）。</translation>
    </message>
    <message>
        <source>An index entry has no digest or size.</source>
        <translation>索引中的某个条目缺少摘要或大小。</translation>
    </message>
    <message>
        <source>The manifest (%1) has no config.</source>
        <translation>清单（%1）没有配置。</translation>
    </message>
    <message>
        <source>The config has no digest or size.</source>
        <translation>配置缺少摘要或大小。</translation>
    </message>
    <message>
        <source>A layer has no digest or size.</source>
        <translation>某个镜像层缺少摘要或大小。</translation>
    </message>
    <message>
        <source>The image config is not a JSON object.</source>
        <translation>镜像配置不是 JSON 对象。</translation>
    </message>
</context>
<context>
    <name>ManifestReader</name>
    <message>
        <source>cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
</context>
<context>
    <name>Platform</name>
    <message>
        <source>&apos;%1&apos; is not a platform; write os/arch[/variant], e.g. linux/arm64/v8.</source>
        <translation>“%1”不是平台；请写成 os/arch[/variant]，例如 linux/arm64/v8。</translation>
    </message>
</context>
<context>
    <name>PollerStatus</name>
    <message>
        <source>%1: not polling</source>
        <translation>%1：未轮询</translation>
    </message>
    <message>
        <source>%1: offline, showing the last known state</source>
        <translation>%1：离线，显示最近一次的已知状态</translation>
    </message>
    <message>
        <source>%1: credentials rejected (%2), update them to resume</source>
        <translation>%1：凭证被拒绝（%2），请更新凭证以恢复</translation>
    </message>
    <message>
        <source>%1: retrying in %2 s (%3)</source>
        <translation>%1：%2 秒后重试（%3）</translation>
    </message>
    <message>
        <source>%1: refreshing…</source>
        <translation>%1：正在刷新…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n cache(s), updated %2</source>
        <translation>
            <numerusform>%1：%n 个镜像缓存，更新于 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: waiting for the first listing</source>
        <translation>%1：正在等待首次获取列表</translation>
    </message>
</context>
<context>
    <name>ProfileImporter</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a JSON configuration file: %2</source>
        <translation>%1 不是 JSON 配置文件：%2</translation>
    </message>
    <message>
        <source>Profile %1: %2</source>
        <translation>配置 %1：%2</translation>
    </message>
    <message>
        <source>Profile %1 uses the %2 mode; only AccessKey (AK) profiles can be imported</source>
        <translation>配置 %1 使用 %2 模式；只能导入 AccessKey（AK）模式的配置</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Profile %1 has no AccessKey pair</source>
        <translation>配置 %1 中没有 AccessKey 密钥对</translation>
    </message>
    <message>
        <source>%1 (aliyun CLI)</source>
        <translation>%1（aliyun CLI）</translation>
    </message>
    <message>
        <source>Profile %1 uses the %2 mode; only AK/SK profiles can be imported</source>
        <translation>配置 %1 使用 %2 模式；只能导入 AK/SK 模式的配置</translation>
    </message>
    <message>
        <source>Profile %1 holds a temporary AK/SK with a security token, which expires; add a permanent access key instead</source>
        <translation>配置 %1 中是带安全令牌（security token）的临时 AK/SK，会过期；请改为添加永久访问密钥</translation>
    </message>
    <message>
        <source>Profile %1 has no AK/SK pair</source>
        <translation>配置 %1 中没有 AK/SK 密钥对</translation>
    </message>
    <message>
        <source>%1 (KooCLI)</source>
        <translation>%1（KooCLI）</translation>
    </message>
    <message>
        <source>Alibaba Cloud (environment)</source>
        <translation>阿里云（环境变量）</translation>
    </message>
    <message>
        <source>ALIBABA_CLOUD_ACCESS_KEY_ID is set without ALIBABA_CLOUD_ACCESS_KEY_SECRET</source>
        <translation>已设置 ALIBABA_CLOUD_ACCESS_KEY_ID，但未设置 ALIBABA_CLOUD_ACCESS_KEY_SECRET</translation>
    </message>
    <message>
        <source>Huawei Cloud (environment)</source>
        <translation>华为云（环境变量）</translation>
    </message>
    <message>
        <source>HUAWEICLOUD_SDK_AK is set without HUAWEICLOUD_SDK_SK</source>
        <translation>已设置 HUAWEICLOUD_SDK_AK，但未设置 HUAWEICLOUD_SDK_SK</translation>
    </message>
    <message>
        <source>Profile %1: an account with access key id %2 already exists</source>
        <translation>配置 %1：访问密钥 ID 为 %2 的账号已存在</translation>
    </message>
</context>
<context>
    <name>RegistryErrors</name>
    <message>
        <source>HTTP %1 from the registry</source>
        <translation>镜像仓库返回 HTTP %1</translation>
    </message>
</context>
<context>
    <name>RegistryLogins</name>
    <message>
        <source>The password of the %1 login could not be read: %2</source>
        <translation>无法读取 %1 登录的密码：%2</translation>
    </message>
</context>
<context>
    <name>RegistryReference</name>
    <message>
        <source>Malformed image reference: %1.</source>
        <translation>镜像引用格式错误：%1。</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>Database error while %1: %2</source>
        <translation>执行“%1”时发生数据库错误：%2</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the database</source>
        <translation>无法为数据库创建文件夹 %1</translation>
    </message>
    <message>
        <source>it is not a SQLite database</source>
        <translation>它不是 SQLite 数据库</translation>
    </message>
    <message>
        <source>The Qt SQL driver %1 is not installed</source>
        <translation>未安装 Qt SQL 驱动 %1</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>无法打开数据库 %1：%2</translation>
    </message>
    <message>
        <source>The database path %1 is a folder, not a file. Nothing was changed.</source>
        <translation>数据库路径 %1 是文件夹而不是文件。未做任何更改。</translation>
    </message>
    <message>
        <source>The database file %1 cannot be read (%2). Nothing was changed; check its permissions.</source>
        <translation>无法读取数据库文件 %1（%2）。未做任何更改；请检查其权限。</translation>
    </message>
    <message>
        <source>Cannot check the database %1: %2</source>
        <translation>无法检查数据库 %1：%2</translation>
    </message>
    <message>
        <source>integrity check failed: %1</source>
        <translation>完整性检查失败：%1</translation>
    </message>
    <message>
        <source>The database file %1 is damaged (%2) and could not be moved aside. Nothing was deleted; move it away by hand.</source>
        <translation>数据库文件 %1 已损坏（%2），且无法将其移到别处。未删除任何内容；请手动移走该文件。</translation>
    </message>
    <message>
        <source>The database file %1 could not be used (%2). It was moved to %3 and a new, empty database was created; nothing was deleted.</source>
        <translation>数据库文件 %1 无法使用（%2）。已将其移至 %3，并创建了新的空数据库；未删除任何内容。</translation>
    </message>
    <message>
        <source>Cannot switch the database %1 to write-ahead logging: %2</source>
        <translation>无法将数据库 %1 切换为预写日志（WAL）模式：%2</translation>
    </message>
    <message>
        <source>Cannot read the schema version: %1</source>
        <translation>无法读取数据库结构版本：%1</translation>
    </message>
    <message>
        <source>The database %1 was written by a newer version of ImageCache Console (schema %2; this version knows up to %3). Nothing was changed: update the application or choose another database.</source>
        <translation>数据库 %1 由更新版本的 ImageCache Console 写入（结构版本 %2；当前版本最高支持 %3）。未做任何更改：请升级应用程序或选择其他数据库。</translation>
    </message>
    <message>
        <source>Cannot upgrade the database to schema %1 (%2): %3</source>
        <translation>无法将数据库升级到结构版本 %1（%2）：%3</translation>
    </message>
    <message>
        <source>The store is not open</source>
        <translation>本地存储未打开</translation>
    </message>
    <message>
        <source>There is no account with id %1</source>
        <translation>不存在 ID 为 %1 的账号</translation>
    </message>
    <message>
        <source>The account has no id</source>
        <translation>该账号没有 ID</translation>
    </message>
    <message>
        <source>An account with id %1 already exists</source>
        <translation>ID 为 %1 的账号已存在</translation>
    </message>
    <message>
        <source>Cannot load accounts: %1</source>
        <translation>无法加载账号：%1</translation>
    </message>
    <message>
        <source>A journal entry needs an action</source>
        <translation>日志条目需要指定操作</translation>
    </message>
    <message>
        <source>Cannot follow the changes of other consoles in %1: %2</source>
        <translation>无法在 %1 中跟踪其他控制台的变更：%2</translation>
    </message>
    <message>
        <source>Cannot read the poll records: %1</source>
        <translation>无法读取轮询记录：%1</translation>
    </message>
    <message>
        <source>starting a transaction</source>
        <translation>开始事务</translation>
    </message>
    <message>
        <source>committing</source>
        <translation>提交事务</translation>
    </message>
    <message>
        <source>configuring the database</source>
        <translation>配置数据库</translation>
    </message>
    <message>
        <source>locking the schema</source>
        <translation>锁定数据库结构</translation>
    </message>
    <message>
        <source>creating the schema table</source>
        <translation>创建数据库结构表</translation>
    </message>
    <message>
        <source>recording the schema version</source>
        <translation>记录数据库结构版本</translation>
    </message>
    <message>
        <source>writing caches</source>
        <translation>写入镜像缓存</translation>
    </message>
    <message>
        <source>writing cache tags</source>
        <translation>写入镜像缓存标签</translation>
    </message>
    <message>
        <source>writing cache events</source>
        <translation>写入镜像缓存事件</translation>
    </message>
    <message>
        <source>removing caches</source>
        <translation>删除镜像缓存</translation>
    </message>
    <message>
        <source>loading caches</source>
        <translation>加载镜像缓存</translation>
    </message>
    <message>
        <source>saving images</source>
        <translation>保存镜像</translation>
    </message>
    <message>
        <source>saving image layers</source>
        <translation>保存镜像层</translation>
    </message>
    <message>
        <source>loading images</source>
        <translation>加载镜像</translation>
    </message>
    <message>
        <source>loading image layers</source>
        <translation>加载镜像层</translation>
    </message>
    <message>
        <source>writing account regions</source>
        <translation>写入账号地域</translation>
    </message>
    <message>
        <source>writing account registries</source>
        <translation>写入账号镜像仓库</translation>
    </message>
    <message>
        <source>adding an account</source>
        <translation>添加账号</translation>
    </message>
    <message>
        <source>removing an account</source>
        <translation>删除账号</translation>
    </message>
    <message>
        <source>writing the journal</source>
        <translation>写入操作日志</translation>
    </message>
    <message>
        <source>reading the journal</source>
        <translation>读取操作日志</translation>
    </message>
    <message>
        <source>announcing a change</source>
        <translation>通知变更</translation>
    </message>
    <message>
        <source>recording a poll</source>
        <translation>记录轮询</translation>
    </message>
    <message>
        <source>recording image digests</source>
        <translation>记录镜像摘要</translation>
    </message>
    <message>
        <source>recording tag checks</source>
        <translation>记录标签检查结果</translation>
    </message>
    <message>
        <source>Cannot read the image digests: %1</source>
        <translation>无法读取镜像摘要：%1</translation>
    </message>
</context>
<context>
    <name>StoreAccess</name>
    <message>
        <source>Cannot open the store %1: %2</source>
        <translation>无法打开本地存储 %1：%2</translation>
    </message>
    <message>
        <source>No stored account has the id or name &apos;%1&apos; (see &apos;imagecache accounts list&apos;).</source>
        <translation>没有 ID 或名称为 &apos;%1&apos; 的已保存账号（请参见 &apos;imagecache accounts list&apos;）。</translation>
    </message>
    <message>
        <source>%1 accounts are named &apos;%2&apos;; give the id instead: %3.</source>
        <translation>有 %1 个账号名为 &apos;%2&apos;；请改为指定 ID：%3。</translation>
    </message>
</context>
<context>
    <name>TextFormatter</name>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Creating</source>
        <translation>创建中</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Updating</source>
        <translation>更新中</translation>
    </message>
    <message>
        <source>Deleting</source>
        <translation>删除中</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source> %1%</source>
        <translation> %1%</translation>
    </message>
    <message>
        <source>never</source>
        <translation>永久</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>SIZE GiB</source>
        <translation>大小 GiB</translation>
    </message>
    <message>
        <source>RETENTION DAYS</source>
        <translation>保留天数</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>IMAGES</source>
        <translation>镜像数</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>云服务商</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>保留时间</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>never expires</source>
        <translation>永不过期</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>过期时间</translation>
    </message>
    <message>
        <source>Last matched</source>
        <translation>最近匹配</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>Pull secrets</source>
        <translation>拉取密钥</translation>
    </message>
    <message>
        <source>Snapshot ID</source>
        <translation>快照 ID</translation>
    </message>
    <message>
        <source>Flash snapshot ID</source>
        <translation>本地快照 ID</translation>
    </message>
    <message>
        <source>Container group</source>
        <translation>容器组</translation>
    </message>
    <message>
        <source>Elimination</source>
        <translation>淘汰策略</translation>
    </message>
    <message>
        <source>Resource group</source>
        <translation>资源组</translation>
    </message>
    <message>
        <source>Events:</source>
        <translation>事件：</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>REASON</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>MESSAGE</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>NAMESPACE/CATEGORY</source>
        <translation>命名空间/类别</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>镜像仓库</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Scan status</source>
        <translation>扫描状态</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>OS</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>Registry URL</source>
        <translation>镜像仓库地址</translation>
    </message>
    <message>
        <source>ACR</source>
        <translation>ACR</translation>
    </message>
    <message>
        <source>Enterprise Edition</source>
        <translation>企业版</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>ACR instance</source>
        <translation>ACR 实例</translation>
    </message>
    <message>
        <source>Registry server</source>
        <translation>镜像仓库服务器</translation>
    </message>
    <message>
        <source>Registry user</source>
        <translation>镜像仓库用户名</translation>
    </message>
    <message>
        <source>Registry password</source>
        <translation>镜像仓库密码</translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation>（已隐藏）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>Container image:</source>
        <translation>容器镜像：</translation>
    </message>
    <message>
        <source>Image ID</source>
        <translation>镜像 ID</translation>
    </message>
    <message>
        <source>VM image:</source>
        <translation>虚拟机镜像：</translation>
    </message>
    <message>
        <source>Other regions:</source>
        <translation>其他地域：</translation>
    </message>
    <message>
        <source>REGION</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>IMAGE ID</source>
        <translation>镜像 ID</translation>
    </message>
    <message>
        <source>Layers:</source>
        <translation>镜像层：</translation>
    </message>
    <message>
        <source>OS VERSION</source>
        <translation>操作系统版本</translation>
    </message>
    <message>
        <source>LAYER DIGEST</source>
        <translation>镜像层摘要</translation>
    </message>
    <message>
        <source>EXPIRES</source>
        <translation>过期时间</translation>
    </message>
    <message>
        <source>IMAGE NAMES</source>
        <translation>镜像列表</translation>
    </message>
    <message>
        <source>TAGS</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>SCAN</source>
        <translation>扫描状态</translation>
    </message>
    <message>
        <source>REGISTRY</source>
        <translation>镜像仓库</translation>
    </message>
    <message>
        <source>DIGEST</source>
        <translation>摘要</translation>
    </message>
</context>
<context>
    <name>ViewExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>cli::AccountCommands</name>
    <message>
        <source>--%1 %2: give REGION=VALUE for one of the account&apos;s regions (%3), or a single value for all of them.</source>
        <translation>--%1 %2：请为账号的某个地域（%3）指定 REGION=VALUE，或指定一个适用于所有地域的值。</translation>
    </message>
    <message>
        <source>IAM %1@%2</source>
        <translation>IAM %1@%2</translation>
    </message>
    <message>
        <source>AK/SK</source>
        <translation>AK/SK</translation>
    </message>
    <message>
        <source>Unknown command &apos;accounts %1&apos;.</source>
        <translation>未知命令 &apos;accounts %1&apos;。</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>For the command line this session is this one command: a secret is gone when it ends and is never written anywhere. Keep it in %1 instead; --account uses them when their access key id is the account&apos;s.</source>
        <translation>对命令行而言，本次会话仅限这一条命令：命令结束后密钥即被丢弃，且不会写入任何位置。请改为将其保存在 %1 中；当其中的访问密钥 ID 与账号一致时，--account 会使用它们。</translation>
    </message>
    <message>
        <source>No stored accounts. Add one with &apos;imagecache accounts add&apos; or &apos;imagecache accounts import&apos;.</source>
        <translation>没有已保存的账号。请使用 &apos;imagecache accounts add&apos; 或 &apos;imagecache accounts import&apos; 添加。</translation>
    </message>
    <message>
        <source>stored</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>PROVIDER</source>
        <translation>云服务商</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>REGIONS</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>AUTH</source>
        <translation>认证方式</translation>
    </message>
    <message>
        <source>ACCESS KEY ID</source>
        <translation>访问密钥 ID</translation>
    </message>
    <message>
        <source>SECRET</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>%1; a secret added by an earlier command is not kept.</source>
        <translation>%1；之前的命令添加的密钥不会保留。</translation>
    </message>
    <message>
        <source>--provider is required (huawei or alibaba).</source>
        <translation>必须指定 --provider（huawei 或 alibaba）。</translation>
    </message>
    <message>
        <source>Unknown provider &apos;%1&apos; (expected huawei or alibaba).</source>
        <translation>未知的云服务商 &apos;%1&apos;（应为 huawei 或 alibaba）。</translation>
    </message>
    <message>
        <source>--access-key-id applies to --auth aksk.</source>
        <translation>--access-key-id 仅适用于 --auth aksk。</translation>
    </message>
    <message>
        <source>--iam-user and --iam-domain apply to --auth iam.</source>
        <translation>--iam-user 和 --iam-domain 仅适用于 --auth iam。</translation>
    </message>
    <message>
        <source>--signature-version is an Alibaba Cloud option.</source>
        <translation>--signature-version 是阿里云的选项。</translation>
    </message>
    <message>
        <source>--secret-from-env reads an access key secret; an IAM password has no official variable, so pipe it with --secret-stdin.</source>
        <translation>--secret-from-env 读取的是访问密钥的 Secret；IAM 密码没有官方环境变量，请通过管道配合 --secret-stdin 传入。</translation>
    </message>
    <message>
        <source>--secret-from-env: no secret in the environment (set %1).</source>
        <translation>--secret-from-env：环境变量中没有密钥（请设置 %1）。</translation>
    </message>
    <message>
        <source>--secret-from-env: the environment&apos;s secret belongs to access key id %1, not %2.</source>
        <translation>--secret-from-env：环境变量中的密钥属于访问密钥 ID %1，而不是 %2。</translation>
    </message>
    <message>
        <source>--secret-stdin reads the secret from a pipe, but standard input is a terminal; leave the option out to be asked for it.</source>
        <translation>--secret-stdin 从管道读取密钥，但标准输入是终端；去掉该选项即可在终端中按提示输入。</translation>
    </message>
    <message>
        <source>Cannot read the secret from standard input: %1</source>
        <translation>无法从标准输入读取密钥：%1</translation>
    </message>
    <message>
        <source>No secret on standard input. Pipe it in (--secret-stdin) or use --secret-from-env with %1.</source>
        <translation>标准输入中没有密钥。请通过管道传入（--secret-stdin），或设置 %1 后使用 --secret-from-env。</translation>
    </message>
    <message>
        <source>IAM password of %1: </source>
        <translation>%1 的 IAM 密码：</translation>
    </message>
    <message>
        <source>Secret access key of %1: </source>
        <translation>%1 的私有访问密钥：</translation>
    </message>
    <message>
        <source>No secret entered.</source>
        <translation>未输入密钥。</translation>
    </message>
    <message>
        <source>An account named %1 already exists (id %2)</source>
        <translation>名为 %1 的账号已存在（ID %2）</translation>
    </message>
    <message>
        <source>Added account %1 (%2).</source>
        <translation>已添加账号 %1（%2）。</translation>
    </message>
    <message>
        <source>Removed account %1 (%2) and its stored secrets.</source>
        <translation>已移除账号 %1（%2）及其已保存的密钥。</translation>
    </message>
    <message>
        <source>Imported profile %1 as %2 (%3, %4, access key id %5, id %6).</source>
        <translation>已将配置 %1 导入为 %2（%3，%4，访问密钥 ID %5，ID %6）。</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>已跳过：%1</translation>
    </message>
    <message>
        <source>%1 has no profiles.</source>
        <translation>%1 中没有配置。</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>%1: OK (%2 caches)</source>
        <translation>%1：成功（%2 个镜像缓存）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>cli::CacheCommands</name>
    <message>
        <source>Unknown command &apos;caches %1&apos;.</source>
        <translation>未知命令 &apos;caches %1&apos;。</translation>
    </message>
    <message>
        <source>No image caches in %1.</source>
        <translation>地域 %1 中没有镜像缓存。</translation>
    </message>
    <message>
        <source>--%1 is an Alibaba Cloud ECI option.</source>
        <translation>--%1 是阿里云 ECI 的选项。</translation>
    </message>
    <message>
        <source>--%1 is a Huawei Cloud CCE option.</source>
        <translation>--%1 是华为云 CCE 的选项。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>warning: %1: %2</source>
        <translation>警告：%1：%2</translation>
    </message>
    <message>
        <source>Created %1 (%2); waiting until it is ready…</source>
        <translation>已创建 %1（%2），正在等待其就绪…</translation>
    </message>
    <message>
        <source>%1 image caches cannot be updated (the provider has no update API); delete the cache and create a new one.</source>
        <translation>%1 镜像缓存无法更新（该云服务不提供更新接口）；请删除该镜像缓存后重新创建。</translation>
    </message>
    <message>
        <source>Update of %1 accepted; waiting until it is ready…</source>
        <translation>%1 的更新请求已受理，正在等待其就绪…</translation>
    </message>
    <message>
        <source>Update of %1 accepted.</source>
        <translation>%1 的更新请求已受理。</translation>
    </message>
    <message>
        <source>%1 is %2: %3</source>
        <translation>%1 的状态为“%2”：%3</translation>
    </message>
    <message>
        <source>(the provider gave no reason)</source>
        <translation>（云服务未给出原因）</translation>
    </message>
    <message>
        <source>Gave up waiting for %1 after %2 ms; it is still %3.</source>
        <translation>等待 %1 超过 %2 毫秒，已停止等待；其状态仍为“%3”。</translation>
    </message>
    <message>
        <source>Deletion of %1 requested.</source>
        <translation>已请求删除 %1。</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <source>%1 was not deleted within %2 ms.</source>
        <translation>%1 未在 %2 毫秒内删除。</translation>
    </message>
    <message numerus="yes">
        <source>%n caches are named &apos;%1&apos;; give one of their IDs: %2</source>
        <translation>
            <numerusform>有 %n 个镜像缓存名为“%1”；请给出其中一个 ID：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>warning: digest not recorded, so a moved tag cannot be told: %1</source>
        <translation>警告：未记录摘要，因此无法判断标签是否已移动：%1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
</context>
<context>
    <name>cli::CacheWaiter</name>
    <message>
        <source>%1: deleted</source>
        <translation>%1：已删除</translation>
    </message>
</context>
<context>
    <name>cli::CliJournal</name>
    <message>
        <source>warning: the operation journal could not be written: %1</source>
        <translation>警告：无法写入操作日志：%1</translation>
    </message>
</context>
<context>
    <name>cli::CommandDispatcher</name>
    <message>
        <source>Try &apos;imagecache --help&apos;.</source>
        <translation>请运行 &apos;imagecache --help&apos; 查看帮助。</translation>
    </message>
    <message>
        <source>warning: %1; the operation is not journaled.</source>
        <translation>警告：%1；本次操作未记入日志。</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
</context>
<context>
    <name>cli::CoverageCommand</name>
    <message>
        <source>&apos;coverage&apos; needs at least one -f FILE (or -f - for stdin).</source>
        <translation>&apos;coverage&apos; 至少需要一个 -f FILE（或用 -f - 读取标准输入）。</translation>
    </message>
    <message>
        <source>--expires-within expects a duration such as 12h, 7d or 2w, got &apos;%1&apos;.</source>
        <translation>--expires-within 应为时长，如 12h、7d 或 2w，而不是 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>No account could be connected.</source>
        <translation>没有可以连接的账号。</translation>
    </message>
    <message>
        <source>No stored account matches --provider, --account and --region.</source>
        <translation>没有与 --provider、--account 和 --region 匹配的已保存账号。</translation>
    </message>
    <message>
        <source>%1:%2: document %3 could not be read: %4</source>
        <translation>%1:%2：无法读取第 %3 个文档：%4</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>WORKLOAD</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>CONTAINER</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>IMAGE</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>PROVIDER</source>
        <translation>云服务商</translation>
    </message>
    <message>
        <source>ACCOUNT / REGION</source>
        <translation>账号 / 地域</translation>
    </message>
    <message>
        <source>COVERAGE</source>
        <translation>覆盖情况</translation>
    </message>
    <message>
        <source>CACHE</source>
        <translation>镜像缓存</translation>
    </message>
    <message>
        <source>EXPIRES</source>
        <translation>过期时间</translation>
    </message>
    <message>
        <source>note: %1 in %2: %3</source>
        <translation>注意：%2 中的 %1：%3</translation>
    </message>
</context>
<context>
    <name>cli::ExportCommands</name>
    <message numerus="yes">
        <source>Wrote %n row(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 行写入 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cli::ImageCommands</name>
    <message>
        <source>The provider reports no base-image layers for this image.</source>
        <translation>云服务未报告该镜像的基础镜像层。</translation>
    </message>
    <message>
        <source>Unknown command &apos;images %1&apos;.</source>
        <translation>未知命令 &apos;images %1&apos;。</translation>
    </message>
    <message>
        <source>No images found.</source>
        <translation>未找到镜像。</translation>
    </message>
    <message>
        <source>No image with ID %1 in the listing (narrow it with --source, --type, --namespace, --name or --image-version).</source>
        <translation>列表中没有 ID 为 %1 的镜像（可使用 --source、--type、--namespace、--name 或 --image-version 缩小范围）。</translation>
    </message>
</context>
<context>
    <name>cli::JournalCommand</name>
    <message>
        <source>--since expects a date (2026-12-01) or a date and time (2026-12-01T08:30), got &apos;%1&apos;.</source>
        <translation>--since 需要日期（2026-12-01）或日期和时间（2026-12-01T08:30），实际为 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>No journal entries.</source>
        <translation>没有操作日志记录。</translation>
    </message>
    <message>
        <source>WHEN</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>ACCOUNT</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>TARGET</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>RESULT</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>REQUEST ID</source>
        <translation>请求 ID</translation>
    </message>
    <message>
        <source>MESSAGE</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>cli::RegistryCommand</name>
    <message>
        <source>~%1 (estimate)</source>
        <translation>约 %1（估算）</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Index digest</source>
        <translation>索引摘要</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <source>OS</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Media type</source>
        <translation>媒体类型</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Compressed size</source>
        <translation>压缩大小</translation>
    </message>
    <message>
        <source>Uncompressed size</source>
        <translation>解压后大小</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>镜像层数</translation>
    </message>
    <message>
        <source>LAYER</source>
        <translation>镜像层</translation>
    </message>
    <message>
        <source>COMPRESSED</source>
        <translation>压缩大小</translation>
    </message>
    <message>
        <source>UNCOMPRESSED</source>
        <translation>解压后大小</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>命令</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>One console for Huawei Cloud CCE Autopilot and Alibaba Cloud ECI image caches.</source>
        <translation>统一管理华为云 CCE Autopilot 与阿里云 ECI 镜像缓存的控制台。</translation>
    </message>
    <message>
        <source>Run against the built-in emulator, with demo accounts.</source>
        <translation>使用内置模拟器和演示账号运行。</translation>
    </message>
    <message>
        <source>User interface language.</source>
        <translation>界面语言。</translation>
    </message>
    <message>
        <source>Database URL (sqlite:///path or postgresql://...).</source>
        <translation>数据库 URL（sqlite:///path 或 postgresql://...）。</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
</context>
<context>
    <name>models::CacheTableModel</name>
    <message>
        <source>%1%</source>
        <comment>progress percentage</comment>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Expires %1</source>
        <comment>tooltip: expiry date/time</comment>
        <translation>过期时间：%1</translation>
    </message>
    <message>
        <source>Name</source>
        <comment>image cache name</comment>
        <translation>名称</translation>
    </message>
    <message>
        <source>Status</source>
        <comment>image cache status</comment>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <comment>image cache build progress</comment>
        <translation>进度</translation>
    </message>
    <message>
        <source>Cloud</source>
        <comment>cloud provider</comment>
        <translation>云平台</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>Size</source>
        <comment>image cache size</comment>
        <translation>大小</translation>
    </message>
    <message>
        <source>Retention</source>
        <comment>days before the cache expires</comment>
        <translation>保留时间</translation>
    </message>
    <message>
        <source>Expires</source>
        <comment>expiry time</comment>
        <translation>过期时间</translation>
    </message>
    <message>
        <source>Images</source>
        <comment>container images in the cache</comment>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Created</source>
        <comment>creation time</comment>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Last Matched</source>
        <comment>last time a pod used the cache</comment>
        <translation>最近匹配</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Message</source>
        <comment>failure or status message</comment>
        <translation>消息</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>expiry: time left (date/time)</comment>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>models::CoverageModel</name>
    <message>
        <source>%1, document %2, line %3</source>
        <translation>%1，第 %2 个文档，第 %3 行</translation>
    </message>
    <message>
        <source>no account</source>
        <translation>无账号</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>云平台</translation>
    </message>
    <message>
        <source>Account / Region</source>
        <translation>账号 / 地域</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖情况</translation>
    </message>
    <message>
        <source>Cache ID</source>
        <translation>镜像缓存 ID</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>镜像缓存</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>过期时间</translation>
    </message>
</context>
<context>
    <name>models::EventModel</name>
    <message>
        <source>Warning</source>
        <comment>event type</comment>
        <translation>警告</translation>
    </message>
    <message>
        <source>Normal</source>
        <comment>event type</comment>
        <translation>正常</translation>
    </message>
    <message>
        <source>Type</source>
        <comment>event type</comment>
        <translation>类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <comment>event reason</comment>
        <translation>原因</translation>
    </message>
    <message>
        <source>Message</source>
        <comment>event message</comment>
        <translation>消息</translation>
    </message>
    <message>
        <source>Count</source>
        <comment>how many times the event occurred</comment>
        <translation>次数</translation>
    </message>
    <message>
        <source>First Seen</source>
        <comment>event first timestamp</comment>
        <translation>首次出现</translation>
    </message>
    <message>
        <source>Last Seen</source>
        <comment>event last timestamp</comment>
        <translation>最近出现</translation>
    </message>
</context>
<context>
    <name>models::ImageCheckModel</name>
    <message>
        <source>checking…</source>
        <comment>image check in progress</comment>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>✓ exists (%1)</source>
        <comment>image check: found for the platform</comment>
        <translation>✓ 存在（%1）</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <comment>image check: the named problem</comment>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>%1: checking with its registry…</source>
        <translation>%1：正在向其镜像仓库检查…</translation>
    </message>
    <message numerus="yes">
        <source>%1 exists for %2: %n layer(s), %3 compressed, %4 uncompressed; digest %5.</source>
        <translation>
            <numerusform>%1 存在（%2）：%n 层，压缩后 %3，解压后 %4；摘要 %5。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2. The cache can still be created; the provider may fail to pull it.</source>
        <translation>%1：%2。仍可创建镜像缓存；云厂商可能无法拉取该镜像。</translation>
    </message>
    <message>
        <source>Checked with the registry login of this form.</source>
        <translation>已使用此表单中的镜像仓库登录信息检查。</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Registry check</source>
        <translation>镜像仓库检查</translation>
    </message>
    <message>
        <source>Compressed</source>
        <comment>image size as pulled</comment>
        <translation>压缩大小</translation>
    </message>
    <message>
        <source>Uncompressed</source>
        <comment>image size once unpacked</comment>
        <translation>解压大小</translation>
    </message>
</context>
<context>
    <name>models::ImageTableModel</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>Name</source>
        <comment>container image name</comment>
        <translation>名称</translation>
    </message>
    <message>
        <source>Version</source>
        <comment>container image version or tag</comment>
        <translation>版本</translation>
    </message>
    <message>
        <source>Type</source>
        <comment>container image type</comment>
        <translation>类型</translation>
    </message>
    <message>
        <source>Category</source>
        <comment>public or custom image</comment>
        <translation>类别</translation>
    </message>
    <message>
        <source>Cloud</source>
        <comment>cloud provider</comment>
        <translation>云平台</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>Namespace</source>
        <comment>registry namespace</comment>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>镜像仓库</translation>
    </message>
    <message>
        <source>Digest</source>
        <comment>image digest</comment>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Size</source>
        <comment>image size</comment>
        <translation>大小</translation>
    </message>
    <message>
        <source>OS</source>
        <comment>operating system</comment>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>Status</source>
        <comment>image status</comment>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created</source>
        <comment>creation time</comment>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Updated</source>
        <comment>last update time</comment>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Private image</source>
        <comment>HSS image type</comment>
        <translation>私有镜像</translation>
    </message>
    <message>
        <source>Shared image</source>
        <comment>HSS image type</comment>
        <translation>共享镜像</translation>
    </message>
    <message>
        <source>Enterprise instance image</source>
        <comment>HSS image type (SWR enterprise edition)</comment>
        <translation>企业版实例镜像</translation>
    </message>
    <message>
        <source>CI/CD image</source>
        <comment>HSS image type</comment>
        <translation>CI/CD 镜像</translation>
    </message>
    <message>
        <source>Scanned</source>
        <comment>HSS scan status</comment>
        <translation>已扫描</translation>
    </message>
    <message>
        <source>Scanning</source>
        <comment>HSS scan status</comment>
        <translation>扫描中</translation>
    </message>
    <message>
        <source>Scan failed</source>
        <comment>HSS scan status</comment>
        <translation>扫描失败</translation>
    </message>
    <message>
        <source>Not scanned</source>
        <comment>HSS scan status</comment>
        <translation>未扫描</translation>
    </message>
</context>
<context>
    <name>models::JournalModel</name>
    <message>
        <source>Create cache</source>
        <translation>创建缓存</translation>
    </message>
    <message>
        <source>Update cache</source>
        <translation>更新缓存</translation>
    </message>
    <message>
        <source>Delete cache</source>
        <translation>删除缓存</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>添加账号</translation>
    </message>
    <message>
        <source>Change account</source>
        <translation>修改账号</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>移除账号</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>请求 ID</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>models::LayerModel</name>
    <message>
        <source>Layer Digest</source>
        <translation>镜像层摘要</translation>
    </message>
    <message>
        <source>OS</source>
        <comment>operating system</comment>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>OS Version</source>
        <comment>operating system version</comment>
        <translation>操作系统版本</translation>
    </message>
</context>
<context>
    <name>models::Presentation</name>
    <message>
        <source>Creating</source>
        <comment>image cache status</comment>
        <translation>创建中</translation>
    </message>
    <message>
        <source>Ready</source>
        <comment>image cache status</comment>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Updating</source>
        <comment>image cache status</comment>
        <translation>更新中</translation>
    </message>
    <message>
        <source>Deleting</source>
        <comment>image cache status</comment>
        <translation>删除中</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>image cache status</comment>
        <translation>失败</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <comment>image cache status (abnormal)</comment>
        <translation>不可用</translation>
    </message>
    <message>
        <source>Expired</source>
        <comment>image cache status: retention elapsed</comment>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>image cache status</comment>
        <translation>未知</translation>
    </message>
    <message>
        <source>Huawei Cloud</source>
        <translation>华为云</translation>
    </message>
    <message>
        <source>Alibaba Cloud</source>
        <translation>阿里云</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <comment>size in gibibytes</comment>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>never</source>
        <comment>retention: the cache never expires</comment>
        <translation>永不过期</translation>
    </message>
    <message>
        <source>1 day</source>
        <comment>retention</comment>
        <translation>1 天</translation>
    </message>
    <message>
        <source>%1 days</source>
        <comment>retention</comment>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>不到 1 分钟</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 分钟</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>in %1</source>
        <comment>time left, e.g. in 3 days</comment>
        <translation>%1后</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <comment>time passed, e.g. 2 days ago</comment>
        <translation>%1前</translation>
    </message>
</context>
<context>
    <name>models::RegistryLayerModel</name>
    <message>
        <source>unknown</source>
        <comment>uncompressed size</comment>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1
Uncompressed (diff ID): %2</source>
        <translation>%1
解压后（diff ID）：%2</translation>
    </message>
    <message>
        <source>Estimated as %1 × the compressed size: the registry did not serve the layer&apos;s gzip trailer.</source>
        <translation>按压缩大小的 %1 倍估算：镜像仓库未提供该层的 gzip 尾部。</translation>
    </message>
    <message>
        <source>From the layer&apos;s gzip trailer (ISIZE), read with a 4-byte ranged request.</source>
        <translation>取自该层的 gzip 尾部（ISIZE），通过 4 字节的范围请求读取。</translation>
    </message>
    <message>
        <source>Layer</source>
        <comment>registry layer digest</comment>
        <translation>层</translation>
    </message>
    <message>
        <source>Compressed</source>
        <comment>layer size as pulled</comment>
        <translation>压缩大小</translation>
    </message>
    <message>
        <source>Uncompressed</source>
        <comment>layer size once unpacked</comment>
        <translation>解压大小</translation>
    </message>
    <message>
        <source>Created by</source>
        <comment>the layer&apos;s build command</comment>
        <translation>创建命令</translation>
    </message>
</context>
<context>
    <name>models::RegistryText</name>
    <message>
        <source>Not a valid image reference</source>
        <translation>不是有效的镜像引用</translation>
    </message>
    <message>
        <source>Unknown image</source>
        <comment>registry: no such repository</comment>
        <translation>镜像不存在</translation>
    </message>
    <message>
        <source>Unknown tag</source>
        <comment>registry: no such tag or digest</comment>
        <translation>标签不存在</translation>
    </message>
    <message>
        <source>Missing layer or config</source>
        <comment>registry: BLOB_UNKNOWN</comment>
        <translation>缺少层或配置</translation>
    </message>
    <message>
        <source>Platform missing</source>
        <comment>registry: the image has no manifest for the platform</comment>
        <translation>缺少该平台</translation>
    </message>
    <message>
        <source>Unauthorized</source>
        <comment>registry: credentials missing or wrong</comment>
        <translation>未授权</translation>
    </message>
    <message>
        <source>Access denied</source>
        <comment>registry: the login may not pull this image</comment>
        <translation>拒绝访问</translation>
    </message>
    <message>
        <source>Rate limited</source>
        <comment>registry: too many requests</comment>
        <translation>请求受限</translation>
    </message>
    <message>
        <source>TLS error</source>
        <comment>registry: certificate or protocol</comment>
        <translation>TLS 错误</translation>
    </message>
    <message>
        <source>Registry unreachable</source>
        <comment>registry: refused, DNS, timeout</comment>
        <translation>无法连接镜像仓库</translation>
    </message>
    <message>
        <source>Unexpected answer</source>
        <comment>registry: not the documented manifest or config</comment>
        <translation>意外的响应</translation>
    </message>
    <message>
        <source>Registry error</source>
        <translation>镜像仓库错误</translation>
    </message>
    <message>
        <source>%1 (%2: %3)</source>
        <comment>problem (registry code: registry message)</comment>
        <translation>%1（%2：%3）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>problem (registry code)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>problem: message</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>~%1 (estimate)</source>
        <comment>a size not read from the registry</comment>
        <translation>约 %1（估算）</translation>
    </message>
</context>
<context>
    <name>models::TagModel</name>
    <message>
        <source>Key</source>
        <comment>tag key</comment>
        <translation>标签键</translation>
    </message>
    <message>
        <source>Value</source>
        <comment>tag value</comment>
        <translation>标签值</translation>
    </message>
</context>
<context>
    <name>net::ApiClient</name>
    <message>
        <source>connection refused</source>
        <translation>连接被拒绝</translation>
    </message>
    <message>
        <source>connection closed by the server</source>
        <translation>服务器关闭了连接</translation>
    </message>
    <message>
        <source>the connection closed before an answer; the request was not sent again, as it may already have been carried out</source>
        <translation>连接在收到响应前已关闭；由于请求可能已被执行，因此未重新发送</translation>
    </message>
    <message>
        <source>host not found</source>
        <translation>找不到主机</translation>
    </message>
    <message>
        <source>TLS handshake failed</source>
        <translation>TLS 握手失败</translation>
    </message>
    <message>
        <source>network unavailable</source>
        <translation>网络不可用</translation>
    </message>
    <message>
        <source>proxy error</source>
        <translation>代理错误</translation>
    </message>
    <message>
        <source>network error %1</source>
        <translation>网络错误 %1</translation>
    </message>
    <message>
        <source>The call was cancelled.</source>
        <translation>调用已取消。</translation>
    </message>
    <message>
        <source>The network client was shut down.</source>
        <translation>网络客户端已关闭。</translation>
    </message>
    <message>
        <source>The endpoint URL &quot;%1&quot; is not valid.</source>
        <translation>Endpoint URL“%1”无效。</translation>
    </message>
    <message>
        <source>Plain HTTP is only allowed to loopback addresses; use https:// for %1.</source>
        <translation>仅环回地址允许使用明文 HTTP；请对 %1 使用 https://。</translation>
    </message>
    <message>
        <source>The endpoint must use https:// (got &quot;%1&quot;).</source>
        <translation>Endpoint 必须使用 https://（实际为“%1”）。</translation>
    </message>
    <message>
        <source>The response is larger than the limit of %1 bytes.</source>
        <translation>响应超过了 %1 字节的上限。</translation>
    </message>
    <message>
        <source>No data from %1 for %2 ms (%3 bytes received).</source>
        <translation>%1 已有 %2 毫秒没有返回数据（已接收 %3 字节）。</translation>
    </message>
    <message>
        <source>Could not reach %1: %2.</source>
        <translation>无法访问 %1：%2。</translation>
    </message>
    <message>
        <source>The response was cut off: %1 of %2 bytes arrived.</source>
        <translation>响应被截断：%2 字节中仅收到 %1 字节。</translation>
    </message>
    <message>
        <source>The response from %1 broke off: %2 (%3 bytes arrived).</source>
        <translation>来自 %1 的响应中断：%2（已收到 %3 字节）。</translation>
    </message>
    <message>
        <source>The response is not valid JSON: %1 at byte %2 (%3 bytes arrived).</source>
        <translation>响应不是有效的 JSON：%1，位于第 %2 字节（已收到 %3 字节）。</translation>
    </message>
    <message>
        <source>The response is not a JSON object (%1 bytes arrived).</source>
        <translation>响应不是 JSON 对象（已收到 %1 字节）。</translation>
    </message>
    <message>
        <source>The endpoint redirects to %1; redirects are not followed for signed requests.</source>
        <translation>Endpoint 重定向到 %1；签名请求不会跟随重定向。</translation>
    </message>
    <message>
        <source>(no location)</source>
        <translation>（无 Location）</translation>
    </message>
</context>
<context>
    <name>providers::alibaba::AlibabaRpc</name>
    <message>
        <source>no AccessKey configured for this account</source>
        <translation>该账号未配置 AccessKey</translation>
    </message>
</context>
<context>
    <name>providers::alibaba::EciCacheService</name>
    <message>
        <source>the response is not a JSON object</source>
        <translation>响应不是 JSON 对象</translation>
    </message>
    <message>
        <source>ImageCaches is not an array</source>
        <translation>ImageCaches 不是数组</translation>
    </message>
    <message>
        <source>NextToken %1 was returned twice</source>
        <translation>NextToken %1 被重复返回</translation>
    </message>
    <message>
        <source>an ImageCacheId is required</source>
        <translation>需要提供 ImageCacheId</translation>
    </message>
    <message>
        <source>the response has no ImageCacheId</source>
        <translation>响应中没有 ImageCacheId</translation>
    </message>
    <message>
        <source>only Ready or UpdateFailed image caches can be updated; %1 is %2</source>
        <translation>只能更新状态为 Ready 或 UpdateFailed 的镜像缓存；%1 的状态为 %2</translation>
    </message>
    <message>
        <source>ImageCache not found: %1</source>
        <translation>未找到镜像缓存：%1</translation>
    </message>
    <message>
        <source>look for it with &apos;imagecache caches list --name %1&apos; before creating it again</source>
        <translation>再次创建前，请先用 &apos;imagecache caches list --name %1&apos; 查找它</translation>
    </message>
    <message>
        <source>the image cache %1 may have been created (its lookup failed too: %2); %3</source>
        <translation>镜像缓存 %1 可能已经创建（查找它也失败了：%2）；%3</translation>
    </message>
    <message>
        <source>the image cache %1 may have been created: it may be one of %2; %3</source>
        <translation>镜像缓存 %1 可能已经创建：它可能是 %2 之一；%3</translation>
    </message>
    <message>
        <source>no new image cache named %1 was found afterwards: it was not created</source>
        <translation>之后未找到名为 %1 的新镜像缓存：它没有被创建</translation>
    </message>
    <message>
        <source>at most %1 images can be matched in one call</source>
        <translation>一次调用最多可匹配 %1 个镜像</translation>
    </message>
</context>
<context>
    <name>providers::alibaba::EhpcImageService</name>
    <message>
        <source>the provider reported Success=false</source>
        <translation>云服务返回了 Success=false</translation>
    </message>
    <message>
        <source>the response is not a JSON object</source>
        <translation>响应不是 JSON 对象</translation>
    </message>
    <message>
        <source>an ImageId is required</source>
        <translation>需要提供 ImageId</translation>
    </message>
    <message>
        <source>the response has no Image object</source>
        <translation>响应中没有 Image 对象</translation>
    </message>
    <message>
        <source>Name is required</source>
        <translation>需要提供 Name</translation>
    </message>
    <message>
        <source>the response has no ImageId</source>
        <translation>响应中没有 ImageId</translation>
    </message>
</context>
<context>
    <name>providers::huawei::CceCacheService</name>
    <message>
        <source>the response is not a JSON object</source>
        <translation>响应不是 JSON 对象</translation>
    </message>
    <message>
        <source>image_caches is not an array</source>
        <translation>image_caches 不是数组</translation>
    </message>
    <message>
        <source>the response has no image_cache object</source>
        <translation>响应中没有 image_cache 对象</translation>
    </message>
    <message>
        <source>an image cache id is required</source>
        <translation>需要提供镜像缓存 ID</translation>
    </message>
    <message>
        <source>CCE Autopilot has no update API</source>
        <translation>CCE Autopilot 不提供更新接口</translation>
    </message>
</context>
<context>
    <name>providers::huawei::HssImageService</name>
    <message>
        <source>the response is not a JSON object</source>
        <translation>响应不是 JSON 对象</translation>
    </message>
    <message>
        <source>unknown HSS image source &quot;%1&quot; (registry, local or cicd)</source>
        <translation>未知的 HSS 镜像来源“%1”（应为 registry、local 或 cicd）</translation>
    </message>
    <message>
        <source>an image id is required</source>
        <translation>需要提供镜像 ID</translation>
    </message>
    <message>
        <source>base-image layers are available for repository and CI/CD images only, not for image type &quot;%1&quot;</source>
        <translation>只有仓库镜像和 CI/CD 镜像才有基础镜像层，镜像类型“%1”不支持</translation>
    </message>
</context>
<context>
    <name>providers::huawei::HuaweiAuth</name>
    <message>
        <source>no access key configured for this account</source>
        <translation>该账号未配置访问密钥</translation>
    </message>
    <message>
        <source>the project list is not a JSON object</source>
        <translation>项目列表不是 JSON 对象</translation>
    </message>
    <message>
        <source>IAM has no project named %1 for this account</source>
        <translation>IAM 中该账号下没有名为 %1 的项目</translation>
    </message>
    <message>
        <source>the IAM token names no project</source>
        <translation>IAM Token 未指明项目</translation>
    </message>
</context>
<context>
    <name>providers::huawei::IamTokenProvider</name>
    <message>
        <source>the response has no X-Subject-Token header</source>
        <translation>响应中没有 X-Subject-Token 头</translation>
    </message>
    <message>
        <source>IAM token authentication needs a user name and a password</source>
        <translation>IAM Token 认证需要用户名和密码</translation>
    </message>
</context>
<context>
    <name>registry::RegistryClient</name>
    <message>
        <source>More than %1 redirects.</source>
        <translation>重定向超过 %1 次。</translation>
    </message>
    <message>
        <source>A redirect without a valid Location.</source>
        <translation>重定向没有有效的 Location。</translation>
    </message>
    <message>
        <source>%1 asks for a user name and password; none is stored for it.</source>
        <translation>%1 要求用户名和密码，但没有为它保存登录信息。</translation>
    </message>
    <message>
        <source>%1 asks for an unsupported authentication scheme.</source>
        <translation>%1 要求不受支持的认证方式。</translation>
    </message>
    <message>
        <source>%1 sent a token challenge without a valid realm.</source>
        <translation>%1 发来的令牌质询没有有效的 realm。</translation>
    </message>
    <message>
        <source>The token endpoint answered without a token.</source>
        <translation>令牌端点的应答中没有令牌。</translation>
    </message>
    <message>
        <source>The registry sent no Docker-Content-Digest.</source>
        <translation>镜像仓库没有返回 Docker-Content-Digest。</translation>
    </message>
    <message>
        <source>The manifest&apos;s content does not match its digest %1.</source>
        <translation>清单内容与其摘要 %1 不符。</translation>
    </message>
    <message>
        <source>An index entry is another index.</source>
        <translation>索引条目又是一个索引。</translation>
    </message>
    <message>
        <source>%1 has no image for %2; it has %3.</source>
        <translation>%1 没有 %2 平台的镜像；它有 %3。</translation>
    </message>
    <message>
        <source>The config blob does not match its digest %1.</source>
        <translation>配置 blob 与其摘要 %1 不符。</translation>
    </message>
</context>
<context>
    <name>store::KeychainCredentialStore</name>
    <message>
        <source>No system keychain: secrets are kept in memory for this session only</source>
        <translation>没有可用的系统密钥链：密钥仅在本次会话中保存在内存里</translation>
    </message>
    <message>
        <source>The system keychain refused the operation: %1</source>
        <translation>系统密钥链拒绝了该操作：%1</translation>
    </message>
</context>
<context>
    <name>ui::AccountDialog</name>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Huawei Cloud (CCE Autopilot, HSS)</source>
        <translation>华为云（CCE Autopilot、HSS）</translation>
    </message>
    <message>
        <source>Alibaba Cloud (ECI, E-HPC Instant)</source>
        <translation>阿里云（ECI、E-HPC Instant）</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>云服务商(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>Endpoint override (optional)</source>
        <translation>Endpoint（可选）</translation>
    </message>
    <message>
        <source>Project id (Huawei)</source>
        <translation>项目 ID（华为云）</translation>
    </message>
    <message>
        <source>Add re&amp;gion</source>
        <translation>添加地域(&amp;G)</translation>
    </message>
    <message>
        <source>Remo&amp;ve region</source>
        <translation>移除地域(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Regions:</source>
        <translation>地域(&amp;R)：</translation>
    </message>
    <message>
        <source>Access key (AK/SK)</source>
        <translation>访问密钥（AK/SK）</translation>
    </message>
    <message>
        <source>IAM user token</source>
        <translation>IAM 用户 Token</translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation>认证方式(&amp;A)：</translation>
    </message>
    <message>
        <source>Access &amp;key id:</source>
        <translation>访问密钥 ID(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Secret key:</source>
        <translation>私有访问密钥(&amp;S)：</translation>
    </message>
    <message>
        <source>IAM account (&amp;domain):</source>
        <translation>IAM 账号名(&amp;D)：</translation>
    </message>
    <message>
        <source>IAM &amp;user:</source>
        <translation>IAM 用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>IAM pass&amp;word:</source>
        <translation>IAM 密码(&amp;W)：</translation>
    </message>
    <message>
        <source>V3 (ACS3-HMAC-SHA256, recommended)</source>
        <translation>V3（ACS3-HMAC-SHA256，推荐）</translation>
    </message>
    <message>
        <source>V1 (HMAC-SHA1)</source>
        <translation>V1（HMAC-SHA1）</translation>
    </message>
    <message>
        <source>Si&amp;gnature:</source>
        <translation>签名版本(&amp;G)：</translation>
    </message>
    <message>
        <source>Test connection makes one read call per region.</source>
        <translation>测试连接会对每个地域发起一次只读调用。</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>unchanged (stored in the keychain)</source>
        <translation>未更改（已保存在系统密钥链中）</translation>
    </message>
    <message>
        <source>Enter the secret key: it is stored in the system keychain.</source>
        <translation>请输入私有访问密钥：它将保存在系统密钥链中。</translation>
    </message>
    <message>
        <source>Enter the IAM password: it is stored in the system keychain.</source>
        <translation>请输入 IAM 密码：它将保存在系统密钥链中。</translation>
    </message>
    <message>
        <source>%1: OK — %2</source>
        <translation>%1：成功 — %2</translation>
    </message>
    <message>
        <source>%1: failed — %2</source>
        <translation>%1：失败 — %2</translation>
    </message>
    <message>
        <source>Enter the secret key of the new access key id.</source>
        <translation>请输入新访问密钥 ID 对应的私有访问密钥。</translation>
    </message>
    <message>
        <source>Enter the secret key: it is kept in memory only, for this session.</source>
        <translation>请输入私有访问密钥：它仅在本次会话中保存在内存里。</translation>
    </message>
    <message>
        <source>Enter the IAM password: it is kept in memory only, for this session.</source>
        <translation>请输入 IAM 密码：它仅在本次会话中保存在内存里。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Secrets are stored in the system keychain.</source>
        <translation>密钥保存在系统密钥链中。</translation>
    </message>
    <message>
        <source>No system keychain: secrets are kept in memory only, for this session, and must be entered again after a restart.</source>
        <translation>没有系统密钥链：密钥仅在本次会话中保存在内存里，重启后需要重新输入。</translation>
    </message>
    <message>
        <source>unchanged (kept in memory for this session)</source>
        <translation>未更改（本次会话保存在内存中）</translation>
    </message>
    <message>
        <source>Testing the keys before saving…</source>
        <translation>保存前正在测试密钥…</translation>
    </message>
    <message>
        <source>Keys Not Accepted</source>
        <translation>密钥未被接受</translation>
    </message>
    <message>
        <source>The provider refused these keys:

%1

Save the account anyway?</source>
        <translation>云服务商拒绝了这些密钥：

%1

仍要保存该账号吗？</translation>
    </message>
    <message>
        <source>Save Anyway</source>
        <translation>仍然保存</translation>
    </message>
</context>
<context>
    <name>ui::CacheDetailPane</name>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>消息：</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>ID：</translation>
    </message>
    <message>
        <source>Account / region:</source>
        <translation>账号/地域：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <source>Retention:</source>
        <translation>保留时间：</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>过期时间：</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <source>Last matched:</source>
        <translation>最近匹配：</translation>
    </message>
    <message>
        <source>Configuration:</source>
        <translation>配置：</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>概览(&amp;O)</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the image&apos;s details.</source>
        <translation>双击或按 Enter 键查看镜像详情。</translation>
    </message>
    <message>
        <source>&amp;Images</source>
        <translation>镜像(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>标签(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>事件(&amp;E)</translation>
    </message>
    <message>
        <source>Copy &amp;Digest</source>
        <translation>复制摘要(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Layers</source>
        <translation>镜像层(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Raw JSON</source>
        <translation>原始 JSON(&amp;R)</translation>
    </message>
    <message>
        <source>Loading the base-image layers…</source>
        <translation>正在加载基础镜像层…</translation>
    </message>
    <message>
        <source>Select an image cache to see its details.</source>
        <translation>选择一个镜像缓存以查看详情。</translation>
    </message>
    <message>
        <source> (provider: %1)</source>
        <translation> (云服务商状态：%1)</translation>
    </message>
    <message>
        <source> — %1%</source>
        <translation> — %1%</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Build cluster: %1</source>
        <translation>构建集群：%1</translation>
    </message>
    <message>
        <source>Pull secrets: %1</source>
        <translation>拉取密钥：%1</translation>
    </message>
    <message>
        <source>none (public images only)</source>
        <translation>无（仅公共镜像）</translation>
    </message>
    <message>
        <source>Snapshot: %1</source>
        <translation>快照：%1</translation>
    </message>
    <message>
        <source>Local (instant) snapshot: %1</source>
        <translation>本地（即时）快照：%1</translation>
    </message>
    <message>
        <source>Elimination: %1</source>
        <translation>淘汰策略：%1</translation>
    </message>
    <message>
        <source>kept until it expires</source>
        <translation>保留至过期</translation>
    </message>
    <message>
        <source>Build instance: %1</source>
        <translation>构建实例：%1</translation>
    </message>
    <message>
        <source>Resource group: %1</source>
        <translation>资源组：%1</translation>
    </message>
    <message>
        <source>No base-image layers are known for these images.</source>
        <translation>这些镜像没有已知的基础镜像层。</translation>
    </message>
    <message>
        <source>Base-image layers of the cached images (HSS). Ctrl+C copies the selected digest.</source>
        <translation>缓存中镜像的基础镜像层（HSS）。按 Ctrl+C 复制所选摘要。</translation>
    </message>
    <message>
        <source>never</source>
        <comment>expiry of a cache that never expires</comment>
        <translation>永不过期</translation>
    </message>
    <message>
        <source>never</source>
        <comment>a cache that was never matched</comment>
        <translation>从未</translation>
    </message>
    <message>
        <source>Huawei Cloud CCE reports no events for image caches. The status and its message on the Overview tab are what the provider says.</source>
        <translation>华为云 CCE 不为镜像缓存提供事件。概览页上的状态及其消息就是云服务商给出的全部信息。</translation>
    </message>
    <message>
        <source>No events reported for this cache yet. ECI lists events while it builds the cache and when something goes wrong.</source>
        <translation>此镜像缓存尚无事件。ECI 会在构建镜像缓存期间以及出错时列出事件。</translation>
    </message>
</context>
<context>
    <name>ui::CachesPage</name>
    <message>
        <source>Filter by name, ID or image (Ctrl+F)</source>
        <translation>按名称、ID 或镜像过滤（Ctrl+F）</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All clouds</source>
        <translation>全部云平台</translation>
    </message>
    <message>
        <source>Clear Filter</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>No image caches yet.
Create one with Cache ▸ New Cache… (Ctrl+N); caches made elsewhere show up at the next refresh.</source>
        <translation>还没有镜像缓存。
可通过 缓存 ▸ 新建缓存…（Ctrl+N）创建；在别处创建的镜像缓存会在下次刷新时出现。</translation>
    </message>
    <message>
        <source>No image caches in this account or region.</source>
        <translation>此账号或地域中没有镜像缓存。</translation>
    </message>
    <message>
        <source>the chosen status and cloud</source>
        <translation>所选状态和云平台</translation>
    </message>
    <message>
        <source>“%1”</source>
        <comment>the filter text, quoted</comment>
        <translation>“%1”</translation>
    </message>
    <message numerus="yes">
        <source>No caches match %1 (%n hidden by the filter).
Press Esc to clear the filter.</source>
        <translation>
            <numerusform>没有与%1匹配的镜像缓存（筛选隐藏了 %n 个）。
按 Esc 清除筛选。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::ConsoleSession</name>
    <message>
        <source>Could not save to the local database: %1</source>
        <translation>无法保存到本地数据库：%1</translation>
    </message>
    <message>
        <source>Credentials required</source>
        <translation>需要凭证</translation>
    </message>
    <message>
        <source>%1 · %2 refused the keys: %3</source>
        <translation>%1 · %2 拒绝了密钥：%3</translation>
    </message>
    <message>
        <source>Image cache ready</source>
        <translation>镜像缓存已就绪</translation>
    </message>
    <message>
        <source>%1 (%2) can be used now.</source>
        <translation>%1（%2）现在可以使用了。</translation>
    </message>
    <message>
        <source>Image cache failed</source>
        <translation>镜像缓存失败</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <source>Image cache expires soon</source>
        <translation>镜像缓存即将过期</translation>
    </message>
    <message>
        <source>%1 (%2) expires %3.</source>
        <translation>%1（%2）将在 %3过期。</translation>
    </message>
    <message>
        <source>Image cache gone</source>
        <translation>镜像缓存已不存在</translation>
    </message>
    <message>
        <source>%1 (%2) no longer exists.</source>
        <translation>%1（%2）已不存在。</translation>
    </message>
    <message>
        <source>The local database could not be opened: %1. Live data is shown, nothing is kept.</source>
        <translation>无法打开本地数据库：%1。当前显示的是实时数据，不会保存任何内容。</translation>
    </message>
    <message>
        <source>No key is stored for the account &quot;%1&quot;: edit it to enter one.</source>
        <translation>账号“%1”没有保存密钥：请编辑该账号并输入密钥。</translation>
    </message>
    <message>
        <source>Create %1</source>
        <translation>创建 %1</translation>
    </message>
    <message>
        <source>Update %1</source>
        <translation>更新 %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>List images of %1 · %2</source>
        <translation>列出 %1 · %2 的镜像</translation>
    </message>
    <message>
        <source>Image details</source>
        <translation>镜像详情</translation>
    </message>
    <message>
        <source>Load layers</source>
        <translation>加载镜像层</translation>
    </message>
    <message>
        <source>Save account %1</source>
        <translation>保存账号 %1</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message numerus="yes">
        <source>Import %n profile(s) from %1</source>
        <translation>
            <numerusform>从 %1 导入 %n 个配置</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image cache(s)</source>
        <translation>
            <numerusform>%n 个镜像缓存</numerusform>
        </translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Image caches expire soon</source>
        <translation>多个镜像缓存即将过期</translation>
    </message>
    <message numerus="yes">
        <source>%n image cache(s) expire soon: %1</source>
        <translation>
            <numerusform>%n 个镜像缓存即将过期：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>The account or region %1 is no longer configured.</source>
        <translation>账号或地域 %1 已不在配置中。</translation>
    </message>
    <message>
        <source>The database password could not be stored in the keychain: %1</source>
        <translation>无法将数据库密码保存到系统密钥链：%1</translation>
    </message>
    <message>
        <source>Connected. The database has the current schema (version %1).</source>
        <translation>已连接。数据库使用当前的表结构（版本 %1）。</translation>
    </message>
    <message>
        <source>Digest not recorded, so a moved tag cannot be told for: %1</source>
        <translation>未记录摘要，因此无法判断以下镜像的标签是否已移动：%1</translation>
    </message>
</context>
<context>
    <name>ui::CoveragePage</name>
    <message>
        <source>&amp;Open Manifests…</source>
        <translation>打开清单(&amp;O)…</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>&amp;Paste Manifest</source>
        <translation>粘贴清单(&amp;P)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+V</source>
        <translation>Ctrl+Shift+V</translation>
    </message>
    <message>
        <source>Create a Cache for the &amp;Uncovered Images…</source>
        <translation>为未覆盖的镜像创建镜像缓存(&amp;U)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Copy the &amp;Annotation</source>
        <translation>复制注解(&amp;A)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清除(&amp;L)</translation>
    </message>
    <message>
        <source>Refuse caches that expire &amp;within:</source>
        <translation>拒绝在此时间内过期的镜像缓存(&amp;W)：</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>expired only</source>
        <translation>仅已过期</translation>
    </message>
    <message>
        <source>Open Kubernetes manifests (YAML, JSON, kubectl get -o yaml), a Compose file or a list of images (Ctrl+O), paste one (Ctrl+Shift+V) or drop files here: each container is matched against the caches of every account and region.</source>
        <translation>打开 Kubernetes 清单（YAML、JSON、kubectl get -o yaml）、Compose 文件或镜像列表（Ctrl+O），粘贴一个（Ctrl+Shift+V）或将文件拖放到此处：每个容器都会与所有账号和地域的镜像缓存进行匹配。</translation>
    </message>
    <message>
        <source>%1, document %2, line %3: %4</source>
        <translation>%1，第 %2 个文档，第 %3 行：%4</translation>
    </message>
    <message>
        <source>Open Manifests</source>
        <translation>打开清单</translation>
    </message>
    <message>
        <source>Manifests (*.yaml *.yml *.json *.txt);;All files (*)</source>
        <translation>清单 (*.yaml *.yml *.json *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The clipboard holds no text to evaluate.</source>
        <translation>剪贴板中没有可评估的文本。</translation>
    </message>
    <message>
        <source>pasted text %1</source>
        <translation>粘贴的文本 %1</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>已复制 %1</translation>
    </message>
    <message>
        <source>dropped text</source>
        <translation>拖放的文本</translation>
    </message>
</context>
<context>
    <name>ui::CreateCacheDialog</name>
    <message>
        <source>New Image Cache</source>
        <translation>新建镜像缓存</translation>
    </message>
    <message>
        <source>Update Image Cache</source>
        <translation>更新镜像缓存</translation>
    </message>
    <message>
        <source>Huawei Cloud</source>
        <translation>华为云</translation>
    </message>
    <message>
        <source>Alibaba Cloud</source>
        <translation>阿里云</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2（%3）</translation>
    </message>
    <message>
        <source>&amp;Account and region:</source>
        <translation>账号和地域(&amp;A)：</translation>
    </message>
    <message>
        <source>lowercase letters, digits and hyphens</source>
        <translation>小写字母、数字和连字符</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>One image per line, e.g.
nginx:1.25
swr.cn-north-4.myhuaweicloud.com/team/app:v1</source>
        <translation>每行一个镜像，例如：
nginx:1.25
swr.cn-north-4.myhuaweicloud.com/team/app:v1</translation>
    </message>
    <message>
        <source>&amp;Images:</source>
        <translation>镜像(&amp;I)：</translation>
    </message>
    <message>
        <source>Default (20 GiB)</source>
        <translation>默认（20 GiB）</translation>
    </message>
    <message>
        <source> GiB</source>
        <translation> GiB</translation>
    </message>
    <message>
        <source>Cache &amp;size:</source>
        <translation>缓存大小(&amp;S)：</translation>
    </message>
    <message>
        <source>Never expires</source>
        <translation>永不过期</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>&amp;Retention:</source>
        <translation>保留时间(&amp;R)：</translation>
    </message>
    <message>
        <source>Building configuration (CCE Autopilot)</source>
        <translation>构建配置（CCE Autopilot）</translation>
    </message>
    <message>
        <source>UID of a CCE Autopilot cluster (v1.28.8-r0 / v1.31.4-r0 or later)</source>
        <translation>CCE Autopilot 集群 UID（v1.28.8-r0 / v1.31.4-r0 及以上）</translation>
    </message>
    <message>
        <source>C&amp;luster:</source>
        <translation>集群(&amp;L)：</translation>
    </message>
    <message>
        <source>namespace:secret, one per line</source>
        <translation>namespace:secret，每行一个</translation>
    </message>
    <message>
        <source>&amp;Pull secrets:</source>
        <translation>拉取密钥(&amp;P)：</translation>
    </message>
    <message>
        <source>Network and options (ECI)</source>
        <translation>网络与选项（ECI）</translation>
    </message>
    <message>
        <source>Security &amp;group:</source>
        <translation>安全组(&amp;G)：</translation>
    </message>
    <message>
        <source>vsw-…, up to 10 separated by commas</source>
        <translation>vsw-…，最多 10 个，以逗号分隔</translation>
    </message>
    <message>
        <source>&amp;vSwitch:</source>
        <translation>交换机(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Zone:</source>
        <translation>可用区(&amp;Z)：</translation>
    </message>
    <message>
        <source>EIP to pull public images (or use a NAT gateway)</source>
        <translation>用于拉取公网镜像（或改用 NAT 网关）</translation>
    </message>
    <message>
        <source>&amp;EIP instance:</source>
        <translation>EIP 实例(&amp;E)：</translation>
    </message>
    <message>
        <source>Keep until it expires</source>
        <translation>保留至过期</translation>
    </message>
    <message>
        <source>LRU: may be evicted at quota</source>
        <translation>LRU：达到配额时可能被淘汰</translation>
    </message>
    <message>
        <source>E&amp;limination:</source>
        <translation>淘汰策略(&amp;L)：</translation>
    </message>
    <message>
        <source>Instant cache (local snapshot first)</source>
        <translation>即时缓存（优先使用本地快照）</translation>
    </message>
    <message>
        <source>Resource gro&amp;up:</source>
        <translation>资源组(&amp;U)：</translation>
    </message>
    <message>
        <source>key=value, one per line</source>
        <translation>key=value，每行一个</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>标签(&amp;T)：</translation>
    </message>
    <message>
        <source>registry host, without http(s)://</source>
        <translation>镜像仓库主机名，不带 http(s)://</translation>
    </message>
    <message>
        <source>Registry ser&amp;ver:</source>
        <translation>镜像仓库地址(&amp;V)：</translation>
    </message>
    <message>
        <source>Registry us&amp;er:</source>
        <translation>镜像仓库用户名(&amp;E)：</translation>
    </message>
    <message>
        <source>Registry pass&amp;word:</source>
        <translation>镜像仓库密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>%1
(API parameter: %2)</source>
        <translation>%1
（API 参数：%2）</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>……另有 %n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <source>Registry checks of the images</source>
        <translation>镜像的仓库检查</translation>
    </message>
    <message>
        <source>The platform the images are checked for (os/arch[/variant]); an index without it is named.</source>
        <translation>检查镜像所针对的平台（os/arch[/variant]）；不含该平台的镜像索引会被指出。</translation>
    </message>
    <message>
        <source>Check for &amp;platform:</source>
        <translation>检查平台(&amp;P)：</translation>
    </message>
    <message>
        <source>Registry checks:</source>
        <translation>镜像仓库检查：</translation>
    </message>
    <message>
        <source>Use s&amp;uggested size</source>
        <translation>使用建议大小(&amp;U)</translation>
    </message>
    <message numerus="yes">
        <source>The registry check found a problem with %n image(s) (see above); the cache can still be created.</source>
        <translation>
            <numerusform>镜像仓库检查发现 %n 个镜像有问题（见上方）；仍可创建镜像缓存。</numerusform>
        </translation>
    </message>
    <message>
        <source>A size is suggested once the images&apos; sizes are known.</source>
        <translation>得知镜像大小后会给出建议大小。</translation>
    </message>
    <message>
        <source>Suggested %1 GiB, the maximum: %2 × %3 decompressed needs %4 GiB (Huawei&apos;s rule); split the images over several caches.</source>
        <translation>建议 %1 GiB，即上限：解压后 %3 的 %2 倍需要 %4 GiB（华为云的规则）；请将镜像分到多个镜像缓存中。</translation>
    </message>
    <message>
        <source>Suggested %1 GiB: %2 × %3 decompressed (Huawei&apos;s rule: at least 3× the decompressed images, 20 GiB or more).</source>
        <translation>建议 %1 GiB：%2 × 解压后 %3（华为云的规则：至少为解压后镜像的 3 倍，且不少于 20 GiB）。</translation>
    </message>
    <message>
        <source>Suggested %1 GiB: %2 decompressed, rounded up, at least 20 (ECI&apos;s rule: the images must fit).</source>
        <translation>建议 %1 GiB：解压后 %2，向上取整，至少 20（ECI 的规则：须能容纳镜像）。</translation>
    </message>
    <message>
        <source>Some sizes are estimates.</source>
        <translation>部分大小为估算值。</translation>
    </message>
    <message numerus="yes">
        <source>Only %1 of %n image(s) have a known size.</source>
        <translation>
            <numerusform>%n 个镜像中仅 %1 个的大小已知。</numerusform>
        </translation>
    </message>
    <message>
        <source>Set the cache size to %1 GiB.</source>
        <translation>将缓存大小设为 %1 GiB。</translation>
    </message>
</context>
<context>
    <name>ui::HistoryPage</name>
    <message>
        <source>Filter by user, account, action, target or request ID (Ctrl+F)</source>
        <translation>按用户、账号、操作、对象或请求 ID 过滤（Ctrl+F）</translation>
    </message>
    <message>
        <source>All results</source>
        <translation>全部结果</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n 条记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n entries</source>
        <translation>
            <numerusform>%1 / %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>No entries match the filter.
Clear the filter text or pick All results.</source>
        <translation>没有与筛选匹配的记录。
请清除筛选文本或选择“全部结果”。</translation>
    </message>
    <message>
        <source>No operations recorded yet.
Every create, update and delete, from this console or the imagecache command, is listed here with who, when and the provider&apos;s request ID.</source>
        <translation>尚无操作记录。
来自本控制台或 imagecache 命令的每次创建、更新和删除都会列在这里，包括操作者、时间和云服务商的请求 ID。</translation>
    </message>
</context>
<context>
    <name>ui::ImagesPage</name>
    <message>
        <source>Filter by name, version, digest or ID (Ctrl+F)</source>
        <translation>按名称、版本、摘要或 ID 过滤（Ctrl+F）</translation>
    </message>
    <message>
        <source>Select an image to see its details.</source>
        <translation>选择一个镜像以查看详情。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>云平台</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>镜像仓库</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>OS</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>Container image</source>
        <translation>容器镜像</translation>
    </message>
    <message>
        <source>  Registry URL</source>
        <translation>  镜像仓库地址</translation>
    </message>
    <message>
        <source>  ACR registry</source>
        <translation>  ACR 镜像仓库</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>  ACR Enterprise</source>
        <translation>  ACR 企业版</translation>
    </message>
    <message>
        <source>  ACR instance</source>
        <translation>  ACR 实例</translation>
    </message>
    <message>
        <source>  Registry server</source>
        <translation>  镜像仓库服务器</translation>
    </message>
    <message>
        <source>  Registry user</source>
        <translation>  镜像仓库用户名</translation>
    </message>
    <message>
        <source>  Registry password</source>
        <translation>  镜像仓库密码</translation>
    </message>
    <message>
        <source>(set, hidden)</source>
        <translation>（已设置，已隐藏）</translation>
    </message>
    <message>
        <source>  OS</source>
        <translation>  操作系统</translation>
    </message>
    <message>
        <source>  Platform</source>
        <translation>  平台</translation>
    </message>
    <message>
        <source>  Architecture</source>
        <translation>  架构</translation>
    </message>
    <message>
        <source>VM image</source>
        <translation>虚拟机镜像</translation>
    </message>
    <message>
        <source>  Image ID</source>
        <translation>  镜像 ID</translation>
    </message>
    <message>
        <source>Also in</source>
        <translation>其他地域</translation>
    </message>
    <message>
        <source>Base-image layers: loading or none known.</source>
        <translation>基础镜像层：正在加载或暂无已知数据。</translation>
    </message>
    <message numerus="yes">
        <source>Base-image layers: %n</source>
        <translation>
            <numerusform>基础镜像层：%n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No images match “%1” (%n hidden by the filter).
Clear the filter to see them all.</source>
        <translation>
            <numerusform>没有与“%1”匹配的镜像（筛选隐藏了 %n 个）。
清除筛选即可看到全部。</numerusform>
        </translation>
    </message>
    <message>
        <source>No images listed.
The Images view lists Huawei HSS and Alibaba E-HPC images of your accounts: press F5 to list them again, and check that the account may use HSS or E-HPC in this region.</source>
        <translation>没有列出镜像。
镜像视图列出您账号的华为云 HSS 和阿里云 E-HPC 镜像：按 F5 重新列出，并确认该账号在此地域可以使用 HSS 或 E-HPC。</translation>
    </message>
    <message>
        <source>&amp;Base-image layers</source>
        <translation>基础镜像层(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Registry layers</source>
        <translation>镜像仓库中的层(&amp;R)</translation>
    </message>
    <message>
        <source>The base-image layers HSS found (Huawei registry images)</source>
        <translation>HSS 发现的基础镜像层（华为云镜像仓库中的镜像）</translation>
    </message>
    <message>
        <source>Each layer of the image as its registry describes it: digest, sizes and the command that made it</source>
        <translation>镜像仓库描述的镜像每一层：摘要、大小及生成该层的命令</translation>
    </message>
</context>
<context>
    <name>ui::MainWindow</name>
    <message>
        <source>ImageCache Console</source>
        <translation>ImageCache Console</translation>
    </message>
    <message>
        <source>Delete Image Caches</source>
        <translation>删除镜像缓存</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1：已完成</translation>
    </message>
    <message>
        <source>&amp;New Cache…</source>
        <translation>新建缓存(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Update Cache…</source>
        <translation>更新缓存(&amp;U)…</translation>
    </message>
    <message>
        <source>Ctrl+U</source>
        <translation>Ctrl+U</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export View as CSV…</source>
        <translation>将视图导出为 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export &amp;Selection as CSV…</source>
        <translation>将所选项导出为 CSV(&amp;S)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Image &amp;Caches</source>
        <translation>镜像缓存(&amp;C)</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>&amp;Images</source>
        <translation>镜像(&amp;I)</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>&amp;Add Account…</source>
        <translation>添加账号(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit Account…</source>
        <translation>编辑账号(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove Account…</source>
        <translation>移除账号(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Import CLI Profiles…</source>
        <translation>导入 CLI 配置(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>About ImageCache Console</source>
        <translation>关于 ImageCache Console</translation>
    </message>
    <message>
        <source>ImageCache Console %1
Image caches of Huawei Cloud CCE Autopilot and Alibaba Cloud ECI in one window.</source>
        <translation>ImageCache Console %1
在一个窗口中管理华为云 CCE Autopilot 和阿里云 ECI 的镜像缓存。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Cache</source>
        <comment>menu</comment>
        <translation>缓存(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>账号(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Image caches</source>
        <translation>镜像缓存</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 · %2: </source>
        <translation>%1 · %2：</translation>
    </message>
    <message>
        <source>credentials required</source>
        <translation>需要凭证</translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <source>not yet refreshed</source>
        <translation>尚未刷新</translation>
    </message>
    <message>
        <source>%1 · %2: %3</source>
        <translation>%1 · %2：%3</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <source>Export Selection as CSV</source>
        <translation>将所选项导出为 CSV</translation>
    </message>
    <message>
        <source>Export View as CSV</source>
        <translation>将视图导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>已将 %n 行导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>移除账号</translation>
    </message>
    <message>
        <source>Remove the account &quot;%1&quot; from this console? Its stored caches and its keys in the keychain are removed too; nothing changes in the cloud.</source>
        <translation>确定要从此控制台移除账号“%1”吗？本地保存的该账号镜像缓存记录及其在系统密钥链中的密钥也会一并删除；云上的资源不受影响。</translation>
    </message>
    <message>
        <source>Import CLI Profiles</source>
        <translation>导入 CLI 配置</translation>
    </message>
    <message>
        <source>%1 · %2: the keys were refused (%3). Use Accounts ▸ Edit Account to enter new ones; polling resumes when they are saved.</source>
        <translation>%1 · %2：密钥被拒绝（%3）。请通过“账号 ▸ 编辑账号”输入新的密钥；保存后将恢复轮询。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>notification title: text</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>历史(&amp;H)</translation>
    </message>
    <message>
        <source>Ctrl+4</source>
        <translation>Ctrl+4</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>The language changes at the next start.</source>
        <translation>语言将在下次启动时更改。</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>C&amp;overage</source>
        <translation>覆盖情况(&amp;O)</translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖情况</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>……以及另外 %1 个</translation>
    </message>
    <message>
        <source>Delete 1 cache?</source>
        <translation>删除 1 个镜像缓存？</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n caches?</source>
        <translation>
            <numerusform>删除 %n 个镜像缓存？</numerusform>
        </translation>
    </message>
    <message>
        <source>Pods will no longer start from them. This cannot be undone.

%1</source>
        <translation>Pod 将不能再从这些镜像缓存启动。此操作无法撤销。

%1</translation>
    </message>
    <message>
        <source>Delete 1 cache</source>
        <translation>删除 1 个镜像缓存</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n caches</source>
        <translation>
            <numerusform>删除 %n 个镜像缓存</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>More in the &lt;a href=&quot;%1&quot;&gt;documentation&lt;/a&gt;.</source>
        <translation>更多内容见&lt;a href=&quot;%1&quot;&gt;文档&lt;/a&gt;。</translation>
    </message>
    <message>
        <source>1 request in flight</source>
        <translation>1 个请求进行中</translation>
    </message>
    <message numerus="yes">
        <source>%n requests in flight</source>
        <translation>
            <numerusform>%n 个请求进行中</numerusform>
        </translation>
    </message>
    <message>
        <source>Show events</source>
        <translation>查看事件</translation>
    </message>
    <message>
        <source>The demo could not be started: run imagecache-console --demo.</source>
        <translation>无法启动演示：请运行 imagecache-console --demo。</translation>
    </message>
    <message>
        <source>The demo opens in a window of its own.</source>
        <translation>演示将在单独的窗口中打开。</translation>
    </message>
    <message>
        <source>Add an account first (Accounts ▸ Add Account…).</source>
        <translation>请先添加账号（账号 ▸ 添加账号…）。</translation>
    </message>
    <message>
        <source>aliyun CLI or KooCLI configuration (config.json)</source>
        <translation>aliyun CLI 或 KooCLI 配置 (config.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Export View for &amp;Tools (CSV)…</source>
        <translation>导出视图供工具使用 (CSV)(&amp;T)…</translation>
    </message>
    <message>
        <source>Every column with machine-readable values: ids, ISO-8601 UTC times, sizes and days as plain numbers</source>
        <translation>导出所有列，值便于程序读取：ID、ISO-8601 UTC 时间，大小和天数为纯数字</translation>
    </message>
    <message>
        <source>Export View for Tools</source>
        <translation>导出视图供工具使用</translation>
    </message>
    <message>
        <source>%1
The keys were refused: %2
Use Accounts ▸ Edit Account to enter new ones.</source>
        <translation>%1
密钥被拒绝：%2
请使用“账号 ▸ 编辑账号”输入新的密钥。</translation>
    </message>
    <message>
        <source>I&amp;nspect Image…</source>
        <translation>检查镜像(&amp;N)…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Any image&apos;s layers and sizes, from its registry</source>
        <translation>从镜像仓库查看任意镜像的层和大小</translation>
    </message>
</context>
<context>
    <name>ui::RegistryLayersPanel</name>
    <message>
        <source>Any image reference, e.g. nginx:1.27</source>
        <translation>任意镜像引用，例如 nginx:1.27</translation>
    </message>
    <message>
        <source>I&amp;mage:</source>
        <translation>镜像(&amp;M)：</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>The platform to show (os/arch[/variant])</source>
        <translation>要显示的平台（os/arch[/variant]）</translation>
    </message>
    <message>
        <source>I&amp;nspect</source>
        <translation>检查(&amp;N)</translation>
    </message>
    <message>
        <source>Ask the image&apos;s registry for its layers, without pulling it</source>
        <translation>向镜像仓库查询镜像的层，不拉取镜像</translation>
    </message>
    <message>
        <source>Registry layers</source>
        <translation>镜像仓库中的层</translation>
    </message>
    <message>
        <source>Copy &amp;Digest</source>
        <translation>复制摘要(&amp;D)</translation>
    </message>
    <message>
        <source>Registry details are not available here.</source>
        <translation>此处无法获取镜像仓库详情。</translation>
    </message>
    <message>
        <source>Select a registry image, or type any reference and press Enter, to see its layers.</source>
        <translation>选择一个镜像仓库中的镜像，或输入任意引用并按 Enter，即可查看其层。</translation>
    </message>
    <message>
        <source>Asking the registry of %1…</source>
        <translation>正在查询 %1 的镜像仓库…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1 for %2 · %n layer(s) · %3 compressed · %4 uncompressed</source>
        <translation>
            <numerusform>%1（%2）· %n 层 · 压缩后 %3 · 解压后 %4</numerusform>
        </translation>
    </message>
    <message>
        <source>Digest: %1</source>
        <translation>摘要：%1</translation>
    </message>
    <message>
        <source>Platforms: %1</source>
        <translation>平台：%1</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>创建时间：%1</translation>
    </message>
</context>
<context>
    <name>ui::RequestTracker</name>
    <message>
        <source>Create %1 requested; it is ready when the table says Ready.</source>
        <translation>已请求创建 %1；表格显示“就绪”时即可使用。</translation>
    </message>
    <message>
        <source>Update %1 requested.</source>
        <translation>已请求更新 %1。</translation>
    </message>
    <message>
        <source>Delete %1 requested.</source>
        <translation>已请求删除 %1。</translation>
    </message>
    <message>
        <source>the provider gave no reason</source>
        <translation>云服务商未给出原因</translation>
    </message>
    <message>
        <source>Create %1 failed: %2</source>
        <translation>创建 %1 失败：%2</translation>
    </message>
    <message>
        <source>Image cache %1 is ready.</source>
        <translation>镜像缓存 %1 已就绪。</translation>
    </message>
    <message>
        <source>Create %1 failed: the cache disappeared.</source>
        <translation>创建 %1 失败：该镜像缓存已消失。</translation>
    </message>
    <message>
        <source>Update %1 failed: %2</source>
        <translation>更新 %1 失败：%2</translation>
    </message>
    <message>
        <source>Image cache %1 is updated and ready.</source>
        <translation>镜像缓存 %1 已更新并就绪。</translation>
    </message>
    <message>
        <source>Image cache %1 deleted.</source>
        <translation>镜像缓存 %1 已删除。</translation>
    </message>
    <message>
        <source>Delete %1 failed: %2</source>
        <translation>删除 %1 失败：%2</translation>
    </message>
</context>
<context>
    <name>ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Store of accounts, caches and history</source>
        <translation>账号、缓存和历史的存储</translation>
    </message>
    <message>
        <source>&amp;Local file (SQLite), for this computer only</source>
        <translation>本地文件（SQLite），仅用于本机(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Shared PostgreSQL database, for a team</source>
        <translation>共享 PostgreSQL 数据库，供团队使用(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>URL(&amp;U)：</translation>
    </message>
    <message>
        <source>unchanged (kept in the system keychain)</source>
        <translation>不修改（保存在系统密钥链中）</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Opens the database once; an empty database gets the tables.</source>
        <translation>打开一次数据库；空数据库会自动创建表。</translation>
    </message>
    <message>
        <source>Consoles that share a PostgreSQL database see each other&apos;s changes within seconds. Switching keeps both stores as they are.</source>
        <translation>共享同一 PostgreSQL 数据库的控制台会在数秒内看到彼此的变更。切换存储不会改动原有的任一存储。</translation>
    </message>
    <message>
        <source>Polling and notifications</source>
        <translation>轮询与通知</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>List every region &amp;every:</source>
        <translation>每个地域的列出间隔(&amp;E)：</translation>
    </message>
    <message>
        <source>Follow changing caches e&amp;very:</source>
        <translation>变化中缓存的跟踪间隔(&amp;V)：</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Warn when a cache e&amp;xpires within:</source>
        <translation>缓存在此时间内过期时提醒(&amp;X)：</translation>
    </message>
    <message>
        <source>Show desktop &amp;notifications</source>
        <translation>显示桌面通知(&amp;N)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Applies at the next start.</source>
        <translation>下次启动时生效。</translation>
    </message>
    <message>
        <source>Local Store</source>
        <translation>本地存储</translation>
    </message>
    <message>
        <source>SQLite databases (*.db)</source>
        <translation>SQLite 数据库 (*.db)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Choose the file of the local store.</source>
        <translation>请选择本地存储文件。</translation>
    </message>
    <message>
        <source>Enter the URL of the PostgreSQL database.</source>
        <translation>请输入 PostgreSQL 数据库的 URL。</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
</context>
<context>
    <name>ui::StatusCountLabel</name>
    <message>
        <source>%1 %2</source>
        <comment>count, status</comment>
        <translation>%2 %1 个</translation>
    </message>
    <message>
        <source>1 cache: %1</source>
        <translation>1 个镜像缓存：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n caches: %1</source>
        <translation>
            <numerusform>%n 个镜像缓存：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::WelcomePage</name>
    <message>
        <source>Welcome to ImageCache Console</source>
        <translation>欢迎使用 ImageCache Console</translation>
    </message>
    <message>
        <source>See and manage the image caches of Huawei Cloud CCE Autopilot and Alibaba Cloud ECI in one window. No account is set up yet: add one with its access key, import the profiles of the aliyun CLI or KooCLI, or look around in the demo first.</source>
        <translation>在一个窗口中查看和管理华为云 CCE Autopilot 与阿里云 ECI 的镜像缓存。目前还没有设置账号：可以用访问密钥添加一个账号，导入 aliyun CLI 或 KooCLI 的配置，或者先在演示中看看。</translation>
    </message>
    <message>
        <source>&amp;Add Account…</source>
        <translation>添加账号(&amp;A)…</translation>
    </message>
    <message>
        <source>An access key (AK/SK) of Huawei Cloud or Alibaba Cloud and its regions. The secret goes to the system keychain.</source>
        <translation>华为云或阿里云的访问密钥（AK/SK）及其地域。私有访问密钥保存在系统密钥链中。</translation>
    </message>
    <message>
        <source>&amp;Import Profiles…</source>
        <translation>导入配置(&amp;I)…</translation>
    </message>
    <message>
        <source>The profiles of the aliyun CLI (~/.aliyun/config.json) or KooCLI (~/.hcloud/config.json).</source>
        <translation>aliyun CLI（~/.aliyun/config.json）或 KooCLI（~/.hcloud/config.json）的配置。</translation>
    </message>
    <message>
        <source>Try the &amp;Demo</source>
        <translation>试用演示(&amp;D)</translation>
    </message>
    <message>
        <source>A second window with demo accounts of both clouds on a built-in emulator: nothing is sent to a cloud.</source>
        <translation>在第二个窗口中使用内置模拟器上两个云平台的演示账号：不会向任何云平台发送请求。</translation>
    </message>
</context>
<context>
    <name>workload::Coverage</name>
    <message>
        <source>CCE Autopilot does not refuse the pod: it pulls every image from the registry, silently.</source>
        <translation>CCE Autopilot 不会拒绝该 Pod：它会静默地从镜像仓库拉取所有镜像。</translation>
    </message>
    <message>
        <source>never expires</source>
        <translation>永不过期</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (expired %2 ago)</source>
        <translation>%1（已过期 %2）</translation>
    </message>
    <message>
        <source>%1 (in %2)</source>
        <translation>%1（%2后）</translation>
    </message>
    <message>
        <source>no usable cache holds it</source>
        <translation>没有可用的镜像缓存包含它</translation>
    </message>
    <message>
        <source>the cache the annotation names does not exist</source>
        <translation>注解指定的镜像缓存不存在</translation>
    </message>
    <message>
        <source>the named cache is not Ready</source>
        <translation>指定的镜像缓存未就绪</translation>
    </message>
    <message>
        <source>the cache expires before the chosen date</source>
        <translation>该镜像缓存在所选日期之前过期</translation>
    </message>
    <message>
        <source>partial match only: some layers are pulled</source>
        <translation>仅部分匹配：部分镜像层需要拉取</translation>
    </message>
    <message>
        <source>the pod&apos;s cache does not hold it; it is pulled</source>
        <translation>Pod 的镜像缓存不包含它，将从镜像仓库拉取</translation>
    </message>
    <message>
        <source>automatic matching is off (eci-auto-imc: &quot;false&quot;)</source>
        <translation>自动匹配已关闭（eci-auto-imc: &quot;false&quot;）</translation>
    </message>
    <message>
        <source>not a valid image reference</source>
        <translation>不是有效的镜像引用</translation>
    </message>
    <message>
        <source>the provider did not answer</source>
        <translation>云服务商没有响应</translation>
    </message>
    <message>
        <source>covered</source>
        <translation>已覆盖</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>部分覆盖</translation>
    </message>
    <message>
        <source>not covered</source>
        <translation>未覆盖</translation>
    </message>
    <message numerus="yes">
        <source>%n workload(s)</source>
        <translation>
            <numerusform>%n 个工作负载</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n 个镜像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n container(s)</source>
        <translation>
            <numerusform>%n 个容器</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n covered</source>
        <translation>
            <numerusform>%n 个已覆盖</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n partial</source>
        <translation>
            <numerusform>%n 个部分覆盖</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not covered</source>
        <translation>
            <numerusform>%n 个未覆盖</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) skipped (not workloads)</source>
        <translation>
            <numerusform>跳过 %n 个文档（不是工作负载）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n broken document(s)</source>
        <translation>
            <numerusform>%n 个损坏的文档</numerusform>
        </translation>
    </message>
</context>
</TS>
