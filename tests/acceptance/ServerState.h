#pragma once

#include "Mailbox.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <utility>

namespace acceptance {

// The shared seed and the SOGo interop scripts, and the seeded account's user.
inline const QString kSogoDir = QStringLiteral(SKEIN_TEST_DATA "/../interop/sogo");
inline const QString kSeedDir = QStringLiteral(SKEIN_TEST_DATA "/sogo-seed");
inline const QString kUser = QStringLiteral("alice");

// The server's own view of the mailbox, independent of the client.
class ServerState
{
public:
    virtual ~ServerState() = default;
    virtual Mailbox mailbox(const Identities &ids, QString *error) const = 0;
    virtual QStringList mailFolders(QString *error) const = 0;
    // Mail from outside arriving in the Inbox (the server's rules apply).
    virtual QString deliver(const QString &emlPath) const = 0; // error, empty on success
};

// skein-server --data DIR dump --json, while another process serves DIR.
class ReferenceState : public ServerState
{
public:
    explicit ReferenceState(QString dataDir) : m_data(std::move(dataDir)) {}

    QJsonObject user(QString *error) const;
    // Reference folder names as the seed's IMAP paths.
    static QHash<QString, QString> paths(const QJsonObject &user);

    Mailbox mailbox(const Identities &ids, QString *error) const override;
    QStringList mailFolders(QString *error) const override;
    // The server's grouping: Message-ID sets of each ConversationId.
    QSet<QSet<QString>> conversations(const Identities &ids, QString *error) const;
    QJsonArray rules(QString *error) const { return user(error)[QStringLiteral("conversationRules")].toArray(); }
    QString deliver(const QString &emlPath) const override;

private:
    QString m_data;
};

// Dovecot behind SOGo, over IMAP (tests/interop/sogo/imap-state.py).
class ImapState : public ServerState
{
public:
    QJsonObject folders(QString *error) const;

    Mailbox mailbox(const Identities &ids, QString *error) const override;
    QStringList mailFolders(QString *error) const override;
    QString deliver(const QString &emlPath) const override;
};

} // namespace acceptance
