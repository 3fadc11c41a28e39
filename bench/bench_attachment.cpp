// Saving a large attachment: memory must stay flat when it is streamed.
// A 20 MB attachment is delivered to skein-server (its own process, so its
// memory is not counted), the client syncs and lists it, then saves it with
// GetAttachment (12.1, streamed to disk) and with ItemOperations (14.1, whole
// answer in memory: the documented limit). Reports the process's resident
// memory (VmRSS, sampled at every chunk) and its peak (VmHWM).
//   bench_attachment [MEGABYTES]      (default 20)
#include "AttachmentDownloader.h"
#include "NetworkTransport.h"
#include "SyncRunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

using namespace skein;
using namespace skein::eas;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

// kB of a /proc/self/status line: VmRSS (now) or VmHWM (peak so far).
long statusKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qstrlen(field) + 1).trimmed().split(' ').value(0).toLong();
    return -1;
}

bool writeMime(const QString &path, qsizetype bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write("From: Nina <nina@northwind.example>\r\nTo: bench@skein.test\r\nSubject: Survey data\r\n"
            "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
            "--b1\r\nContent-Type: text/plain\r\n\r\nThe raw data is attached.\r\n"
            "--b1\r\nContent-Type: application/octet-stream\r\n"
            "Content-Disposition: attachment; filename=\"survey.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n");
    quint32 x = 2463534242u;
    QByteArray block(57 * 1024, Qt::Uninitialized); // 57 bytes per 76-column base64 line
    for (qsizetype done = 0; done < bytes; done += block.size()) {
        const qsizetype n = std::min<qsizetype>(block.size(), bytes - done);
        for (qsizetype i = 0; i < n; ++i) {
            x ^= x << 13; x ^= x >> 17; x ^= x << 5;
            block[i] = char(x);
        }
        const QByteArray base64 = block.left(n).toBase64();
        for (qsizetype at = 0; at < base64.size(); at += 76)
            f.write(base64.mid(at, 76) + "\r\n");
    }
    f.write("--b1--\r\n");
    return true;
}

QString startServer(QProcess &server, const QString &dataDir)
{
    server.setProgram(QStringLiteral(SKEIN_SERVER_BIN));
    server.setArguments({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data"), dataDir,
                         QStringLiteral("--users"), QStringLiteral("bench:bench")});
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start();
    if (!server.waitForReadyRead(60000))
        return {};
    const QString line = QString::fromUtf8(server.readLine()).trimmed();
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("^listening (http://[^/]+)/")).match(line);
    return m.hasMatch() ? m.captured(1) : QString();
}

struct Saved {
    bool ok = false;
    QString error;
    long rssBeforeKb = 0, maxRssKb = 0, hwmAfterKb = 0;
    double seconds = 0;
    int progressCalls = 0; // many: streamed in pieces; two: the bytes came whole
};

Saved save(Store &store, const AccountSettings &account, qint64 messageId, const Attachment &a, const QString &path)
{
    NetworkTransport transport;
    EasSession session(transport, account, QStringLiteral("bench"));
    Saved s;
    s.rssBeforeKb = statusKb("VmRSS:");
    s.maxRssKb = s.rssBeforeKb;
    QElapsedTimer timer;
    timer.start();
    const auto r = AttachmentDownloader(session).fetchToFile(a.fileReference, path, [&](qint64, qint64) {
        // Sampled every 16th piece: reading /proc costs more than a piece,
        // and a slow reader lets Qt queue more of the answer.
        if (++s.progressCalls % 16 == 0)
            s.maxRssKb = std::max(s.maxRssKb, statusKb("VmRSS:"));
        return true;
    });
    s.seconds = timer.nsecsElapsed() / 1e9;
    s.maxRssKb = std::max(s.maxRssKb, statusKb("VmRSS:"));
    s.hwmAfterKb = statusKb("VmHWM:");
    s.ok = r.ok && QFile(path).size() == a.size;
    s.error = r.ok ? QStringLiteral("size %1, expected %2").arg(QFile(path).size()).arg(a.size) : r.error;
    Q_UNUSED(store);
    Q_UNUSED(messageId);
    return s;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int megabytes = argc > 1 ? QByteArray(argv[1]).toInt() : 20;
    const qsizetype bytes = qsizetype(megabytes) * 1024 * 1024;
    QTemporaryDir dir;
    const QString mimePath = dir.filePath(QStringLiteral("big.eml"));
    if (!writeMime(mimePath, bytes)) {
        QTextStream(stderr) << "bench_attachment: cannot write the test message\n";
        return 1;
    }
    QProcess server;
    const QString dataDir = dir.filePath(QStringLiteral("server"));
    const QString url = startServer(server, dataDir);
    if (url.isEmpty()) {
        QTextStream(stderr) << "bench_attachment: skein-server did not start\n";
        return 1;
    }
    const int delivered = QProcess::execute(QStringLiteral(SKEIN_SERVER_BIN),
        {QStringLiteral("--data"), dataDir, QStringLiteral("deliver"), QStringLiteral("--to"), QStringLiteral("bench"),
         QStringLiteral("--mime"), mimePath});
    QFile::remove(mimePath);
    if (delivered != 0) {
        QTextStream(stderr) << "bench_attachment: deliver failed\n";
        return 1;
    }

    Store store;
    store.open(dir.filePath(QStringLiteral("client.db")));
    AccountSettings account;
    account.url = url;
    account.user = QStringLiteral("bench");
    account.deviceId = QStringLiteral("BENCHATT");
    account.protocolVersion = QStringLiteral("12.1");
    store.accountStore().saveAccount(account);
    {
        NetworkTransport transport;
        EasSession session(transport, account, QStringLiteral("bench"));
        session.setAccountChangedHandler([&](const AccountSettings &a) {
            AccountSettings merged = a;
            merged.folderSyncKey = store.accountStore().account()->folderSyncKey;
            store.accountStore().saveAccount(merged);
        });
        SyncRunner runner(session, store);
        const SyncReport report = runner.syncAll();
        if (!report.ok()) {
            QTextStream(stderr) << "bench_attachment: " << report.message << "\n";
            return 1;
        }
    }
    account = *store.accountStore().account();
    const std::optional<Folder> inbox = store.folderStore().folderOfType(FolderType::Inbox);
    qint64 messageId = 0;
    Attachment attachment;
    for (const Message &m : store.messageStore().messagesInFolder(inbox->serverId))
        if (!store.messageStore().attachments(m.id).isEmpty()) {
            messageId = m.id;
            attachment = store.messageStore().attachments(m.id).first();
        }
    if (!messageId) {
        QTextStream(stderr) << "bench_attachment: the synced message lists no attachment\n";
        return 1;
    }
    out() << "listed: " << attachment.name << ", " << attachment.size / 1024 << " KB, reference "
          << attachment.fileReference << "\n";
    const long hwmBefore = statusKb("VmHWM:");
    out() << "before saving: VmRSS " << statusKb("VmRSS:") << " kB, peak VmHWM " << hwmBefore << " kB\n";

    const Saved streamed = save(store, account, messageId, attachment, dir.filePath(QStringLiteral("streamed.bin")));
    out() << "12.1 GetAttachment (streamed): " << (streamed.ok ? "ok" : qPrintable(streamed.error)) << ", "
          << QString::number(streamed.seconds, 'f', 2) << " s, VmRSS " << streamed.rssBeforeKb << " -> max "
          << streamed.maxRssKb << " kB (+" << streamed.maxRssKb - streamed.rssBeforeKb << " kB), peak VmHWM "
          << streamed.hwmAfterKb << " kB, " << streamed.progressCalls << " progress reports\n";
    QFile::remove(dir.filePath(QStringLiteral("streamed.bin")));

    account.protocolVersion = QStringLiteral("14.1");
    account.deviceId = QStringLiteral("BENCHATT14");
    account.policyKey.clear();
    const Saved whole = save(store, account, messageId, attachment, dir.filePath(QStringLiteral("whole.bin")));
    out() << "14.1 ItemOperations (multipart): " << (whole.ok ? "ok" : qPrintable(whole.error)) << ", "
          << QString::number(whole.seconds, 'f', 2) << " s, VmRSS " << whole.rssBeforeKb << " -> max "
          << whole.maxRssKb << " kB (+" << whole.maxRssKb - whole.rssBeforeKb << " kB), peak VmHWM "
          << whole.hwmAfterKb << " kB, " << whole.progressCalls << " progress reports\n";
    out().flush();
    server.terminate();
    server.waitForFinished(5000);
    return streamed.ok && whole.ok ? 0 : 1;
}
