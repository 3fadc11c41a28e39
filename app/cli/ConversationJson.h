#pragma once

#include "Store.h"

#include <QJsonArray>
#include <QJsonObject>

namespace skein::cli {

// The `conversations --json` format: one object per conversation with its
// reply tree built from ConversationIndex (see README).
QJsonObject conversationToJson(const Store &store, const ConversationSummary &summary);
QJsonArray conversationsToJson(const Store &store, const QString &folderId);
QJsonArray foldersToJson(const Store &store);

} // namespace skein::cli
