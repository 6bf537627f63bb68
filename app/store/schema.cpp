#include "schema.h"

namespace store {

namespace {
QList<Schema::Migration> buildMigrations()
{
    QList<Schema::Migration> list;

    // v1: the first published schema (accounts, caches with tags, sync state, journal).
    list.append(
        {1,
         QStringLiteral("accounts, caches, tags, sync state, journal"),
         {
             QStringLiteral("CREATE TABLE accounts (id TEXT PRIMARY KEY, provider TEXT NOT NULL, "
                            "display_name TEXT NOT NULL, auth_kind TEXT NOT NULL, "
                            "access_key_id TEXT, iam_user_name TEXT, iam_domain_name TEXT, "
                            "signature_version TEXT, created_at BIGINT, updated_at BIGINT)"),
             QStringLiteral("CREATE TABLE account_regions (account_id TEXT NOT NULL "
                            "REFERENCES accounts(id) ON DELETE CASCADE, position INTEGER NOT NULL, "
                            "region TEXT NOT NULL, endpoint TEXT, project_id TEXT, "
                            "PRIMARY KEY (account_id, region))"),
             QStringLiteral("CREATE TABLE caches (key TEXT PRIMARY KEY, provider TEXT NOT NULL, "
                            "account_id TEXT NOT NULL, region TEXT NOT NULL, id TEXT NOT NULL, "
                            "name TEXT, status TEXT, raw_status TEXT, progress INTEGER, "
                            "size_gib INTEGER, retention_days INTEGER, created_ms BIGINT, "
                            "expires_ms BIGINT, last_matched_ms BIGINT, message TEXT, "
                            "cluster TEXT, pull_secrets TEXT, snapshot_id TEXT, "
                            "flash_snapshot_id TEXT, container_group_id TEXT, "
                            "resource_group_id TEXT, elimination_strategy TEXT, images TEXT, "
                            "updated_at BIGINT)"),
             QStringLiteral("CREATE INDEX caches_account_region ON caches (account_id, region)"),
             QStringLiteral("CREATE TABLE cache_tags (cache_key TEXT NOT NULL REFERENCES "
                            "caches(key) ON DELETE CASCADE, position INTEGER NOT NULL, "
                            "tag_key TEXT NOT NULL, tag_value TEXT, "
                            "PRIMARY KEY (cache_key, position))"),
             QStringLiteral("CREATE TABLE sync_state (account_id TEXT NOT NULL, "
                            "region TEXT NOT NULL, last_success BIGINT, last_attempt BIGINT, "
                            "last_error TEXT, PRIMARY KEY (account_id, region))"),
             QStringLiteral("CREATE TABLE journal (id %AUTOID%, at BIGINT NOT NULL, os_user TEXT, "
                            "account_id TEXT, action TEXT NOT NULL, target TEXT, "
                            "result TEXT NOT NULL)"),
         }});

    // v2: events and the provider's raw JSON of each cache.
    list.append({2,
                 QStringLiteral("cache events and raw JSON"),
                 {
                     QStringLiteral("ALTER TABLE caches ADD COLUMN raw_json TEXT"),
                     QStringLiteral("CREATE TABLE cache_events (cache_key TEXT NOT NULL REFERENCES "
                                    "caches(key) ON DELETE CASCADE, position INTEGER NOT NULL, "
                                    "type TEXT, reason TEXT, message TEXT, name TEXT, "
                                    "event_count INTEGER, first_ms BIGINT, last_ms BIGINT, "
                                    "PRIMARY KEY (cache_key, position))"),
                 }});

    // v3: the image browser (HSS images, E-HPC images) and base-image layers.
    list.append(
        {3,
         QStringLiteral("images and layers"),
         {
             QStringLiteral("CREATE TABLE images (account_id TEXT NOT NULL, region TEXT NOT NULL, "
                            "position INTEGER NOT NULL, provider TEXT NOT NULL, id TEXT, "
                            "name TEXT, version TEXT, image_type TEXT, category TEXT, "
                            "namespace TEXT, digest TEXT, registry_name TEXT, description TEXT, "
                            "status TEXT, scan_status TEXT, size_bytes BIGINT, size_text TEXT, "
                            "created_ms BIGINT, updated_ms BIGINT, os_tag TEXT, "
                            "container_spec TEXT, vm_spec TEXT, additional_regions TEXT, "
                            "raw_json TEXT, updated_at BIGINT, "
                            "PRIMARY KEY (account_id, region, position))"),
             QStringLiteral("CREATE TABLE image_layers (account_id TEXT NOT NULL, "
                            "region TEXT NOT NULL, image_id TEXT NOT NULL, "
                            "position INTEGER NOT NULL, os_name TEXT, os_version TEXT, "
                            "layer_digest TEXT, "
                            "PRIMARY KEY (account_id, region, image_id, position))"),
         }});

    // v4: request ids and failure counts, so the journal and the status bar can name the
    // provider's request.
    list.append({4,
                 QStringLiteral("request ids in the journal and sync state"),
                 {
                     QStringLiteral("ALTER TABLE journal ADD COLUMN request_id TEXT"),
                     QStringLiteral("ALTER TABLE journal ADD COLUMN message TEXT"),
                     QStringLiteral("ALTER TABLE sync_state ADD COLUMN last_request_id TEXT"),
                     QStringLiteral("ALTER TABLE sync_state ADD COLUMN consecutive_failures "
                                    "INTEGER NOT NULL DEFAULT 0"),
                     QStringLiteral("CREATE INDEX journal_account ON journal (account_id, at)"),
                 }});

    // v5: registry logins of an account (server and user; the password is in the keychain).
    list.append(
        {5,
         QStringLiteral("registry logins of accounts"),
         {
             QStringLiteral("CREATE TABLE account_registries (account_id TEXT NOT NULL "
                            "REFERENCES accounts(id) ON DELETE CASCADE, position INTEGER NOT NULL, "
                            "server TEXT NOT NULL, user_name TEXT, "
                            "PRIMARY KEY (account_id, server))"),
         }});

    // v6: consoles sharing one PostgreSQL store: who polled a region last and when, so a console
    // that sees a fresh poll by another skips its own (the other's results reach it through
    // the store's notifications).
    list.append({6,
                 QStringLiteral("last poll of each region by any console"),
                 {
                     QStringLiteral("CREATE TABLE region_polls (account_id TEXT NOT NULL, "
                                    "region TEXT NOT NULL, polled_by TEXT NOT NULL, "
                                    "polled_at BIGINT NOT NULL, "
                                    "PRIMARY KEY (account_id, region))"),
                 }});

    // v7: the digest each image of a cache resolved to at create, and the last check of its
    // tag ("tag moved since this cache was built"). Not tied to caches by a foreign key: a
    // create records its digests before the first poll stores the cache; removing a cache
    // removes them.
    list.append({7,
                 QStringLiteral("image digests of caches and tag checks"),
                 {
                     QStringLiteral("CREATE TABLE cache_digests (cache_key TEXT NOT NULL, "
                                    "account_id TEXT NOT NULL, region TEXT NOT NULL, "
                                    "position INTEGER NOT NULL, image TEXT NOT NULL, "
                                    "digest TEXT NOT NULL, resolved_at BIGINT NOT NULL, "
                                    "current_digest TEXT, checked_at BIGINT, check_error TEXT, "
                                    "PRIMARY KEY (cache_key, image))"),
                     QStringLiteral("CREATE INDEX cache_digests_account_region ON cache_digests "
                                    "(account_id, region)"),
                 }});
    return list;
}
} // namespace

const QList<Schema::Migration> &Schema::migrations()
{
    static const QList<Migration> list = buildMigrations();
    return list;
}

int Schema::currentVersion()
{
    return migrations().constLast().version;
}

QStringList Schema::statements(const Migration &migration, Dialect dialect)
{
    const QString autoId = dialect == Dialect::Sqlite
                               ? QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT")
                               : QStringLiteral("BIGSERIAL PRIMARY KEY");
    QStringList out;
    for (QString s : migration.statements)
        out << s.replace(QStringLiteral("%AUTOID%"), autoId);
    return out;
}

} // namespace store
