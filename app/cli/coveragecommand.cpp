#include "coveragecommand.h"

#include "connectionbuilder.h"
#include "console.h"
#include "exitcode.h"
#include "providers/completer.h"
#include "providers/servicefactory.h"
#include "store/credentialstore.h"
#include "store/store.h"
#include "storeaccess.h"
#include "textformatter.h"
#include "workload/duration.h"
#include "workload/manifestreader.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cli {

namespace {

QString containerKind(workload::Container::Kind kind)
{
    switch (kind) {
    case workload::Container::Kind::Init:
        return QStringLiteral("init");
    case workload::Container::Kind::Ephemeral:
        return QStringLiteral("ephemeral");
    case workload::Container::Kind::Container:
        break;
    }
    return QStringLiteral("container");
}

QJsonObject answerJson(const workload::TargetAnswer &target,
                       const workload::ContainerAnswer &answer, const QDateTime &now)
{
    QJsonObject o{{QStringLiteral("provider"), core::providerKey(target.target.provider)},
                  {QStringLiteral("accountId"), target.target.accountId},
                  {QStringLiteral("account"), target.target.accountName},
                  {QStringLiteral("region"), target.target.region},
                  {QStringLiteral("verdict"), workload::verdictKey(answer.verdict)}};
    if (answer.reason != workload::Reason::None) {
        o.insert(QStringLiteral("reason"), workload::reasonKey(answer.reason));
        o.insert(QStringLiteral("reasonText"), workload::reasonText(answer.reason));
    }
    if (!answer.detail.isEmpty())
        o.insert(QStringLiteral("detail"), answer.detail);
    if (!target.silentPullNote.isEmpty())
        o.insert(QStringLiteral("note"), target.silentPullNote);
    if (target.cache) {
        const core::ImageCache &c = *target.cache;
        QJsonObject cache{{QStringLiteral("id"), c.id},
                          {QStringLiteral("name"), c.name},
                          {QStringLiteral("status"), core::statusKey(c.status)},
                          {QStringLiteral("pinned"), target.pinned},
                          {QStringLiteral("annotation"), target.annotation}};
        if (c.retentionDays != 0 && c.expires.isValid()) {
            cache.insert(QStringLiteral("expires"), c.expires.toUTC().toString(Qt::ISODate));
            cache.insert(QStringLiteral("secondsLeft"), double(now.secsTo(c.expires)));
        }
        o.insert(QStringLiteral("cache"), cache);
    }
    return o;
}

} // namespace

CoverageCommand::CoverageCommand(const CliOptions &options, const QProcessEnvironment &environment,
                                 store::Store *store, store::CredentialStore *credentials,
                                 net::ApiClient *client, QObject *parent)
    : Command(options, parent)
    , m_environment(environment)
    , m_store(store)
    , m_credentials(credentials)
    , m_client(client)
    , m_evaluator(new workload::CoverageEvaluator(this))
{}

void CoverageCommand::start()
{
    if (m_options.files.isEmpty())
        return failUsage(tr("'coverage' needs at least one -f FILE (or -f - for stdin)."));
    if (m_options.isSet(u"expires-within"_qs)) {
        const auto seconds = workload::parseDuration(m_options.expiresWithin);
        if (!seconds)
            return failUsage(tr("--expires-within expects a duration such as 12h, 7d or 2w, "
                                "got '%1'.")
                                 .arg(m_options.expiresWithin));
        m_coverageOptions.expiresWithinSeconds = *seconds;
    }
    m_coverageOptions.now = QDateTime::currentDateTimeUtc();
    for (const QString &file : m_options.files)
        m_manifests.append(workload::ManifestReader::readFile(file));

    QList<store::Account> accounts;
    if (m_store) {
        if (!m_options.account.isEmpty()) {
            QString error;
            const auto found = StoreAccess::find(*m_store, m_options.account, &error);
            if (!found)
                return failUsage(error);
            accounts.append(*found);
        } else {
            for (const store::Account &account : m_store->accounts()) {
                if (m_options.provider.isEmpty()
                    || core::providerKey(account.provider) == m_options.provider)
                    accounts.append(account);
            }
        }
    }
    if (accounts.isEmpty()) {
        // No stored account: the environment's connection, as the other commands use.
        providers::Connection connection;
        QString error;
        if (!ConnectionBuilder::build(m_options, m_environment, &connection, &error))
            return failUsage(error);
        addSource(connection, connection.accountId);
        return evaluate();
    }
    connectAccounts(accounts);
}

void CoverageCommand::connectAccounts(const QList<store::Account> &accounts)
{
    m_pendingAccounts = int(accounts.size());
    for (const store::Account &account : accounts) {
        const QString key = account.authKind == store::Account::AuthKind::IamToken
                                ? store::CredentialStore::iamPasswordKey(account.id)
                                : store::CredentialStore::secretKey(account.id);
        providers::whenFinished(
            m_credentials->read(key), this, [this, account](const store::SecretResult &read) {
                if (read.status == store::SecretResult::Status::Failed)
                    Console::err(tr("warning: %1").arg(read.error));
                for (const store::AccountRegion &region : account.regions) {
                    if (!m_options.region.isEmpty() && region.region != m_options.region)
                        continue;
                    providers::Connection connection;
                    QString problem;
                    if (!ConnectionBuilder::fromAccount(
                            m_options, m_environment, account, region.region,
                            read.ok() ? read.value : QString(), &connection, &problem)) {
                        Console::err(problem);
                        m_usageFailed = true;
                        continue;
                    }
                    addSource(connection, account.displayName);
                }
                if (--m_pendingAccounts == 0)
                    evaluate();
            });
    }
}

void CoverageCommand::addSource(const providers::Connection &connection, const QString &accountName)
{
    workload::CoverageSource source;
    source.target.provider = connection.provider;
    source.target.accountId = connection.accountId;
    source.target.accountName = accountName;
    source.target.region = connection.region;
    source.service = providers::createCacheService(m_client, connection, this);
    m_sources.append(source);
}

void CoverageCommand::evaluate()
{
    if (m_sources.isEmpty())
        return failUsage(m_usageFailed ? tr("No account could be connected.")
                                       : tr("No stored account matches --provider, --account "
                                            "and --region."));
    providers::whenFinished(m_evaluator->evaluate(m_manifests, m_sources, m_coverageOptions), this,
                            [this](const workload::CoverageReport &report) {
                                print(report);
                                if (!report.targetErrors.isEmpty())
                                    return finish(ExitProviderError);
                                finish(report.summary().allCovered() ? ExitOk : ExitNotCovered);
                            });
}

void CoverageCommand::print(const workload::CoverageReport &report)
{
    const QDateTime now = m_coverageOptions.now;
    const workload::CoverageSummary summary = report.summary();
    for (const workload::ManifestProblem &p : report.manifests.problems)
        Console::err(tr("%1:%2: document %3 could not be read: %4")
                         .arg(p.file)
                         .arg(p.line)
                         .arg(p.document)
                         .arg(p.message));
    for (const QString &error : report.targetErrors)
        Console::err(tr("error: %1").arg(error));

    if (m_options.json) {
        QJsonArray workloads;
        for (const workload::WorkloadAnswer &answer : report.answers) {
            const workload::Workload &w = answer.workload;
            QJsonArray containers;
            for (int i = 0; i < w.containers.size(); ++i) {
                const workload::Container &c = w.containers.at(i);
                QJsonArray answers;
                for (const workload::TargetAnswer &t : answer.targets)
                    answers.append(answerJson(t, t.containers.value(i), now));
                containers.append(QJsonObject{
                    {QStringLiteral("name"), c.name},
                    {QStringLiteral("kind"), containerKind(c.kind)},
                    {QStringLiteral("image"), c.image},
                    {QStringLiteral("normalized"), c.normalized},
                    {QStringLiteral("verdict"), workload::verdictKey(answer.best(i).verdict)},
                    {QStringLiteral("answers"), answers}});
            }
            workloads.append(QJsonObject{{QStringLiteral("file"), w.file},
                                         {QStringLiteral("document"), w.document},
                                         {QStringLiteral("line"), w.line},
                                         {QStringLiteral("kind"), w.kind},
                                         {QStringLiteral("name"), w.name},
                                         {QStringLiteral("namespace"), w.namespaceName},
                                         {QStringLiteral("containers"), containers}});
        }
        QJsonArray problems;
        for (const workload::ManifestProblem &p : report.manifests.problems)
            problems.append(QJsonObject{{QStringLiteral("file"), p.file},
                                        {QStringLiteral("document"), p.document},
                                        {QStringLiteral("line"), p.line},
                                        {QStringLiteral("message"), p.message}});
        Console::json(QJsonObject{
            {QStringLiteral("summary"),
             QJsonObject{
                 {QStringLiteral("workloads"), summary.workloads},
                 {QStringLiteral("containers"), summary.containers},
                 {QStringLiteral("images"), summary.images},
                 {QStringLiteral("covered"), summary.covered},
                 {QStringLiteral("partial"), summary.partial},
                 {QStringLiteral("notCovered"), summary.uncovered},
                 {QStringLiteral("skippedDocuments"), summary.skippedDocuments},
                 {QStringLiteral("brokenDocuments"), int(report.manifests.problems.size())}}},
            {QStringLiteral("workloads"), workloads},
            {QStringLiteral("problems"), problems},
            {QStringLiteral("targetErrors"), QJsonArray::fromStringList(report.targetErrors)}});
        return;
    }

    QList<QStringList> rows;
    for (const workload::WorkloadAnswer &answer : report.answers) {
        const workload::Workload &w = answer.workload;
        for (int i = 0; i < w.containers.size(); ++i) {
            const workload::Container &c = w.containers.at(i);
            for (const workload::TargetAnswer &t : answer.targets) {
                const workload::ContainerAnswer a = t.containers.value(i);
                QString verdict = workload::verdictText(a.verdict);
                if (a.reason != workload::Reason::None)
                    verdict += QStringLiteral(": ") + workload::reasonText(a.reason);
                QString cache = QStringLiteral("-");
                QString expiry = QStringLiteral("-");
                if (t.cache) {
                    cache = t.cache->id + QStringLiteral(" (") + t.cache->name
                            + QStringLiteral(", ") + TextFormatter::statusName(t.cache->status)
                            + QLatin1Char(')');
                    expiry = workload::expiryText(*t.cache, now);
                }
                rows.append({w.label(), c.name.isEmpty() ? QStringLiteral("-") : c.name, c.image,
                             core::providerKey(t.target.provider), t.target.label(), verdict, cache,
                             expiry});
            }
            if (answer.targets.isEmpty())
                rows.append({w.label(), c.name, c.image, QStringLiteral("-"), QStringLiteral("-"),
                             workload::verdictText(workload::Verdict::NotCovered),
                             QStringLiteral("-"), QStringLiteral("-")});
        }
    }
    if (!rows.isEmpty())
        Console::out(TextFormatter::table({tr("WORKLOAD"), tr("CONTAINER"), tr("IMAGE"),
                                           tr("PROVIDER"), tr("ACCOUNT / REGION"), tr("COVERAGE"),
                                           tr("CACHE"), tr("EXPIRES")},
                                          rows));
    for (const workload::WorkloadAnswer &answer : report.answers) {
        for (const workload::TargetAnswer &t : answer.targets) {
            if (!t.silentPullNote.isEmpty())
                Console::out(tr("note: %1 in %2: %3")
                                 .arg(answer.workload.label(), t.target.label(), t.silentPullNote));
        }
    }
    Console::out(report.summaryText());
}

} // namespace cli
