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
class FolderModel : public TreeModelBase
{
    Q_OBJECT

public:
    // The store is the GUI thread's connection and must outlive the model.
    explicit FolderModel(const Store *store, QObject *parent = nullptr);
    ~FolderModel() override;

    // Re-reads folders and unread counts and applies only the differences.
    void refresh();

    QModelIndex indexForFolder(const QString &folderId) const;
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
        friend bool operator==(const Entry &a, const Entry &b)
        {
            return a.unread == b.unread && a.folder.serverId == b.folder.serverId
                && a.folder.parentId == b.folder.parentId && a.folder.name == b.folder.name
                && a.folder.type == b.folder.type;
        }
    };
    using Node = TreeNode<Entry>;

private:
    std::vector<std::unique_ptr<Node>> buildTarget() const;
    Node *find(Node *under, const QByteArray &key) const;

    const Store *m_store;
    std::unique_ptr<Node> m_root;
    // The local Outbox row stays once shown, so emptying it keeps the view.
    mutable bool m_localOutboxShown = false;
};

} // namespace skein
