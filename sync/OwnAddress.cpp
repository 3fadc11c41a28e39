#include "OwnAddress.h"

#include "MimeComposer.h"

#include <QHash>
#include <QUrl>

namespace skein::eas {

QString ownAddress(const Store &store, const AccountSettings &account)
{
    if (!account.email.isEmpty())
        return account.email;
    if (account.user.contains(QLatin1Char('@')))
        return account.user;
    if (const std::optional<Folder> sent = store.folderStore().folderOfType(FolderType::SentItems)) {
        QHash<QString, int> counts;
        for (const Message &m : store.messageStore().messagesInFolder(sent->serverId))
            for (const MailboxAddress &a : parseAddressList(m.from))
                ++counts[a.address.toLower()];
        QString best;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            if (best.isEmpty() || it.value() > counts.value(best))
                best = it.key();
        if (!best.isEmpty())
            return best;
    }
    return account.user + QLatin1Char('@') + QUrl(account.url).host();
}

} // namespace skein::eas
