#pragma once

#include "MailTypes.h"
#include "ModelRoles.h"
#include "TreeModelBase.h"

namespace skein {

class Store;

// The mail folders of the account as a tree (by parentId), one column.
// DisplayRole is the folder name; UnreadCountRole, FolderIdRole and
// FolderTypeRole carry the rest (the ui draws counts and picks icons).
// Standard folders come first (Inbox, Drafts, Sent Items, Deleted Items,
// Junk, Outbox), then user folders alphabetically; calendars, contacts and
// other non-mail folders are hidden.
// The Outbox row counts the messages waiting to be sent (UnreadCountRole):
// the server's Outbox (FolderSync type 6) when there is one, else a local
// row, localOutboxId(), at the end, shown once the outbox has held a message.
//
// Several accounts (setAccounts with two or more): each account is a row at
// the top, its folders below it; its row counts its Inbox's unread mail.
// Folder ids repeat across accounts, so lookups without an account name
// mean the active one.
class FolderModel : public TreeModelBase
{
    Q_OBJECT

public:
    // The store is the GUI thread's connection and must outlive the model.
    explicit FolderModel(const Store *store, QObject *parent = nullptr);
    ~FolderModel() override;

    struct Account {
        QString key;          // the profile's account name ("" the default)
        QString label;        // what the account row shows
        const Store *store;   // read connection to its store; outlives the model's use of it
    };
    // With fewer than two accounts the tree is the constructor's store, flat.
    void setAccounts(const QList<Account> &accounts);
    bool hasAccountRows() const { return m_accounts.size() > 1; }
    // "All Inboxes" above the accounts (with two or more accounts only).
    void setUnifiedInbox(bool shown);
    bool hasUnifiedRow() const { return m_unified && hasAccountRows(); }
    static QString unifiedInboxId();
    void setActiveAccount(const QString &key) { m_active = key; }
    QString activeAccount() const { return m_active; }
    QString accountOf(const QModelIndex &index) const;
    bool isAccountRow(const QModelIndex &index) const;
    QModelIndex indexForAccount(const QString &key) const;
    // The account's Inbox row, else its first folder.
    QModelIndex firstFolderOf(const QString &key) const;

    // Re-reads folders and unread counts and applies only the differences.
    void refresh();

    QModelIndex indexForFolder(const QString &folderId) const; // in the active account
    QModelIndex indexForFolder(const QString &folderId, const QString &account) const;
    QString folderId(const QModelIndex &index) const;
    // The id of the local Outbox row, never a server's folder id.
    static QString localOutboxId();
    // The folder whose row shows the outbox (server's or local); empty if none.
    QString outboxFolderId() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    struct Entry {
        Folder folder;
        int unread = 0;
        QString account;       // the account's key
        bool isAccount = false; // the account's own row (folder.name is its label)
        bool isUnified = false; // All Inboxes
        friend bool operator==(const Entry &a, const Entry &b)
        {
            return a.unread == b.unread && a.isAccount == b.isAccount && a.isUnified == b.isUnified
                && a.account == b.account
                && a.folder.serverId == b.folder.serverId
                && a.folder.parentId == b.folder.parentId && a.folder.name == b.folder.name
                && a.folder.type == b.folder.type;
        }
    };
    using Node = TreeNode<Entry>;

private:
    std::vector<std::unique_ptr<Node>> buildTarget() const;
    std::vector<std::unique_ptr<Node>> buildFolders(const Store &store, const QString &account) const;
    Node *find(Node *under, const QByteArray &key) const;
    Node *accountNode(const QString &key) const;

    const Store *m_store;
    QList<Account> m_accounts;
    QString m_active;
    bool m_unified = false;
    std::unique_ptr<Node> m_root;
    // The local Outbox row stays once shown (per account), so emptying it keeps the view.
    mutable QSet<QString> m_localOutboxShown;
};

} // namespace skein
