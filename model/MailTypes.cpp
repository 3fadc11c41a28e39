#include "MailTypes.h"

namespace skein {

bool isMailFolder(FolderType type)
{
    switch (type) {
    case FolderType::Inbox:
    case FolderType::Drafts:
    case FolderType::DeletedItems:
    case FolderType::SentItems:
    case FolderType::Outbox:
    case FolderType::UserMail:
        return true;
    default:
        return false;
    }
}

} // namespace skein
