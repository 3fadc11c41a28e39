#include "StatusText.h"

#include <QByteArray>

#include <iterator>

namespace skein::eas {

namespace {

struct Entry {
    int code;
    const char *text;
};

// [MS-ASCMD] Status (Sync); what Skein does follows commands.md §5.9.
constexpr Entry syncTexts[] = {
    {1, "The folder was synchronised successfully."},
    {2, "The server rejected the protocol version Skein used for this folder."},
    {3, "The server says the sync key is invalid; Skein is resynchronising this folder without losing your changes."},
    {4, "The server could not understand Skein's sync request (a protocol error); this is a Skein bug and the request will not be repeated as is."},
    {5, "The server had a temporary problem while synchronising; Skein will try again shortly."},
    {6, "The server refused one change (for example a flag it considers invalid); Skein stopped sending it."},
    {7, "A message was changed both here and on the server at the same time; the server's version was kept."},
    {8, "The message no longer exists on the server; Skein refreshed the folder and dropped your pending change."},
    {9, "Your mailbox is full, so the server could not save the change. Free some space and Skein will retry."},
    {12, "The folder list on the server has changed; Skein is refreshing the folder list and will then synchronise again."},
    {13, "The server lost track of Skein's previous request; Skein is sending the full request again."},
    {14, "The server does not accept the waiting time Skein asked for; Skein will use a value the server allows."},
    {15, "Too many folders were synchronised at once; Skein will synchronise fewer folders per request."},
    {16, "The server had a temporary problem; Skein will send the request again."},
};

// [MS-ASCMD] Status (FolderSync).
constexpr Entry folderSyncTexts[] = {
    {1, "The folder list was updated successfully."},
    {6, "The server had a temporary problem while listing your folders; Skein will try again shortly."},
    {9, "The server no longer recognises Skein's folder list state; Skein is downloading the complete folder list again."},
    {10, "The server could not understand Skein's folder list request; this is a Skein bug."},
    {11, "The server had an unknown problem while listing your folders; Skein will retry and, if needed, download the complete folder list again."},
    {12, "The server had an unusual back-end problem while listing your folders; Skein will retry later."},
};

// [MS-ASCMD] Status (GetItemEstimate) plus MS-ASCON 3.2.5.2's use of 4.
constexpr Entry estimateTexts[] = {
    {1, "The server estimated how many messages are waiting."},
    {2, "The server cannot estimate this folder: it does not hold mail (conversation view applies to mail only), or the server no longer knows it."},
    {3, "The folder has not been prepared for synchronisation yet; Skein is starting its first sync."},
    {4, "The server rejected the estimate request (invalid sync key, or conversation view on a folder that holds no mail); Skein will synchronise the folder first."},
};

// [MS-ASPROV] Status (Provision).
constexpr Entry provisionTexts[] = {
    {1, "The device security policy was set up successfully."},
    {2, "The server could not understand Skein's security policy request (a protocol error)."},
    {3, "The server had a problem while setting up the device security policy; Skein will try again later."},
};

// [MS-ASPROV] Policy/Status sent by the server.
constexpr Entry policyTexts[] = {
    {1, "The server accepted the device security policy."},
    {2, "The server has no security policy for this device, so none is needed."},
    {3, "The server does not know the policy type Skein asked for."},
    {4, "The security policy stored on the server is damaged; please contact your administrator."},
    {5, "Skein acknowledged an outdated security policy; it is setting up the policy again."},
};

// [MS-ASCMD] Status (ItemOperations) and the MS-ASCON conversation Move codes.
constexpr Entry itemOperationsTexts[] = {
    {1, "The operation completed successfully."},
    {2, "The server could not understand Skein's request (a protocol error); this is a Skein bug."},
    {3, "The server had a problem and the operation failed completely or in part; Skein will try again later and refresh the affected folders."},
    {4, "The document address is not valid."},
    {5, "The server denied access to the document."},
    {6, "The message, conversation or destination folder was not found on the server; Skein is refreshing the folder list and the folder."},
    {7, "The server could not connect to the document's location; Skein will try again later."},
    {9, "The server does not support this kind of storage."},
    {12, "The server could not read the file while downloading it; Skein will try again later."},
    {15, "The attachment no longer exists or cannot be identified."},
    {16, "The server denied access to this item."},
    {17, "The operation was only partly completed."},
    {18, "The server needs credentials to reach this document."},
    {105, "A conversation cannot be moved into that folder; choose a mail folder."},
    {155, "The server only moves whole conversations as a permanent rule; Skein will always send it as one."},
    {156, "Conversations can only be moved into a mail folder; choose a different destination."},
};

// [MS-ASCMD] Status (MoveItems); note that 3 is success here.
constexpr Entry moveItemsTexts[] = {
    {1, "The message was already moved or its folder no longer exists; Skein is refreshing the folder list and the folder."},
    {2, "The destination folder no longer exists; Skein is refreshing the folder list."},
    {3, "The message was moved successfully."},
    {4, "The message is already in that folder."},
    {5, "The server could not move the message (it may be locked); Skein will try again later."},
    {7, "The folder is temporarily locked on the server; Skein will try the move again."},
};

// [MS-ASCMD] Status (Search), Store level (top-level uses 1 and 3 alike).
constexpr Entry searchTexts[] = {
    {1, "The search completed successfully."},
    {2, "The server rejected the search request; try different search terms."},
    {3, "The server had a problem while searching; Skein will try again."},
    {4, "The document link in the search is not valid."},
    {5, "The server denied access to what you searched."},
    {6, "Nothing was found at the searched location."},
    {7, "The server could not connect to the searched location; Skein will try again."},
    {8, "The search is too complex for the server; try a simpler search."},
    {10, "The search took too long on the server; Skein will try again."},
    {11, "The folder list has changed; Skein is refreshing it before searching again."},
    {12, "The server returns no more results for this search; refine the search to see other messages."},
    {13, "The server blocked access to what you searched."},
    {14, "The server needs credentials to search this location."},
};

// [MS-ASCMD] Status (Ping).
constexpr Entry pingTexts[] = {
    {1, "No new changes arrived while Skein was waiting."},
    {2, "New changes arrived; Skein is synchronising the changed folders."},
    {3, "The server forgot which folders Skein watches; Skein is telling it again."},
    {4, "The server could not understand Skein's request to watch folders; this is a Skein bug."},
    {5, "The server does not accept the waiting time Skein asked for; Skein will use a value the server allows."},
    {6, "Skein is watching more folders than the server allows; it will watch fewer."},
    {7, "The folder list on the server has changed; Skein is refreshing it."},
    {8, "The server had a problem while watching for new mail; Skein will try again later."},
};

// [MS-ASCMD] 2.2.3.177.x Status of SendMail, SmartReply and SmartForward
// (the common codes as they bear on sending; docs/protocol.md "Sending
// mail"). Success is an empty body, so 1 only appears here for completeness.
// What Skein does: 111, 114 and 133 keep the message waiting in the outbox
// for the next connection; 118 counts as sent; every other code leaves the
// message in the outbox as refused, for the user to edit or delete.
constexpr Entry composeTexts[] = {
    {1, "The message was sent."},
    {101, "The server could not read the message request (invalid content); this is a Skein bug. The message stays in the Outbox."},
    {102, "The server could not decode the message request (invalid WBXML); this is a Skein bug. The message stays in the Outbox."},
    {103, "The server says the message request does not follow the protocol; this is a Skein bug. The message stays in the Outbox."},
    {104, "The server could not understand a date in the message."},
    {105, "The message names a source message with identifiers that do not belong together."},
    {106, "The server could not understand the identifier of the message being answered or forwarded."},
    {107, "The server could not read the message (its MIME is not valid); it was not sent."},
    {108, "The server rejected this device's identifier; the message was not sent."},
    {109, "The server rejected this device's type; the message was not sent."},
    {110, "The server had an error while sending the message; it was not sent. Edit or send it again from the Outbox."},
    {111, "The server had a temporary error; the message waits in the Outbox and Skein will send it again."},
    {112, "The server cannot find your account in its directory, so it could not send the message; please contact your administrator."},
    {113, "Your mailbox is full, so the server could not send the message. Delete some messages and send it again."},
    {114, "Your mailbox server is offline; the message waits in the Outbox and Skein will send it again."},
    {115, "You have reached your sending limit; the message was not sent."},
    {116, "One of the recipients could not be found; check the addresses and send the message again."},
    {117, "The server does not allow replying to or forwarding this message."},
    {118, "The server already has this message (it was sent by an earlier attempt); it was not sent twice."},
    {119, "The message has no recipient; add at least one and send it again."},
    {120, "The server could not submit the message for delivery; edit or send it again from the Outbox."},
    {121, "The server could not create the reply; the message stays in the Outbox so you can try again."},
    {122, "An attachment is too large for the server; remove or shrink it and send the message again."},
    {123, "The server found no mailbox for your account, so it could not send the message."},
    {124, "The server does not allow sending without signing in."},
    {125, "The server cannot find your user account, so it could not send the message."},
    {126, "Your account is not allowed to use Exchange ActiveSync, so it could not send the message."},
    {129, "This device is blocked for your account; the message was not sent."},
    {130, "You are not allowed to send this message."},
    {131, "Your account is disabled; the message was not sent."},
    {133, "Your mailbox is being moved on the server; the message waits in the Outbox and Skein will send it again."},
    {145, "The server does not allow externally managed devices; the message was not sent."},
    {146, "The meeting is not recurring, so a single occurrence cannot be forwarded."},
    {150, "The message you answered or forwarded is no longer on the server (it was moved or deleted); send it as a new message instead."},
    {166, "The account used for sending is not valid."},
    {167, "This account is not allowed to send mail."},
    {168, "Rights management is disabled on the server, so the protected message was not sent."},
    {169, "Rights management had a temporary problem; the message was not sent."},
    {170, "Rights management failed for this message; it was not sent."},
    {171, "The rights management template is not valid; the message was not sent."},
    {172, "Rights management does not permit this message to be sent."},
    {178, "The server cannot forward the message with this combination of options."},
    {179, "The server could not understand the forwarding recipients."},
};

// [MS-ASCMD] 2.2.2 Common Status Codes, shared by all commands in 14.0+.
constexpr Entry commonTexts[] = {
    {101, "The server could not read Skein's request (invalid content); this is a Skein bug."},
    {102, "The server could not decode Skein's request (invalid WBXML); this is a Skein bug."},
    {103, "The server says Skein's request does not follow the protocol (invalid XML); this is a Skein bug."},
    {104, "The server could not understand a date in Skein's request."},
    {105, "The request combined identifiers that do not belong together."},
    {106, "The server could not understand an identifier in Skein's request."},
    {107, "The server could not read the message Skein tried to send."},
    {108, "The server rejected this device's identifier."},
    {109, "The server rejected this device's type."},
    {110, "The server had an unexpected error; Skein will not repeat this request automatically."},
    {111, "The server had a temporary error; Skein will try again later."},
    {112, "The server cannot access your account in the directory; please contact your administrator."},
    {113, "Your mailbox is full. Delete some messages to continue."},
    {114, "Your mailbox server is offline; Skein will try again later."},
    {115, "You have reached your sending limit; the message was not sent."},
    {116, "One of the recipients could not be found; check the addresses."},
    {117, "The server does not allow replying to this message."},
    {118, "This message was already sent."},
    {119, "The message has no recipient; add at least one."},
    {120, "The server could not deliver the message; Skein will keep it so you can try again."},
    {121, "The server could not create the reply; Skein will keep it so you can try again."},
    {122, "An attachment is too large for the server."},
    {123, "The server found no mailbox for your account."},
    {124, "The server does not allow anonymous access; please sign in."},
    {125, "The server cannot find your user account."},
    {126, "Your account is not allowed to use Exchange ActiveSync; please contact your administrator."},
    {127, "The server is configured not to synchronise your mailbox."},
    {128, "Your mailbox is on an older server that does not allow synchronisation."},
    {129, "This device is blocked for your account; please contact your administrator."},
    {130, "You are not allowed to perform this action."},
    {131, "Your account is disabled; please contact your administrator."},
    {132, "The server lost its synchronisation data; Skein will resynchronise the affected folders."},
    {133, "Your mailbox is being moved on the server; Skein will try again later."},
    {134, "The server's synchronisation data is damaged; Skein will resynchronise the affected folders."},
    {135, "A synchronisation was already starting on the server; Skein will try again."},
    {136, "The server's synchronisation data is from an incompatible version; Skein will resynchronise the affected folders."},
    {137, "The server does not support this command."},
    {138, "The server does not support this command in the protocol version Skein uses."},
    {139, "This device cannot fully apply the server's security policies."},
    {140, "The server requested that this device be wiped; Skein is contacting the server to confirm."},
    {141, "The server's security policy does not allow this kind of device."},
    {142, "The server requires a device security policy; Skein is setting it up."},
    {143, "The server's security policy needs refreshing; Skein is updating it."},
    {144, "The security policy on this device is out of date; Skein is updating it."},
    {145, "The server does not allow externally managed devices."},
    {146, "The meeting is not recurring, so a single occurrence cannot be forwarded."},
    {147, "The server does not know this type of item."},
    {148, "The server could not reach the remote server securely."},
    {149, "The server could not repeat Skein's previous request; Skein is sending the full request again."},
    {150, "The original message was not found on the server; it may have been moved or deleted."},
    {151, "Your mailbox has too many folders for the server."},
    {152, "The server found no folders in your mailbox."},
    {153, "Some messages could not be found after they were moved."},
    {154, "The server had an error while moving the messages."},
    {155, "The server only moves whole conversations as a permanent rule."},
    {156, "The destination folder is not valid for this move."},
    {160, "Too many recipients for the availability check."},
    {161, "A distribution list is too large for the availability check."},
    {162, "The availability service had a temporary problem; Skein will try again later."},
    {163, "The availability service failed."},
    {164, "The server does not support the message-part format Skein asked for; Skein will fetch the whole message."},
    {165, "The server needs this device's information before setting up the security policy."},
    {166, "The account used for sending is not valid."},
    {167, "This account is not allowed to send mail."},
    {168, "Rights management is disabled on the server."},
    {169, "Rights management had a temporary problem; Skein will try again later."},
    {170, "Rights management failed for this message."},
    {171, "The rights management template is not valid."},
    {172, "Rights management does not permit this operation."},
    {173, "This contact has no picture."},
    {174, "The picture is too large."},
    {175, "Too many pictures were requested."},
    {176, "The conversation is too large for the server to split into parts; Skein will show the full messages instead."},
    {177, "Your account has reached its maximum number of devices; remove an old device on the server to continue."},
    {178, "The server cannot forward the message with this combination of options."},
    {179, "The server could not understand the forwarding details."},
    {183, "The draft has no recipients or an invalid address."},
    {184, "Some changes to the meeting series could not be saved."},
};

template <std::size_t N>
const char *lookup(const Entry (&table)[N], int code)
{
    for (const Entry &e : table)
        if (e.code == code)
            return e.text;
    return nullptr;
}

bool isCommand(QByteArrayView command, const char *name)
{
    return command.compare(QByteArrayView(name), Qt::CaseInsensitive) == 0;
}

const char *commandSpecific(QByteArrayView command, int status)
{
    if (isCommand(command, "Sync"))
        return lookup(syncTexts, status);
    if (isCommand(command, "FolderSync"))
        return lookup(folderSyncTexts, status);
    if (isCommand(command, "GetItemEstimate"))
        return lookup(estimateTexts, status);
    if (isCommand(command, "Provision"))
        return lookup(provisionTexts, status);
    if (isCommand(command, "Provision.Policy"))
        return lookup(policyTexts, status);
    if (isCommand(command, "ItemOperations") || isCommand(command, "ItemOperations.Move"))
        return lookup(itemOperationsTexts, status);
    if (isCommand(command, "MoveItems"))
        return lookup(moveItemsTexts, status);
    if (isCommand(command, "Search"))
        return lookup(searchTexts, status);
    if (isCommand(command, "Ping"))
        return lookup(pingTexts, status);
    if (isCommand(command, "SendMail") || isCommand(command, "SmartReply") || isCommand(command, "SmartForward"))
        return lookup(composeTexts, status);
    if (status == 1)
        return "The request completed successfully.";
    return nullptr;
}

} // namespace

QString statusText(QByteArrayView command, int status)
{
    if (const char *text = commandSpecific(command, status))
        return QString::fromUtf8(text);
    if (status > 100)
        if (const char *text = lookup(commonTexts, status))
            return QString::fromUtf8(text);
    return QStringLiteral("The server answered %1 with status %2, a code Skein has no "
                          "explanation for; it will retry later.")
        .arg(QString::fromUtf8(command.data(), command.size()))
        .arg(status);
}

} // namespace skein::eas
