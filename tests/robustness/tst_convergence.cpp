// Two devices of one user against the reference server, driven by a seeded
// random walk of conversation actions, syncs, replays and new mail. Whatever
// the order, once both have synced they must show what the server holds:
// every message in the same folder with the same read and flag state, no
// action left unsent, no placeholder of a move left behind. And every change
// the server confirmed to a device must be on the server right then (no lost
// update).
//
// Reproduce a failure with the seed and step count it prints:
//   SKEIN_CONVERGENCE_SEEDS=1234 SKEIN_CONVERGENCE_STEPS=300 tst_convergence
// SKEIN_CONVERGENCE_SEEDS takes a list ("1,2,3") or a count and a first seed
// ("20@100": 100..119); the default is three fixed seeds of 300 steps.
// SKEIN_CONVERGENCE_LOG=FILE appends every step of every run to FILE.
#include "TwoDevices.h"

#include "ConversationActions.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace robustness;

// QVERIFY2 builds its message even when the check holds; the walk's context
// is printed only when it fails.
#define WALK_VERIFY(condition, what)                                                                     \
    do {                                                                                                 \
        if (!(condition))                                                                                \
            QFAIL(qPrintable(failure(what)));                                                            \
    } while (false)

namespace {

constexpr int kDefaultSteps = 300;
const QList<quint32> kDefaultSeeds{1, 2, 3};

QList<quint32> seedsFromEnvironment()
{
    const QString spec = qEnvironmentVariable("SKEIN_CONVERGENCE_SEEDS");
    if (spec.isEmpty())
        return kDefaultSeeds;
    QList<quint32> seeds;
    if (spec.contains(QLatin1Char('@'))) {
        const quint32 count = spec.section(QLatin1Char('@'), 0, 0).toUInt();
        const quint32 first = spec.section(QLatin1Char('@'), 1).toUInt();
        for (quint32 i = 0; i < count; ++i)
            seeds.append(first + i);
        return seeds;
    }
    for (const QString &s : spec.split(QLatin1Char(','), Qt::SkipEmptyParts))
        seeds.append(s.trimmed().toUInt());
    return seeds;
}

int stepsFromEnvironment()
{
    bool ok = false;
    const int steps = qEnvironmentVariableIntValue("SKEIN_CONVERGENCE_STEPS", &ok);
    return ok && steps > 0 ? steps : kDefaultSteps;
}

QHash<QString, QString> folderNames(const Store &store)
{
    QHash<QString, QString> names;
    for (const Folder &f : store.folderStore().folders())
        names.insert(f.serverId, f.name);
    return names;
}

// What one run did, for the summary line.
struct Tally {
    int actions = 0, refusedLocally = 0, syncs = 0, replays = 0, overlaps = 0, deliveries = 0;
    int done = 0, failed = 0, confirmedChecked = 0, compared = 0;
};

} // namespace

class TestConvergence : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<server::ReferenceServer> m_server;
    std::array<Device, 2> m_devices;
    std::array<QSet<qint64>, 2> m_finished; // journal entries already done or failed, per device
    QRandomGenerator m_random;
    QStringList m_log; // every step of this run
    QDateTime m_now;
    int m_step = 0;
    Tally m_tally;

    void note(const QString &line) { m_log.append(QStringLiteral("%1: %2").arg(m_step).arg(line)); }

    // The seed, how to reproduce, and the last steps, one line each (QTest
    // shortens a failure's message, so these go out as warnings first).
    QString failure(const QString &what) const
    {
        qWarning().noquote() << QStringLiteral("seed %1, step %2; reproduce: SKEIN_CONVERGENCE_SEEDS=%1 "
                                               "SKEIN_CONVERGENCE_STEPS=%3")
                                    .arg(QTest::currentDataTag())
                                    .arg(m_step)
                                    .arg(stepsFromEnvironment());
        for (const QString &line : m_log.mid(std::max<qsizetype>(0, m_log.size() - 30)))
            qWarning().noquote() << "  " << line;
        return what + QStringLiteral(" (seed %1)").arg(QTest::currentDataTag());
    }

    int pick(int n) { return n > 0 ? int(m_random.bounded(n)) : 0; }

    // ---- the random walk ------------------------------------------------

    // A message of a synced folder (the Inbox half of the time), in a stable
    // order, so that one seed makes the same choices every run.
    std::optional<Message> pickMessage(const Device &d)
    {
        QList<Folder> candidates;
        for (const Folder &f : syncedFolders(*d.store))
            if (d.store->messageStore().messageCount(f.serverId) > 0)
                candidates.append(f);
        if (candidates.isEmpty())
            return std::nullopt;
        Folder folder = candidates.at(pick(int(candidates.size())));
        if (pick(2) == 0)
            if (const auto inbox = d.store->folderStore().folderOfType(FolderType::Inbox); inbox && d.store->messageStore().messageCount(inbox->serverId))
                folder = *inbox;
        QList<Message> messages = d.store->messageStore().messagesInFolder(folder.serverId);
        std::sort(messages.begin(), messages.end(), [](const Message &a, const Message &b) {
            return std::pair(a.serverId.size(), a.serverId) < std::pair(b.serverId.size(), b.serverId);
        });
        return messages.at(pick(int(messages.size())));
    }

    void act(Device &d)
    {
        const std::optional<Message> m = pickMessage(d);
        if (!m)
            return;
        const QHash<QString, QString> names = folderNames(*d.store);
        static const QList<ActionKind> kinds{ActionKind::MarkRead, ActionKind::MarkUnread, ActionKind::Flag,
                                             ActionKind::ClearFlag, ActionKind::Complete,  ActionKind::Delete,
                                             ActionKind::Move};
        ConversationActions actions(*d.store);
        ConversationActions::Result result;
        QString what;
        // Now and then one message, as the reading pane marks it read.
        if (pick(8) == 0) {
            what = QStringLiteral("read message %1/%2").arg(names.value(m->folderId), m->serverId);
            result = actions.markMessageRead(m->id);
        } else {
            const ActionKind kind = kinds.at(pick(int(kinds.size())));
            QString target;
            if (kind == ActionKind::Move) {
                QList<Folder> targets;
                for (const Folder &f : syncedFolders(*d.store))
                    if (f.serverId != m->folderId && f.type != FolderType::Outbox && f.type != FolderType::Drafts)
                        targets.append(f);
                target = targets.at(pick(int(targets.size()))).serverId;
            }
            what = QStringLiteral("%1 conversation of %2/%3%4")
                       .arg(actionKindName(kind), names.value(m->folderId), m->serverId,
                            target.isEmpty() ? QString() : QStringLiteral(" to ") + names.value(target));
            result = actions.apply(kind, m->conversationId, m->folderId, target);
        }
        ++(result.ok() ? m_tally.actions : m_tally.refusedLocally);
        note(QStringLiteral("%1 %2: %3").arg(d.name, what,
                                             result.ok() ? QStringLiteral("entry %1").arg(result.entryId)
                                                         : QStringLiteral("not done (%1)").arg(result.error)));
    }

    // New mail: a reply to a message of any folder, or a new conversation.
    void deliver()
    {
        m_now = m_now.addSecs(60);
        m_server->setNow(m_now);
        server::IncomingMail mail;
        mail.to = QStringLiteral("demo");
        mail.from = QStringLiteral("Walker %1 <walker%1@example.com>").arg(pick(5));
        mail.subject = QStringLiteral("Step %1").arg(m_step);
        mail.body = QStringLiteral("arrived at step %1").arg(m_step);
        const QJsonArray messages = serverUser(*m_server)[QStringLiteral("messages")].toArray();
        if (pick(3) != 0 && !messages.isEmpty())
            mail.replyToServerId = messages.at(pick(int(messages.size())))[QStringLiteral("serverId")].toString();
        const server::DeliveryResult r = m_server->deliver(mail);
        WALK_VERIFY(r.ok, r.error);
        ++m_tally.deliveries;
        note(QStringLiteral("new mail %1 in %2%3")
                 .arg(r.serverId, r.folder,
                      mail.replyToServerId.isEmpty() ? QString() : QStringLiteral(" replying to ") + mail.replyToServerId));
    }

    void replay(Device &d)
    {
        note(d.name + QStringLiteral(" replay"));
        ++m_tally.replays;
        WALK_VERIFY(d.replay(), QStringLiteral("replay timed out"));
    }

    void syncAll(Device &d)
    {
        note(d.name + QStringLiteral(" sync all"));
        ++m_tally.syncs;
        WALK_VERIFY(d.syncAll(), QStringLiteral("sync timed out"));
    }

    void syncFolder(Device &d)
    {
        const QList<Folder> folders = syncedFolders(*d.store);
        const Folder folder = folders.at(pick(int(folders.size())));
        note(QStringLiteral("%1 sync %2").arg(d.name, folder.name));
        ++m_tally.syncs;
        WALK_VERIFY(d.syncFolder(folder.serverId), QStringLiteral("folder sync timed out"));
    }

    // The user keeps working while the device syncs: a sync is posted,
    // actions are taken while it runs, then a replay is posted.
    void actWhileSyncing(Device &d)
    {
        note(d.name + QStringLiteral(" sync all, acting meanwhile"));
        ++m_tally.overlaps;
        QSignalSpy synced(d.engine.get(), &SyncEngine::syncFinished);
        QSignalSpy replayed(d.engine.get(), &SyncEngine::replayFinished);
        d.engine->syncAll();
        for (int i = 1 + pick(3); i > 0; --i)
            act(d);
        d.engine->replayNow();
        while (synced.isEmpty() || replayed.isEmpty())
            WALK_VERIFY((synced.isEmpty() ? synced : replayed).wait(120000),
                        QStringLiteral("sync or replay timed out"));
    }

    // ---- the checks -----------------------------------------------------

    // Every change the server confirmed to d in this step is on the server
    // now (the other device has not moved since). Entries apply in journal
    // order, so the last one of the step wins for each message.
    void checkConfirmedChangesArrived(Device &d, QSet<qint64> &finished)
    {
        struct Expected {
            std::optional<bool> read;
            std::optional<int> flagStatus;
        };
        QHash<QString, Expected> expected; // by ServerId, "FOLDERID:ID" on the reference server
        const QString trash = d.store->folderStore().folderOfType(FolderType::DeletedItems).value_or(Folder{}).serverId;
        QSet<QString> gone;
        for (const ActionEntry &e : d.store->journalStore().actions(false)) {
            if (!e.isFinished() || finished.contains(e.id))
                continue;
            finished.insert(e.id);
            ++(e.state == ActionState::Done ? m_tally.done : m_tally.failed);
            for (const ActionItem &item : e.items) {
                if (e.state == ActionState::Failed) {
                    // Some items of a refused entry may have been applied: unknown.
                    expected.remove(item.serverId);
                    gone.remove(item.serverId);
                } else if (e.kind == ActionKind::Delete || e.kind == ActionKind::Move) {
                    expected.remove(item.serverId);
                    gone.insert(item.serverId);
                    // The reference server keeps a message's id across folders
                    // (FOLDERID:ID): a move back takes up the id it left, and
                    // so does a delete, which moves to Deleted Items.
                    const QString to = e.kind == ActionKind::Move ? item.targetFolderId
                        : item.folderId != trash                  ? trash
                                                                  : QString();
                    const QString back = to.isEmpty() ? QString() : to + QLatin1Char(':');
                    gone.removeIf([&](const QString &id) { return !back.isEmpty() && id.startsWith(back); });
                } else {
                    Expected &x = expected[item.serverId];
                    if (item.newRead)
                        x.read = *item.newRead;
                    if (item.newFlag)
                        x.flagStatus = int(item.newFlag->status);
                }
            }
        }
        if (expected.isEmpty() && gone.isEmpty())
            return;
        QHash<QString, MessageState> onServer;
        for (const QJsonValue &m : serverUser(*m_server)[QStringLiteral("messages")].toArray())
            onServer.insert(m[QStringLiteral("serverId")].toString(),
                            {m[QStringLiteral("read")].toBool(), m[QStringLiteral("flagStatus")].toInt()});
        for (const QString &serverId : std::as_const(gone))
            WALK_VERIFY(!onServer.contains(serverId),
                        QStringLiteral("%1: the server confirmed that %2 left its folder, but it is still there")
                            .arg(d.name, serverId));
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            const auto now = onServer.constFind(it.key());
            if (now == onServer.cend())
                continue; // moved since by an entry of the same step
            const MessageState want{it->read.value_or(now->read), it->flagStatus.value_or(now->flagStatus)};
            WALK_VERIFY(*now == want, QStringLiteral("%1: the server confirmed %2 -> %3 but has %4")
                                          .arg(d.name, it.key(), describe(want), describe(*now)));
            ++m_tally.confirmedChecked;
        }
    }

    std::optional<Message> messageUnder(const Device &d, const QString &key) const
    {
        const std::optional<Folder> folder = d.store->folderStore().folderByName(key.section(QLatin1Char('/'), 0, 0));
        return folder ? d.store->messageStore().message(folder->serverId, key.section(QLatin1Char('/'), 1)) : std::nullopt;
    }

    // The journal entries that touched the message shown under key, to
    // tell at once which action left it behind.
    QString history(const Device &d, const QString &key) const
    {
        const std::optional<Message> m = messageUnder(d, key);
        if (!m)
            return {};
        QStringList entries;
        for (const ActionEntry &e : d.store->journalStore().actions(false))
            for (const ActionItem &item : e.items)
                if (item.messageId == m->id)
                    entries.append(QStringLiteral("%1 %2 %3%4").arg(e.id).arg(actionKindName(e.kind), actionStateName(e.state),
                                                                  e.error.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(e.error)));
        return QStringLiteral("; row %1, entries: %2").arg(m->id).arg(entries.isEmpty() ? QStringLiteral("none") : entries.join(QStringLiteral(", ")));
    }

    // What the device shows equals what the server holds, in every folder it syncs.
    void checkConverged(Device &d)
    {
        for (const ActionEntry &e : d.store->journalStore().actions(true))
            QFAIL(qPrintable(failure(QStringLiteral("%1: entry %2 (%3) still %4 after the final syncs")
                                         .arg(d.name)
                                         .arg(e.id)
                                         .arg(actionKindName(e.kind), actionStateName(e.state)))));
        for (const ActionEntry &e : d.store->journalStore().actions(false))
            WALK_VERIFY(e.state != ActionState::Failed || !e.error.isEmpty(),
                        QStringLiteral("%1: entry %2 failed without a reason").arg(d.name).arg(e.id));
        const MailboxState server = serverState(*m_server, syncedFolderNames(*d.store));
        const MailboxState device = deviceState(*d.store);
        QStringList differences;
        for (auto it = server.cbegin(); it != server.cend(); ++it) {
            if (!device.contains(it.key())) {
                differences.append(QStringLiteral("missing %1 (server: %2)").arg(it.key(), describe(it.value())));
            } else if (device.value(it.key()) != it.value()) {
                differences.append(QStringLiteral("%1: device %2, server %3%4")
                                       .arg(it.key(), describe(device.value(it.key())), describe(it.value()),
                                            history(d, it.key())));
            }
        }
        for (auto it = device.cbegin(); it != device.cend(); ++it)
            if (!server.contains(it.key()))
                differences.append(QStringLiteral("extra %1 (%2)%3").arg(it.key(), describe(it.value()), history(d, it.key())));
        m_tally.compared += int(server.size());
        if (differences.isEmpty())
            return;
        for (const QString &line : std::as_const(differences))
            qWarning().noquote() << d.name << line;
        QFAIL(qPrintable(failure(QStringLiteral("%1 differs from the server in %2 of %3 messages")
                                     .arg(d.name)
                                     .arg(differences.size())
                                     .arg(server.size()))));
    }

    void writeLog(quint32 seed) const
    {
        const QString path = qEnvironmentVariable("SKEIN_CONVERGENCE_LOG");
        if (path.isEmpty())
            return;
        QFile file(path);
        if (file.open(QIODevice::Append | QIODevice::Text))
            file.write(QStringLiteral("== seed %1\n%2\n").arg(seed).arg(m_log.join(QLatin1Char('\n'))).toUtf8());
    }

private Q_SLOTS:
    void randomWalkConverges_data()
    {
        QTest::addColumn<quint32>("seed");
        for (const quint32 seed : seedsFromEnvironment())
            QTest::newRow(qPrintable(QString::number(seed))) << seed;
    }

    void randomWalkConverges()
    {
        QFETCH(quint32, seed);
        m_random.seed(seed);
        m_log.clear();
        m_step = 0;
        m_tally = {};
        m_dir = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<server::ReferenceServer>();
        QString error;
        QVERIFY2(m_server->open(m_dir->filePath(QStringLiteral("server")), &error), qPrintable(error));
        // A fixed clock: one seed gives the same mailbox and the same new mail every run.
        m_now = QDateTime(QDate(2024, 3, 1), QTime(9, 0), Qt::UTC);
        m_server->setNow(m_now);
        QVERIFY(m_server->seedDemo(m_now) >= 100);
        QVERIFY(m_server->start() != 0);
        for (int i = 0; i < 2; ++i) {
            QVERIFY(m_devices[i].open(*m_server, m_dir->path(), QStringLiteral("AB").mid(i, 1)));
            SyncReport report;
            QVERIFY(m_devices[i].syncAll(&report));
            QVERIFY2(report.ok(), qPrintable(report.message));
            m_finished[i].clear();
        }

        const int steps = stepsFromEnvironment();
        for (m_step = 1; m_step <= steps; ++m_step) {
            const int which = pick(2);
            Device &d = m_devices[which];
            const int roll = pick(100);
            if (roll < 50)
                act(d);
            else if (roll < 64)
                replay(d);
            else if (roll < 76)
                syncAll(d);
            else if (roll < 86)
                syncFolder(d);
            else if (roll < 93)
                actWhileSyncing(d);
            else
                deliver();
            if (QTest::currentTestFailed())
                break;
            checkConfirmedChangesArrived(d, m_finished[which]);
            if (QTest::currentTestFailed())
                break;
        }
        // Both devices send what is left and take in what the other did.
        for (int round = 0; round < 2 && !QTest::currentTestFailed(); ++round)
            for (int i = 0; i < 2; ++i) {
                replay(m_devices[i]);
                syncAll(m_devices[i]);
                checkConfirmedChangesArrived(m_devices[i], m_finished[i]);
            }
        writeLog(seed);
        if (QTest::currentTestFailed())
            return;
        for (Device &d : m_devices)
            checkConverged(d);
        if (QTest::currentTestFailed())
            return;
        qInfo().noquote() << QStringLiteral(
                                 "seed %1: %2 steps, %3 actions (+%4 refused locally), %5 replays, %6 syncs, %7 "
                                 "syncs with actions meanwhile, %8 new mails; entries %9 done, %10 failed; %11 "
                                 "confirmed changes checked on the server; %12 messages compared")
                                 .arg(seed)
                                 .arg(steps)
                                 .arg(m_tally.actions)
                                 .arg(m_tally.refusedLocally)
                                 .arg(m_tally.replays)
                                 .arg(m_tally.syncs)
                                 .arg(m_tally.overlaps)
                                 .arg(m_tally.deliveries)
                                 .arg(m_tally.done)
                                 .arg(m_tally.failed)
                                 .arg(m_tally.confirmedChecked)
                                 .arg(m_tally.compared);
    }

    void cleanup()
    {
        for (Device &d : m_devices)
            d.close();
        m_server.reset();
        m_dir.reset();
    }
};

QTEST_GUILESS_MAIN(TestConvergence)
#include "tst_convergence.moc"
