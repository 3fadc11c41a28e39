#pragma once

#include "ServerStore.h"

#include <QJsonObject>

namespace skein::server {

// Everything tests need to know about a mailbox: users, folders, messages
// (mail only; the items of Calendar folders are listed apart)
// with hex conversationId/conversationIndex, parent ids and server ids, and a
// conversations summary. Printed by `skein-server --data DIR dump --json`.
//
// {"users":[{"name","email","folders":[{"id","parentId","name","type"}],
//   "messages":[{"id","serverId","folderId","folder","subject","from","to","cc",
//     "received","read","flagStatus","importance","bodyType","bodySize",
//     "attachments","conversationId","conversationIndex","depth",
//     "parentId","parentServerId","messageId"}],
//   "calendarItems":[{"id","serverId","folder","subject","organizer","start","end","location"}],
//   "conversations":[{"conversationId","topic","messages":[ids],"maxDepth"}],
//   "conversationRules":[{"conversationId","folderId","folder","created"}]}]}
QJsonObject dumpStore(ServerStore &store);

} // namespace skein::server
