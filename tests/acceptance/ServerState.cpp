#include "ServerState.h"

#include "MailTypes.h"
#include "ProcessRun.h"

#include <QJsonDocument>

using namespace skein;

namespace acceptance {

// ---- ReferenceState -----------------------------------------------------

QJsonObject ReferenceState::user(QString *error) const
{
    const Run r = runProcess(QStringLiteral(SKEIN_SERVER_BIN), {QStringLiteral("--data"), m_data, QStringLiteral("dump"), QStringLiteral("--json")});
    if (r.exitCode != 0) {
        *error = QStringLiteral("dump: exit %1: %2").arg(r.exitCode).arg(QString::fromUtf8(r.err));
        return {};
    }
    for (const QJsonValue &u : QJsonDocument::fromJson(r.out).object()[QStringLiteral("users")].toArray())
        if (u[QStringLiteral("name")].toString() == kUser)
            return u.toObject();
    *error = QStringLiteral("dump has no user %1").arg(kUser);
    return {};
}

QHash<QString, QString> ReferenceState::paths(const QJsonObject &user)
{
    static const QHash<QString, QString> special{
        {QStringLiteral("Inbox"), QStringLiteral("INBOX")}, {QStringLiteral("Sent Items"), QStringLiteral("Sent")},
        {QStringLiteral("Deleted Items"), QStringLiteral("Trash")}, {QStringLiteral("Junk E-mail"), QStringLiteral("Junk")}};
    QHash<QString, QJsonObject> byId;
    for (const QJsonValue &f : user[QStringLiteral("folders")].toArray())
        byId.insert(f[QStringLiteral("id")].toString(), f.toObject());
    QHash<QString, QString> out; // folder id -> path
    for (const QJsonObject &f : byId) {
        QString path = f[QStringLiteral("name")].toString();
        if (special.contains(path)) {
            out.insert(f[QStringLiteral("id")].toString(), special[path]);
            continue;
        }
        for (QJsonObject p = byId.value(f[QStringLiteral("parentId")].toString()); !p.isEmpty();
             p = byId.value(p[QStringLiteral("parentId")].toString()))
            path = special.value(p[QStringLiteral("name")].toString(), p[QStringLiteral("name")].toString()) + QLatin1Char('/') + path;
        out.insert(f[QStringLiteral("id")].toString(), path);
    }
    return out;
}

Mailbox ReferenceState::mailbox(const Identities &ids, QString *error) const
{
    const QJsonObject u = user(error);
    const QHash<QString, QString> path = paths(u);
    Mailbox box;
    for (const QJsonValue &m : u[QStringLiteral("messages")].toArray()) {
        const QString folder = path.value(m[QStringLiteral("folderId")].toString());
        if (folder == QLatin1String("Outbox"))
            continue;
        box.insert(ids.key(m[QStringLiteral("messageId")].toString(), m[QStringLiteral("subject")].toString(), m[QStringLiteral("from")].toString()),
                   {folder, m[QStringLiteral("read")].toBool(), m[QStringLiteral("flagStatus")].toInt()});
    }
    return box;
}

QStringList ReferenceState::mailFolders(QString *error) const
{
    const QJsonObject u = user(error);
    const QHash<QString, QString> path = paths(u);
    QStringList out;
    for (const QJsonValue &f : u[QStringLiteral("folders")].toArray())
        if (isMailFolder(FolderType(f[QStringLiteral("type")].toInt())))
            out << path.value(f[QStringLiteral("id")].toString());
    out.sort();
    return out;
}

QSet<QSet<QString>> ReferenceState::conversations(const Identities &ids, QString *error) const
{
    QHash<QString, QSet<QString>> byId;
    for (const QJsonValue &m : user(error)[QStringLiteral("messages")].toArray())
        byId[m[QStringLiteral("conversationId")].toString()].insert(
            ids.key(m[QStringLiteral("messageId")].toString(), m[QStringLiteral("subject")].toString(), m[QStringLiteral("from")].toString()));
    return {byId.cbegin(), byId.cend()};
}

QString ReferenceState::deliver(const QString &emlPath) const
{
    const Run r = runProcess(QStringLiteral(SKEIN_SERVER_BIN), {QStringLiteral("--data"), m_data, QStringLiteral("deliver"),
                                                                QStringLiteral("--to"), kUser, QStringLiteral("--mime"), emlPath});
    return r.exitCode == 0 ? QString() : QStringLiteral("deliver: exit %1: %2").arg(r.exitCode).arg(QString::fromUtf8(r.err));
}

// ---- ImapState ----------------------------------------------------------

QJsonObject ImapState::folders(QString *error) const
{
    const Run r = runProcess(QStringLiteral("python3"), {kSogoDir + QStringLiteral("/imap-state.py"), QStringLiteral("state")});
    if (r.exitCode != 0)
        *error = QStringLiteral("imap-state.py: exit %1: %2").arg(r.exitCode).arg(QString::fromUtf8(r.err));
    return QJsonDocument::fromJson(r.out).object();
}

Mailbox ImapState::mailbox(const Identities &ids, QString *error) const
{
    const QJsonObject all = folders(error);
    Mailbox box;
    for (auto f = all.begin(); f != all.end(); ++f)
        for (const QJsonValue &m : f.value().toArray())
            box.insert(ids.key(m[QStringLiteral("messageId")].toString(), m[QStringLiteral("subject")].toString(), m[QStringLiteral("from")].toString()),
                       {f.key(), m[QStringLiteral("seen")].toBool(), m[QStringLiteral("flagged")].toBool() ? 2 : 0});
    return box;
}

QStringList ImapState::mailFolders(QString *error) const
{
    QStringList out = folders(error).keys();
    out.sort();
    return out;
}

QString ImapState::deliver(const QString &emlPath) const
{
    const Run r = runProcess(QStringLiteral("python3"), {kSogoDir + QStringLiteral("/imap-state.py"), QStringLiteral("append"), QStringLiteral("INBOX"), emlPath});
    return r.exitCode == 0 ? QString() : QStringLiteral("imap-state.py append: exit %1: %2").arg(r.exitCode).arg(QString::fromUtf8(r.err));
}

} // namespace acceptance
