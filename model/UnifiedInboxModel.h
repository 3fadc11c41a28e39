#pragma once

#include "FolderModel.h"
#include "Store.h"

#include <QAbstractListModel>

namespace skein {

// "All Inboxes": the conversations of every account's Inbox in one flat
// list, newest first, each row naming its account (FolderNameRole, drawn as
// the pill the list draws for another folder; IsOtherFolderRole is true).
// Rows carry the conversation list's roles (conversationData), plus
// AccountRole and FolderIdRole (that account's Inbox). The newest
// perAccountLimit conversations of each account are listed: what a glance
// at all Inboxes is for; the account's own Inbox lists everything.
class UnifiedInboxModel : public QAbstractListModel
{
    Q_OBJECT
public:
    static constexpr int perAccountLimit = 300;

    explicit UnifiedInboxModel(QObject *parent = nullptr);

    // The stores are read connections that outlive their use here.
    void setAccounts(const QList<FolderModel::Account> &accounts);
    // Re-reads every account's Inbox.
    void refresh();

    struct Row {
        QString account;
        QString label;
        QString inboxId;
        ConversationSummary summary;
    };
    const Row *row(const QModelIndex &index) const;
    // The row of that conversation (or message, by headId) of that account.
    QModelIndex indexOf(const QString &account, const QByteArray &conversationId, qint64 headId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<FolderModel::Account> m_accounts;
    QList<Row> m_rows;
};

} // namespace skein
