#pragma once

#include <Qt>

namespace skein {

// Custom item data roles of FolderModel, ConversationListModel and
// ConversationModel. Unscoped so a role passes straight to data(index, role).
// Fonts and icons are Gui types and the models are QtCore only: the ui derives
// bold text from ReadRole / UnreadCountRole and icons from FolderTypeRole.
enum ModelRole : int {
    ServerIdRole = Qt::UserRole + 1, // QString; a conversation row: set for a singleton only
    FolderIdRole,                    // QString
    FolderTypeRole,                  // int, a FolderType
    ConversationIdRole,              // QByteArray; empty for a message without one
    MessageCountRole,                // int; a message row: 1
    UnreadCountRole,                 // int; a folder: its unread messages
    FlaggedRole,                     // bool: an active flag (any message of a conversation)
    HasAttachmentsRole,              // bool
    ParticipantsRole,                // QStringList: senders, newest first, unique
    UnreadSendersRole,               // QStringList: senders of unread messages (drawn bold)
    LatestDateRole,                  // QDateTime (UTC): newest message of the row
    ReadRole,                        // bool; a conversation row: no unread message
    FlagStatusRole,                  // int, a FlagStatus
    DepthRole,                       // int: reply depth (thread starter = 0)
    GapAboveRole,                    // bool: earlier messages of the thread are not shown
    FolderNameRole,                  // QString: the folder the message lives in
    IsOtherFolderRole,               // bool: not in the folder being listed (e.g. Sent Items)
    TreeInferredRole,                // bool: placed by date, the server sent no usable index
    SortDateRole,                    // QDateTime (UTC): the date the row sorts by
    // Additions beyond the list above, for the reading pane and delegates.
    IsConversationRole,              // bool: a conversation row (top level of the list)
    SubjectRole,                     // QString
    SenderRole,                      // QString: From of a message
    PreviewRole,                     // QString: plain-text preview
    HasBodyRole,                     // bool: some body text is stored locally
    BodyTruncatedRole,               // bool: the stored body is incomplete
    HasSentCopyRole,                 // bool: a copy lives in Sent Items ("you replied")
    ImportanceRole,                  // int: 0 low, 1 normal, 2 high
    TreeBasisRole,                   // int, a TreeBasis: what the reply tree rests on
    ConversationInferredRole,        // bool: Skein grouped this conversation (no server id)
    AccountRole,                     // QString: a folder pane row's account key ("" the default)
    IsAccountRole,                   // bool: the folder pane's row of an account itself
};

} // namespace skein
