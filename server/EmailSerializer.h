#pragma once

#include "ServerStore.h"

#include <WbxmlElement.h>

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
    bool valid = true; // false: duplicate Type or bad values (protocol error)
};

// Reads every airsyncbase:BodyPreference child of an airsync:Options or
// itemoperations:Options element (nullptr: no preferences).
BodyOptions parseBodyOptions(const wbxml::Element *options);

struct SerializeOptions {
    int version = 141;
    bool includeBody = true; // false for ConversationMode members outside the window
};

// Appends the email properties in Exchange's order to `target`
// (airsync:ApplicationData or itemoperations:Properties).
void appendEmail(wbxml::Element &target, const MessageRow &message, const BodyOptions &body,
                 const SerializeOptions &options);

// Just the airsyncbase:Body (and 14.0+ Preview inside it) for one preference set.
void appendBody(wbxml::Element &target, const MessageRow &message, const BodyOptions &body,
                int version, bool includeData);

// email:Flag as stored (an empty <Flag/> when not flagged).
void appendFlag(wbxml::Element &target, const MessageRow &message);

QString htmlToText(const QString &html);

} // namespace skein::server
