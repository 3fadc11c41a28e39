#include "StatusText.h"

#include <QByteArray>
#include <QCoreApplication>

#include <iterator>

namespace skein::eas {

namespace {

// English in the source, marked for lupdate; statusText() translates on lookup.
struct Entry {
    int code;
    const char *text;
};

// [MS-ASCMD] Status (Sync); what Skein does follows commands.md §5.9.
constexpr Entry syncTexts[] = {
    {1, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The folder was synchronised successfully.")},
    {2, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server rejected the protocol version Skein used for this folder.")},
    {3, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server says the sync key is invalid; Skein is resynchronising this folder without losing your changes.")},
    {4, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server could not understand Skein's sync request (a protocol error); this is a Skein bug and the request will not be repeated as is.")},
    {5, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server had a temporary problem while synchronising; Skein will try again shortly.")},
    {6, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server refused one change (for example a flag it considers invalid); Skein stopped sending it.")},
    {7, QT_TRANSLATE_NOOP("skein::eas::StatusText", "A message was changed both here and on the server at the same time; the server's version was kept.")},
    {8, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The message no longer exists on the server; Skein refreshed the folder and dropped your pending change.")},
    {9, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Your mailbox is full, so the server could not save the change. Free some space and Skein will retry.")},
    {12, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The folder list on the server has changed; Skein is refreshing the folder list and will then synchronise again.")},
    {13, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server lost track of Skein's previous request; Skein is sending the full request again.")},
    {14, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server does not accept the waiting time Skein asked for; Skein will use a value the server allows.")},
    {15, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Too many folders were synchronised at once; Skein will synchronise fewer folders per request.")},
    {16, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server had a temporary problem; Skein will send the request again.")},
};

// [MS-ASCMD] Status (FolderSync).
constexpr Entry folderSyncTexts[] = {
    {1, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The folder list was updated successfully.")},
    {6, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server had a temporary problem while listing your folders; Skein will try again shortly.")},
    {9, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server no longer recognises Skein's folder list state; Skein is downloading the complete folder list again.")},
    {10, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server could not understand Skein's folder list request; this is a Skein bug.")},
    {11, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server had an unknown problem while listing your folders; Skein will retry and, if needed, download the complete folder list again.")},
    {12, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server had an unusual back-end problem while listing your folders; Skein will retry later.")},
};

// [MS-ASCMD] Status (GetItemEstimate) plus MS-ASCON 3.2.5.2's use of 4.
constexpr Entry estimateTexts[] = {
    {1, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server estimated how many messages are waiting.")},
    {2, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server cannot estimate this folder: it does not hold mail (conversation view applies to mail only), or the server no longer knows it.")},
    {3, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The folder has not been prepared for synchronisation yet; Skein is starting its first sync.")},
    {4, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server rejected the estimate request (invalid sync key, or conversation view on a folder that holds no mail); Skein will synchronise the folder first.")},
};

// [MS-ASPROV] Status (Provision).
constexpr Entry provisionTexts[] = {
    {1, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The device security policy was set up successfully.")},
    {2, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server could not understand Skein's security policy request (a protocol error).")},
    {3, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server had a problem while setting up the device security policy; Skein will try again later.")},
};

// [MS-ASPROV] Policy/Status sent by the server.
constexpr Entry policyTexts[] = {
    {1, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server accepted the device security policy.")},
    {2, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server has no security policy for this device, so none is needed.")},
    {3, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server does not know the policy type Skein asked for.")},
    {4, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The security policy stored on the server is damaged; please contact your administrator.")},
    {5, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Skein acknowledged an outdated security policy; it is setting up the policy again.")},
};

// [MS-ASCMD] Status (ItemOperations) and the MS-ASCON conversation Move codes.
constexpr Entry itemOperationsTexts[] = {
    {1, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The operation completed successfully.")},
    {2, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server could not understand Skein's request (a protocol error); this is a Skein bug.")},
    {3, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server had a problem and the operation failed completely or in part; Skein will try again later and refresh the affected folders.")},
    {4, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The document address is not valid.")},
    {5, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server denied access to the document.")},
    {6, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The message, conversation or destination folder was not found on the server; Skein is refreshing the folder list and the folder.")},
    {7, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server could not connect to the document's location; Skein will try again later.")},
    {9, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server does not support this kind of storage.")},
    {12, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server could not read the file while downloading it; Skein will try again later.")},
    {15, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The attachment no longer exists or cannot be identified.")},
    {16, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server denied access to this item.")},
    {17, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The operation was only partly completed.")},
    {18, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server needs credentials to reach this document.")},
    {105, QT_TRANSLATE_NOOP("skein::eas::StatusText", "A conversation cannot be moved into that folder; choose a mail folder.")},
    {155, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server only moves whole conversations as a permanent rule; Skein will always send it as one.")},
    {156, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Conversations can only be moved into a mail folder; choose a different destination.")},
};

// [MS-ASCMD] Status (MoveItems); note that 3 is success here.
constexpr Entry moveItemsTexts[] = {
    {1, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The message was already moved or its folder no longer exists; Skein is refreshing the folder list and the folder.")},
    {2, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The destination folder no longer exists; Skein is refreshing the folder list.")},
    {3, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The message was moved successfully.")},
    {4, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The message is already in that folder.")},
    {5, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server could not move the message (it may be locked); Skein will try again later.")},
    {7, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The folder is temporarily locked on the server; Skein will try the move again.")},
};

// [MS-ASCMD] Status (Search), Store level (top-level uses 1 and 3 alike).
constexpr Entry searchTexts[] = {
    {1, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The search completed successfully.")},
    {2, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server rejected the search request; try different search terms.")},
    {3, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server had a problem while searching; Skein will try again.")},
    {4, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The document link in the search is not valid.")},
    {5, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server denied access to what you searched.")},
    {6, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Nothing was found at the searched location.")},
    {7, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server could not connect to the searched location; Skein will try again.")},
    {8, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The search is too complex for the server; try a simpler search.")},
    {10, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The search took too long on the server; Skein will try again.")},
    {11, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The folder list has changed; Skein is refreshing it before searching again.")},
    {12, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server returns no more results for this search; refine the search to see other messages.")},
    {13, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server blocked access to what you searched.")},
    {14, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server needs credentials to search this location.")},
};

// [MS-ASCMD] Status (Ping).
constexpr Entry pingTexts[] = {
    {1, QT_TRANSLATE_NOOP("skein::eas::StatusText", "No new changes arrived while Skein was waiting.")},
    {2, QT_TRANSLATE_NOOP("skein::eas::StatusText", "New changes arrived; Skein is synchronising the changed folders.")},
    {3, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server forgot which folders Skein watches; Skein is telling it again.")},
    {4, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server could not understand Skein's request to watch folders; this is a Skein bug.")},
    {5, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server does not accept the waiting time Skein asked for; Skein will use a value the server allows.")},
    {6, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Skein is watching more folders than the server allows; it will watch fewer.")},
    {7, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The folder list on the server has changed; Skein is refreshing it.")},
    {8, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server had a problem while watching for new mail; Skein will try again later.")},
};

// [MS-ASCMD] 2.2.3.177.x Status of SendMail, SmartReply and SmartForward
// (the common codes as they bear on sending; docs/protocol.md "Sending
// mail"). Success is an empty body, so 1 only appears here for completeness.
// What Skein does: 111, 114 and 133 keep the message waiting in the outbox
// for the next connection; 118 counts as sent; every other code leaves the
// message in the outbox as refused, for the user to edit or delete.
constexpr Entry composeTexts[] = {
    {1, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The message was sent.")},
    {101, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server could not read the message request (invalid content); this is a Skein bug. The message stays in the Outbox.")},
    {102, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server could not decode the message request (invalid WBXML); this is a Skein bug. The message stays in the Outbox.")},
    {103, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server says the message request does not follow the protocol; this is a Skein bug. The message stays in the Outbox.")},
    {104, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server could not understand a date in the message.")},
    {105, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The message names a source message with identifiers that do not belong together.")},
    {106, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server could not understand the identifier of the message being answered or forwarded.")},
    {107, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server could not read the message (its MIME is not valid); it was not sent.")},
    {108, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server rejected this device's identifier; the message was not sent.")},
    {109, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server rejected this device's type; the message was not sent.")},
    {110, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server had an error while sending the message; it was not sent. Edit or send it again from the Outbox.")},
    {111, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server had a temporary error; the message waits in the Outbox and Skein will send it again.")},
    {112, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server cannot find your account in its directory, so it could not send the message; please contact your administrator.")},
    {113, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Your mailbox is full, so the server could not send the message. Delete some messages and send it again.")},
    {114, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Your mailbox server is offline; the message waits in the Outbox and Skein will send it again.")},
    {115, QT_TRANSLATE_NOOP("skein::eas::StatusText", "You have reached your sending limit; the message was not sent.")},
    {116, QT_TRANSLATE_NOOP("skein::eas::StatusText", "One of the recipients could not be found; check the addresses and send the message again.")},
    {117, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server does not allow replying to or forwarding this message.")},
    {118, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server already has this message (it was sent by an earlier attempt); it was not sent twice.")},
    {119, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The message has no recipient; add at least one and send it again.")},
    {120, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server could not submit the message for delivery; edit or send it again from the Outbox.")},
    {121, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server could not create the reply; the message stays in the Outbox so you can try again.")},
    {122, QT_TRANSLATE_NOOP("skein::eas::StatusText", "An attachment is too large for the server; remove or shrink it and send the message again.")},
    {123, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server found no mailbox for your account, so it could not send the message.")},
    {124, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server does not allow sending without signing in.")},
    {125, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server cannot find your user account, so it could not send the message.")},
    {126, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Your account is not allowed to use Exchange ActiveSync, so it could not send the message.")},
    {129, QT_TRANSLATE_NOOP("skein::eas::StatusText", "This device is blocked for your account; the message was not sent.")},
    {130, QT_TRANSLATE_NOOP("skein::eas::StatusText", "You are not allowed to send this message.")},
    {131, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Your account is disabled; the message was not sent.")},
    {133, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Your mailbox is being moved on the server; the message waits in the Outbox and Skein will send it again.")},
    {145, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server does not allow externally managed devices; the message was not sent.")},
    {146, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The meeting is not recurring, so a single occurrence cannot be forwarded.")},
    {150, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The message you answered or forwarded is no longer on the server (it was moved or deleted); send it as a new message instead.")},
    {166, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The account used for sending is not valid.")},
    {167, QT_TRANSLATE_NOOP("skein::eas::StatusText", "This account is not allowed to send mail.")},
    {168, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Rights management is disabled on the server, so the protected message was not sent.")},
    {169, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Rights management had a temporary problem; the message was not sent.")},
    {170, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Rights management failed for this message; it was not sent.")},
    {171, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The rights management template is not valid; the message was not sent.")},
    {172, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Rights management does not permit this message to be sent.")},
    {178, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server cannot forward the message with this combination of options.")},
    {179, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server could not understand the forwarding recipients.")},
};

// [MS-ASCMD] 2.2.2 Common Status Codes, shared by all commands in 14.0+.
constexpr Entry commonTexts[] = {
    {101, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server could not read Skein's request (invalid content); this is a Skein bug.")},
    {102, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server could not decode Skein's request (invalid WBXML); this is a Skein bug.")},
    {103, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server says Skein's request does not follow the protocol (invalid XML); this is a Skein bug.")},
    {104, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server could not understand a date in Skein's request.")},
    {105, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The request combined identifiers that do not belong together.")},
    {106, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server could not understand an identifier in Skein's request.")},
    {107, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server could not read the message Skein tried to send.")},
    {108, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server rejected this device's identifier.")},
    {109, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server rejected this device's type.")},
    {110, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server had an unexpected error; Skein will not repeat this request automatically.")},
    {111, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server had a temporary error; Skein will try again later.")},
    {112, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server cannot access your account in the directory; please contact your administrator.")},
    {113, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Your mailbox is full. Delete some messages to continue.")},
    {114, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Your mailbox server is offline; Skein will try again later.")},
    {115, QT_TRANSLATE_NOOP("skein::eas::StatusText", "You have reached your sending limit; the message was not sent.")},
    {116, QT_TRANSLATE_NOOP("skein::eas::StatusText", "One of the recipients could not be found; check the addresses.")},
    {117, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server does not allow replying to this message.")},
    {118, QT_TRANSLATE_NOOP("skein::eas::StatusText", "This message was already sent.")},
    {119, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The message has no recipient; add at least one.")},
    {120, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server could not deliver the message; Skein will keep it so you can try again.")},
    {121, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server could not create the reply; Skein will keep it so you can try again.")},
    {122, QT_TRANSLATE_NOOP("skein::eas::StatusText", "An attachment is too large for the server.")},
    {123, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server found no mailbox for your account.")},
    {124, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server does not allow anonymous access; please sign in.")},
    {125, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server cannot find your user account.")},
    {126, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Your account is not allowed to use Exchange ActiveSync; please contact your administrator.")},
    {127, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server is configured not to synchronise your mailbox.")},
    {128, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Your mailbox is on an older server that does not allow synchronisation.")},
    {129, QT_TRANSLATE_NOOP("skein::eas::StatusText", "This device is blocked for your account; please contact your administrator.")},
    {130, QT_TRANSLATE_NOOP("skein::eas::StatusText", "You are not allowed to perform this action.")},
    {131, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Your account is disabled; please contact your administrator.")},
    {132, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server lost its synchronisation data; Skein will resynchronise the affected folders.")},
    {133, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Your mailbox is being moved on the server; Skein will try again later.")},
    {134, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server's synchronisation data is damaged; Skein will resynchronise the affected folders.")},
    {135, QT_TRANSLATE_NOOP("skein::eas::StatusText", "A synchronisation was already starting on the server; Skein will try again.")},
    {136, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server's synchronisation data is from an incompatible version; Skein will resynchronise the affected folders.")},
    {137, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server does not support this command.")},
    {138, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server does not support this command in the protocol version Skein uses.")},
    {139, QT_TRANSLATE_NOOP("skein::eas::StatusText", "This device cannot fully apply the server's security policies.")},
    {140, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server requested that this device be wiped; Skein is contacting the server to confirm.")},
    {141, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server's security policy does not allow this kind of device.")},
    {142, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server requires a device security policy; Skein is setting it up.")},
    {143, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server's security policy needs refreshing; Skein is updating it.")},
    {144, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The security policy on this device is out of date; Skein is updating it.")},
    {145, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server does not allow externally managed devices.")},
    {146, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The meeting is not recurring, so a single occurrence cannot be forwarded.")},
    {147, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server does not know this type of item.")},
    {148, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server could not reach the remote server securely.")},
    {149, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server could not repeat Skein's previous request; Skein is sending the full request again.")},
    {150, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The original message was not found on the server; it may have been moved or deleted.")},
    {151, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Your mailbox has too many folders for the server.")},
    {152, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server found no folders in your mailbox.")},
    {153, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Some messages could not be found after they were moved.")},
    {154, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server had an error while moving the messages.")},
    {155, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server only moves whole conversations as a permanent rule.")},
    {156, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The destination folder is not valid for this move.")},
    {160, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Too many recipients for the availability check.")},
    {161, QT_TRANSLATE_NOOP("skein::eas::StatusText", "A distribution list is too large for the availability check.")},
    {162, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The availability service had a temporary problem; Skein will try again later.")},
    {163, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The availability service failed.")},
    {164, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server does not support the message-part format Skein asked for; Skein will fetch the whole message.")},
    {165, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server needs this device's information before setting up the security policy.")},
    {166, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The account used for sending is not valid.")},
    {167, QT_TRANSLATE_NOOP("skein::eas::StatusText", "This account is not allowed to send mail.")},
    {168, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Rights management is disabled on the server.")},
    {169, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Rights management had a temporary problem; Skein will try again later.")},
    {170, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Rights management failed for this message.")},
    {171, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The rights management template is not valid.")},
    {172, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Rights management does not permit this operation.")},
    {173, QT_TRANSLATE_NOOP("skein::eas::StatusText", "This contact has no picture.")},
    {174, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The picture is too large.")},
    {175, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Too many pictures were requested.")},
    {176, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The conversation is too large for the server to split into parts; Skein will show the full messages instead.")},
    {177, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Your account has reached its maximum number of devices; remove an old device on the server to continue.")},
    {178, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server cannot forward the message with this combination of options.")},
    {179, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The server could not understand the forwarding details.")},
    {183, QT_TRANSLATE_NOOP("skein::eas::StatusText", "The draft has no recipients or an invalid address.")},
    {184, QT_TRANSLATE_NOOP("skein::eas::StatusText", "Some changes to the meeting series could not be saved.")},
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
        return QT_TRANSLATE_NOOP("skein::eas::StatusText", "The request completed successfully.");
    return nullptr;
}

} // namespace

QString statusText(QByteArrayView command, int status)
{
    if (const char *text = commandSpecific(command, status))
        return QCoreApplication::translate("skein::eas::StatusText", text);
    if (status > 100)
        if (const char *text = lookup(commonTexts, status))
            return QCoreApplication::translate("skein::eas::StatusText", text);
    return QCoreApplication::translate("skein::eas::StatusText", "The server answered %1 with status %2, a code Skein has no "
                                                                 "explanation for; it will retry later.")
        .arg(QString::fromUtf8(command.data(), command.size()))
        .arg(status);
}

} // namespace skein::eas
