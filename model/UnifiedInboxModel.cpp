#include "UnifiedInboxModel.h"

#include "MessageRows.h"

#include <algorithm>

namespace skein {

UnifiedInboxModel::UnifiedInboxModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void UnifiedInboxModel::setAccounts(const QList<FolderModel::Account> &accounts)
{
    m_accounts = accounts;
    refresh();
}

void UnifiedInboxModel::refresh()
{
    QList<Row> rows;
    for (const FolderModel::Account &account : std::as_const(m_accounts)) {
        const std::optional<Folder> inbox = account.store->folderStore().folderOfType(FolderType::Inbox);
        if (!inbox)
            continue;
        ConversationQuery query;
        query.limit = perAccountLimit;
        for (const ConversationSummary &summary : account.store->conversationStore().conversations(inbox->serverId, query))
            rows.append({account.key, account.label, inbox->serverId, summary});
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row &a, const Row &b) { return a.summary.latest > b.summary.latest; });
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

const UnifiedInboxModel::Row *UnifiedInboxModel::row(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_rows.size())
        return nullptr;
    return &m_rows.at(index.row());
}

QModelIndex UnifiedInboxModel::indexOf(const QString &account, const QByteArray &conversationId, qint64 headId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &r = m_rows.at(i);
        if (r.account != account)
            continue;
        if (conversationId.isEmpty() ? r.summary.conversationId.isEmpty() && r.summary.headId == headId
                                     : r.summary.conversationId == conversationId)
            return index(i, 0);
    }
    return {};
}

int UnifiedInboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant UnifiedInboxModel::data(const QModelIndex &index, int role) const
{
    const Row *r = row(index);
    if (!r)
        return {};
    switch (role) {
    case AccountRole:
        return r->account;
    case FolderIdRole:
        return r->inboxId;
    case FolderNameRole:
        return r->label; // the pill says whose Inbox
    case IsOtherFolderRole:
        return true;
    default:
        return conversationData(r->summary, RowField::Subject, role);
    }
}

} // namespace skein
