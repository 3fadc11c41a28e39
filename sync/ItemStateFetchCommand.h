#pragma once

#include "MailTypes.h"
#include "WbxmlElement.h"

#include <QList>
#include <QString>

#include <optional>

namespace skein::eas {

// ItemOperations with one Fetch per message ([MS-ASCMD] 2.2.1.10) to read
// what the server holds now: whether the message is still in its folder,
// and its Read and Flag. The replay asks before re-sending a change whose
// request may or may not have reached the server (the process died while
// it was on its way): compare first, apply only what is missing. The body
// is asked for as plain text truncated to a few bytes, since only the
// properties matter. A command without items has no request.
class ItemStateFetchCommand
{
public:
    static constexpr const char *name = "ItemOperations";
    static constexpr int kTruncationSize = 16;
    static constexpr int kBatchSize = 50; // Fetch elements per request

    struct Item {
        QString folderId;
        QString serverId;
    };
    explicit ItemStateFetchCommand(QList<Item> items);

    bool isEmpty() const { return m_items.isEmpty(); }
    wbxml::Element request() const;

    struct Fetched {
        int status = 1;                // Response/Fetch/Status; 1: found
        QString folderId;
        QString serverId;
        std::optional<bool> read;      // absent when the server did not say
        std::optional<FlagState> flag; // an empty <Flag/> is no flag
    };
    struct Result {
        int status = 1;                // top-level ItemOperations Status
        QList<Fetched> fetched;        // in response order
        QString error;

        const Fetched *find(const QString &folderId, const QString &serverId) const;
    };
    static Result parse(const wbxml::Element *root);

private:
    QList<Item> m_items;
};

} // namespace skein::eas
