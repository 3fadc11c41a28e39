// skein-cli against a real SOGo 5.8 ActiveSync server (tests/interop/sogo/):
// account add, sync, folders and conversations must show the seeded mailbox
// (tests/interop/sogo/expected-threads.json) grouped by the ConversationId SOGo
// sends, which is the thread root's Message-ID, not Exchange's 16-byte GUID.
//
// Skips unless SKEIN_SOGO_URL is set (fails instead when CI is set);
// tests/interop/sogo/run-interop.sh starts and seeds the server, sets it and
// runs this label. Read-only towards the
// server: it never sends ItemOperations (SOGo 5.8 empties a whole folder on an
// ItemOperations request without Fetch that names a CollectionId).
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out, err;
};

QString env(const char *name, const QString &fallback = QString())
{
    const QString value = qEnvironmentVariable(name);
    return value.isEmpty() ? fallback : value;
}

// A message as the tests compare it: where it is, what it says, who sent it.
struct Seen {
    QString folder, subject, from;
    bool read = false, flagged = false;
    friend bool operator==(const Seen &, const Seen &) = default;
    friend bool operator<(const Seen &a, const Seen &b)
    {
        return std::tie(a.folder, a.subject, a.from) < std::tie(b.folder, b.subject, b.from);
    }
};

// QCOMPARE of two QList<Seen> prints the first differing element with this.
char *toString(const Seen &s)
{
    return qstrdup(qPrintable(QStringLiteral("%1 | %2 | %3 | read=%4 flagged=%5").arg(s.folder, s.subject, s.from).arg(s.read).arg(s.flagged)));
}

// EAS shows a nested IMAP folder under its last path component.
QString displayName(const QString &imapPath)
{
    return imapPath.section(QLatin1Char('/'), -1);
}

QString address(const QString &from)
{
    const auto m = QRegularExpression(QStringLiteral("<([^>]+)>")).match(from);
    return (m.hasMatch() ? m.captured(1) : from).trimmed().toLower();
}

Seen expectedMessage(const QJsonObject &m)
{
    return {displayName(m[QStringLiteral("folder")].toString()), m[QStringLiteral("subject")].toString(),
            m[QStringLiteral("from")].toString(), m[QStringLiteral("read")].toBool(), m[QStringLiteral("flagged")].toBool()};
}

void flatten(const QJsonArray &nodes, QList<Seen> *out)
{
    for (const QJsonValue &v : nodes) {
        const QJsonObject n = v.toObject();
        out->append({n[QStringLiteral("folder")].toString(), n[QStringLiteral("subject")].toString(),
                     address(n[QStringLiteral("from")].toString()), n[QStringLiteral("read")].toBool(),
                     n[QStringLiteral("flag")].toString() == QLatin1String("flagged")});
        flatten(n[QStringLiteral("children")].toArray(), out);
    }
}

QList<Seen> sorted(QList<Seen> list)
{
    std::sort(list.begin(), list.end());
    return list;
}

} // namespace

class TestSogoSmoke : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_url, m_path, m_user, m_password;
    QJsonObject m_expected;

    Run cli(const QStringList &args, int timeoutMs = 180000) const
    {
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("SKEIN_PASSWORD"), m_password);
        p.setProcessEnvironment(e);
        p.start(QStringLiteral(SKEIN_CLI_BIN), QStringList{QStringLiteral("--profile"), m_dir.filePath(QStringLiteral("profile"))} + args);
        p.closeWriteChannel();
        if (!p.waitForFinished(timeoutMs))
            p.kill();
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
    }

    QJsonArray json(const QStringList &args) const
    {
        const Run r = cli(args);
        if (r.exitCode != 0)
            qWarning("skein-cli %s: exit %d: %s", qPrintable(args.join(QLatin1Char(' '))), r.exitCode, r.err.constData());
        QJsonParseError error;
        const QJsonArray array = QJsonDocument::fromJson(r.out, &error).array();
        if (error.error != QJsonParseError::NoError)
            qWarning("not JSON: %s", qPrintable(error.errorString()));
        return array;
    }

    // Every seeded message, by folder display name, with the ConversationId
    // SOGo sends for it (hex of the raw bytes; empty when it sends none).
    QList<std::pair<QByteArray, Seen>> expectedMessages() const
    {
        QList<std::pair<QByteArray, Seen>> all;
        for (const QJsonValue &t : m_expected[QStringLiteral("threads")].toArray())
            for (const QJsonValue &m : t[QStringLiteral("messages")].toArray())
                all.append({t[QStringLiteral("conversationId")].toString().toUtf8().toHex(), expectedMessage(m.toObject())});
        for (const QJsonValue &m : m_expected[QStringLiteral("standalone")].toArray())
            all.append({m[QStringLiteral("conversationId")].toString().toUtf8().toHex(), expectedMessage(m.toObject())});
        return all;
    }

    // Folders skein syncs: every mail folder except Drafts, which [MS-ASCMD]
    // forbids syncing below EAS 16 (SOGo speaks 14.1).
    static bool synced(const QString &folder) { return folder != QLatin1String("Drafts"); }

private Q_SLOTS:
    void initTestCase()
    {
        m_url = env("SKEIN_SOGO_URL");
        // CI must never skip silently: there a missing server is a failure.
        if (m_url.isEmpty() && !qEnvironmentVariableIsEmpty("CI"))
            QFAIL("SKEIN_SOGO_URL is not set on CI (CI is set): run the tests through tests/interop/sogo/run-interop.sh");
        if (m_url.isEmpty())
            QSKIP("SKEIN_SOGO_URL is not set: no SOGo server to test against. "
                  "tests/interop/sogo/run-interop.sh starts one, seeds it and runs these tests.");
        m_path = env("SKEIN_SOGO_PATH", QStringLiteral("/SOGo/Microsoft-Server-ActiveSync"));
        m_user = env("SKEIN_SOGO_USER", QStringLiteral("alice"));
        m_password = env("SKEIN_SOGO_PASSWORD", QStringLiteral("alicepass"));
        QFile file(env("SKEIN_SOGO_EXPECTED", QStringLiteral(SKEIN_TEST_DATA "/../interop/sogo/expected-threads.json")));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        m_expected = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY(!m_expected.isEmpty());
        QVERIFY(m_dir.isValid());
    }

    void accountAdd()
    {
        const Run r = cli({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--url"), m_url,
                           QStringLiteral("--user"), m_user, QStringLiteral("--path"), m_path, QStringLiteral("--no-save")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("ActiveSync 14.1"), r.out.constData()); // SOGo's highest version
    }

    void syncFetchesEverySeededMessage()
    {
        const Run r = cli({QStringLiteral("sync")});
        QVERIFY2(r.exitCode == 0, r.err.constData() + r.out);
        QHash<QString, int> added;
        for (const auto &[id, m] : expectedMessages())
            if (synced(m.folder))
                ++added[m.folder];
        for (auto it = added.cbegin(); it != added.cend(); ++it) {
            const QByteArray line = QStringLiteral("%1: +%2 ").arg(it.key()).arg(it.value()).toUtf8();
            QVERIFY2(r.out.contains(line), (line + "not in:\n" + r.out).constData());
        }
    }

    void foldersMatchTheMailbox()
    {
        const QJsonArray folders = json({QStringLiteral("folders"), QStringLiteral("--json")});
        QHash<QString, QJsonObject> byName;
        for (const QJsonValue &f : folders)
            if (f[QStringLiteral("mail")].toBool())
                byName.insert(f[QStringLiteral("name")].toString(), f.toObject());
        for (const char *name : {"INBOX", "Sent", "Projects", "Offsite"})
            QVERIFY2(byName.contains(QLatin1String(name)), name);
        QCOMPARE(byName[QStringLiteral("Offsite")][QStringLiteral("parentId")], byName[QStringLiteral("Projects")][QStringLiteral("serverId")]);
        QCOMPARE(byName[QStringLiteral("INBOX")][QStringLiteral("type")].toInt(), 2);
        QCOMPARE(byName[QStringLiteral("Sent")][QStringLiteral("type")].toInt(), 5);

        QHash<QString, int> count;
        for (const auto &[id, m] : expectedMessages())
            ++count[m.folder];
        for (auto it = count.cbegin(); it != count.cend(); ++it)
            if (synced(it.key()))
                QCOMPARE(byName[it.key()][QStringLiteral("messages")].toInt(), it.value());
    }

    void conversationsFollowConversationId_data()
    {
        QTest::addColumn<QString>("folder");
        for (const char *folder : {"INBOX", "Sent", "Projects", "Offsite"})
            QTest::newRow(folder) << QString::fromLatin1(folder);
    }

    // Each conversation with a message in the folder holds exactly the seeded
    // thread's messages from every synced folder, under SOGo's ConversationId.
    void conversationsFollowConversationId()
    {
        QFETCH(QString, folder);
        QMap<QByteArray, QList<Seen>> want; // conversationId hex -> messages
        QSet<QByteArray> inFolder;
        QList<Seen> withoutId; // SOGo sends no ConversationId: one conversation each
        for (const auto &[id, m] : expectedMessages()) {
            if (!synced(m.folder))
                continue;
            if (id.isEmpty()) {
                if (m.folder == folder)
                    withoutId.append(m);
                continue;
            }
            want[id].append(m);
            if (m.folder == folder)
                inFolder.insert(id);
        }

        const QJsonArray conversations = json({QStringLiteral("conversations"), folder, QStringLiteral("--json")});
        QSet<QByteArray> got;
        QList<Seen> gotWithoutId;
        for (const QJsonValue &c : conversations) {
            const QByteArray id = c[QStringLiteral("conversationId")].toString().toLatin1();
            QList<Seen> messages;
            flatten(c[QStringLiteral("messages")].toArray(), &messages);
            QCOMPARE(c[QStringLiteral("messageCount")].toInt(), messages.size());
            if (id.isEmpty()) {
                gotWithoutId += messages;
                continue;
            }
            QVERIFY2(!got.contains(id), "conversation listed twice: " + QByteArray::fromHex(id));
            got.insert(id);
            QVERIFY2(want.contains(id), "unexpected ConversationId " + QByteArray::fromHex(id));
            QCOMPARE(sorted(messages), sorted(want[id]));
            int unread = 0;
            bool flagged = false;
            for (const Seen &m : want[id]) {
                unread += !m.read;
                flagged |= m.flagged;
            }
            QCOMPARE(c[QStringLiteral("unreadCount")].toInt(), unread);
            QCOMPARE(c[QStringLiteral("flagged")].toBool(), flagged);
        }
        QCOMPARE(got, inFolder);
        QCOMPARE(sorted(gotWithoutId), sorted(withoutId));
    }

    // SOGo answers a no-change Sync with a new SyncKey and no Commands, or with
    // an empty HTTP 200 body; neither may add, change or drop anything.
    void secondSyncChangesNothing()
    {
        const QJsonArray before = json({QStringLiteral("conversations"), QStringLiteral("INBOX"), QStringLiteral("--json")});
        const Run r = cli({QStringLiteral("sync")});
        QVERIFY2(r.exitCode == 0, r.err.constData() + r.out);
        for (const QByteArray &line : r.out.split('\n'))
            if (!line.isEmpty())
                QVERIFY2(line.endsWith(": +0 ~0 -0"), line.constData());
        QCOMPARE(json({QStringLiteral("conversations"), QStringLiteral("INBOX"), QStringLiteral("--json")}), before);
    }
};

QTEST_GUILESS_MAIN(TestSogoSmoke)
#include "tst_sogo_smoke.moc"
