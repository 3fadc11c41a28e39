#pragma once

#include "ServerStore.h"

#include <WbxmlElement.h>

#include <functional>
#include <optional>

namespace skein::server {

// airsyncbase:BodyPreference, children in request order Type, TruncationSize,
// AllOrNone, Preview.
struct BodyPreference {
    int type = 1;
    std::optional<qint64> truncationSize;
    bool allOrNone = false;
    std::optional<int> preview;
};

struct BodyOptions {
    QList<BodyPreference> preferences;
    // airsyncbase:BodyPartPreference (14.1+, MS-ASCON 3.1.4.10): the client
    // wants the message part; its Type is always 2 when set.
    std::optional<BodyPreference> partPreference;
    int mimeSupport = 0; // airsync:MIMESupport: 0 never MIME, 1 S/MIME only, 2 always
    bool valid = true; // false: duplicate Type or bad values (protocol error)
    // A BodyPartPreference Type other than 2 (HTML): status 164, which each
    // command reports where it reports its BodyPreference errors.
    bool partTypeUnsupported = false;

    // The request asked for the message part alone: no Body then (MS-ASCON 3.2.5.7).
    bool wantsBody() const { return !preferences.isEmpty() || !partPreference; }
};

inline constexpr int kBodyPartTypeNotSupported = 164; // MS-ASCMD common status

// Reads every airsyncbase:BodyPreference and BodyPartPreference child and
// airsync:MIMESupport of an airsync:, itemoperations: or search:Options
// element (nullptr: no preferences). Below 14.1 BodyPartPreference is
// ignored, as Preview is below 14.0: those versions have no message part.
BodyOptions parseBodyOptions(const wbxml::Element *options, int version);

struct SerializeOptions {
    int version = 141;
    bool includeBody = true; // false for ConversationMode members outside the window
    bool conversationIndex = true; // false: PeerQuirks "conversation-index" (SOGo sends none)
    // The whole RFC 5322 message for Body Type 4; unset: Type 4 is never produced.
    std::function<QByteArray(const MessageRow &)> mime;
};

struct EasRequest;
struct ServerContext;
// What every handler serializes with: the request's version, the peer
// quirks (ConversationIndex or not) and Type 4 MIME built from the store.
SerializeOptions serializeOptions(ServerContext &ctx, const EasRequest &request, bool includeBody = true);

// Appends the email properties in Exchange's order to `target`
// (airsync:ApplicationData or itemoperations:Properties).
void appendEmail(wbxml::Element &target, const MessageRow &message, const BodyOptions &body,
                 const SerializeOptions &options);

// Just the airsyncbase:Body (and 14.0+ Preview inside it) for one preference set.
void appendBody(wbxml::Element &target, const MessageRow &message, const BodyOptions &body,
                const SerializeOptions &options);

// The body as HTML: the stored HTML, or plain text escaped with <br> line ends.
QString bodyAsHtml(const MessageRow &message);
QString plainTextToHtml(const QString &text);
// Cuts UTF-8 at a character boundary at or below `limit` bytes.
QByteArray truncateUtf8(const QByteArray &utf8, qint64 limit);

// email:Flag as stored (an empty <Flag/> when not flagged).
void appendFlag(wbxml::Element &target, const MessageRow &message);

QString htmlToText(const QString &html);

} // namespace skein::server
