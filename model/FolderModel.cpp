#include "FolderModel.h"

#include "OutboxTypes.h"
#include "Store.h"

#include <QCollator>
#include <QHash>

#include <map>

namespace skein {

namespace {

// Junk has no FolderSync type of its own (it is a user mail folder); these
// are the names servers give it.
bool isJunkName(const QString &name)
{
    static const QStringList names{QStringLiteral("Junk"), QStringLiteral("Junk Email"),
                                   QStringLiteral("Junk E-mail"), QStringLiteral("Junk Mail"),
                                   QStringLiteral("Spam")};
    return names.contains(name, Qt::CaseInsensitive);
}

// Position of a standard folder; user folders share the last rank.
int rank(const Folder &folder, bool atRoot)
{
    switch (folder.type) {
    case FolderType::Inbox: return 0;
    case FolderType::Drafts: return 1;
    case FolderType::SentItems: return 2;
    case FolderType::DeletedItems: return 3;
    case FolderType::Outbox: return 5;
    default: return atRoot && isJunkName(folder.name) ? 4 : 6;
    }
}

// Parent shown in the tree: a hidden (non-mail) or unknown parent, or a
// cycle in the parent ids, puts the folder at the root instead of losing it.
QString shownParent(const Folder &folder, const QHash<QString, Folder> &visible)
{
    const QString root = QStringLiteral("0");
    QString up = folder.parentId;
    for (qsizetype steps = 0; visible.contains(up); ++steps) {
        if (up == folder.serverId || steps > visible.size())
            return root; // a cycle
        up = visible.value(up).parentId;
    }
    return visible.contains(folder.parentId) ? folder.parentId : root;
}

using Node = FolderModel::Node;

void sortSiblings(std::vector<std::unique_ptr<Node>> &nodes, bool atRoot)
{
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true);
    std::sort(nodes.begin(), nodes.end(), [&](const auto &a, const auto &b) {
        const Folder &x = a->data.folder, &y = b->data.folder;
        const int rx = rank(x, atRoot), ry = rank(y, atRoot);
        if (rx != ry)
            return rx < ry;
        if (const int c = collator.compare(x.name, y.name))
            return c < 0;
        return x.serverId < y.serverId;
    });
}

} // namespace

FolderModel::FolderModel(const Store *store, QObject *parent)
    : TreeModelBase(parent), m_store(store), m_root(std::make_unique<Node>())
{
    refresh();
}

FolderModel::~FolderModel() = default;

std::vector<std::unique_ptr<FolderModel::Node>> FolderModel::buildTarget() const
{
    if (!hasAccountRows())
        return buildFolders(*m_store, m_accounts.isEmpty() ? m_active : m_accounts.first().key);
    std::vector<std::unique_ptr<Node>> accounts;
    if (m_unified) {
        auto node = std::make_unique<Node>();
        node->key = "unified";
        node->data.isUnified = true;
        node->data.folder = {unifiedInboxId(), QStringLiteral("0"), tr("All Inboxes"), FolderType::Inbox};
        accounts.push_back(std::move(node));
    }
    for (const Account &account : m_accounts) {
        auto node = std::make_unique<Node>();
        node->key = "account:" + account.key.toUtf8();
        node->data.isAccount = true;
        node->data.account = account.key;
        node->data.folder.name = account.label;
        for (auto &folder : buildFolders(*account.store, account.key)) {
            if (folder->data.folder.type == FolderType::Inbox)
                node->data.unread = folder->data.unread;
            node->adopt(std::move(folder));
        }
        if (m_unified)
            accounts.front()->data.unread += node->data.unread;
        accounts.push_back(std::move(node));
    }
    return accounts;
}

std::vector<std::unique_ptr<FolderModel::Node>> FolderModel::buildFolders(const Store &store,
                                                                          const QString &account) const
{
    QHash<QString, Folder> visible;
    for (const Folder &folder : store.folderStore().folders()) {
        if (isMailFolder(folder.type))
            visible.insert(folder.serverId, folder);
    }
    const QHash<QString, int> unread = store.folderStore().unreadCounts();
    const int unsent = int(store.outboxStore().outbox(true).size());
    bool serverOutbox = false;
    std::map<QString, std::vector<std::unique_ptr<Node>>> byParent; // QHash needs copyable values
    for (const Folder &folder : std::as_const(visible)) {
        auto node = std::make_unique<Node>();
        node->key = folder.serverId.toUtf8();
        node->data = {folder, unread.value(folder.serverId), account};
        if (folder.type == FolderType::Outbox) {
            node->data.unread = unsent; // what waits in Skein's outbox, not the server's folder
            serverOutbox = true;
        }
        byParent[shownParent(folder, visible)].push_back(std::move(node));
    }
    // Attach children top-down from the root; a folder whose chain never
    // reaches the root cannot exist here (shownParent broke cycles).
    std::vector<std::unique_ptr<Node>> roots = std::move(byParent[QStringLiteral("0")]);
    sortSiblings(roots, true);
    std::vector<Node *> pending;
    for (auto &root : roots)
        pending.push_back(root.get());
    while (!pending.empty()) {
        Node *node = pending.back();
        pending.pop_back();
        auto children = std::move(byParent[node->data.folder.serverId]);
        sortSiblings(children, false);
        for (auto &child : children)
            pending.push_back(node->adopt(std::move(child)));
    }
    if (unsent > 0 && !serverOutbox && !roots.empty())
        m_localOutboxShown.insert(account);
    if (m_localOutboxShown.contains(account) && !serverOutbox) {
        auto node = std::make_unique<Node>();
        node->key = localOutboxId().toUtf8();
        node->data.folder = {localOutboxId(), QStringLiteral("0"), tr("Outbox"), FolderType::Outbox};
        node->data.unread = unsent;
        node->data.account = account;
        roots.push_back(std::move(node));
    }
    return roots;
}

void FolderModel::refresh()
{
    mergeChildren(m_root.get(), buildTarget(),
                  [](const Entry &a, const Entry &b) { return a == b; }, true);
}

FolderModel::Node *FolderModel::find(Node *under, const QByteArray &key) const
{
    for (const auto &child : under->children) {
        if (child->key == key)
            return child.get();
        if (Node *found = find(child.get(), key))
            return found;
    }
    return nullptr;
}

void FolderModel::setAccounts(const QList<Account> &accounts)
{
    m_accounts = accounts;
    if (!hasAccountRows() && !m_accounts.isEmpty())
        m_active = m_accounts.first().key;
    // Flat and grouped trees share no keys: the merge replaces one with the other.
    refresh();
}

FolderModel::Node *FolderModel::accountNode(const QString &key) const
{
    if (!hasAccountRows())
        return m_root.get();
    const QByteArray wanted = "account:" + key.toUtf8();
    for (const auto &child : m_root->children)
        if (child->key == wanted)
            return child.get();
    return nullptr;
}

void FolderModel::setUnifiedInbox(bool shown)
{
    m_unified = shown;
    refresh();
}

QString FolderModel::unifiedInboxId()
{
    return QStringLiteral("skein-all-inboxes");
}

// All Inboxes belongs to no account: choosing it switches nothing.
QString FolderModel::accountOf(const QModelIndex &index) const
{
    if (!index.isValid() || !hasAccountRows() || nodeOf(index, m_root.get())->data.isUnified)
        return m_active;
    return nodeOf(index, m_root.get())->data.account;
}

bool FolderModel::isAccountRow(const QModelIndex &index) const
{
    return index.isValid() && nodeOf(index, m_root.get())->data.isAccount;
}

QModelIndex FolderModel::indexForAccount(const QString &key) const
{
    return hasAccountRows() ? indexOf(accountNode(key)) : QModelIndex();
}

QModelIndex FolderModel::firstFolderOf(const QString &key) const
{
    Node *account = accountNode(key);
    if (!account || account->children.empty())
        return {};
    for (const auto &child : account->children)
        if (child->data.folder.type == FolderType::Inbox)
            return indexOf(child.get());
    return indexOf(account->children.front().get());
}

QModelIndex FolderModel::indexForFolder(const QString &folderId) const
{
    return indexForFolder(folderId, m_active);
}

QModelIndex FolderModel::indexForFolder(const QString &folderId, const QString &account) const
{
    if (folderId == unifiedInboxId())
        return hasUnifiedRow() ? indexOf(m_root->children.front().get()) : QModelIndex();
    Node *under = accountNode(account);
    return under ? indexOf(find(under, folderId.toUtf8())) : QModelIndex();
}

QString FolderModel::folderId(const QModelIndex &index) const
{
    if (!index.isValid() || isAccountRow(index))
        return {};
    return nodeOf(index, m_root.get())->data.folder.serverId;
}

QString FolderModel::localOutboxId()
{
    return QStringLiteral("skein-local-outbox");
}

QString FolderModel::outboxFolderId() const
{
    const Node *folders = accountNode(m_active);
    if (!folders)
        return {};
    for (const auto &root : folders->children) {
        if (root->data.folder.type == FolderType::Outbox)
            return root->data.folder.serverId;
    }
    if (const std::optional<Folder> server = m_store->folderStore().folderOfType(FolderType::Outbox))
        return server->serverId;
    return {};
}

QModelIndex FolderModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return {};
    return childIndex(nodeOf(parent, m_root.get()), row, column);
}

QModelIndex FolderModel::parent(const QModelIndex &child) const
{
    return parentIndex<Node>(child);
}

int FolderModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent, m_root.get())->children.size());
}

int FolderModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant FolderModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Entry &entry = nodeOf(index, m_root.get())->data;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return entry.folder.name;
    case FolderIdRole:
        return entry.isAccount ? QString() : entry.folder.serverId;
    case AccountRole:
        return entry.account;
    case IsAccountRole:
        return entry.isAccount;
    case FolderTypeRole:
        return entry.isAccount ? -1 : int(entry.folder.type);
    case UnreadCountRole:
        return entry.unread;
    case FolderNameRole:
        return entry.folder.name;
    default:
        return {};
    }
}

QHash<int, QByteArray> FolderModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(FolderIdRole, "folderId");
    names.insert(FolderTypeRole, "folderType");
    names.insert(UnreadCountRole, "unreadCount");
    names.insert(FolderNameRole, "folderName");
    names.insert(AccountRole, "account");
    names.insert(IsAccountRole, "isAccount");
    return names;
}

} // namespace skein
