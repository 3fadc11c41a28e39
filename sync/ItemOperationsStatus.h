#pragma once

// How every ItemOperations exchange of the mailbox looks ([MS-ASCMD]
// ItemOperations): a Fetch names its item by CollectionId and ServerId (SOGo
// 5.8 empties a folder named outside a Fetch), and an answer begins with the
// root element and its top-level Status, which covers all its operations.

#include "EasTags.h"
#include "WbxmlElement.h"

#include <QList>
#include <QString>

namespace skein::eas {

// Appends a Fetch of one mail item to an ItemOperations request; returns its
// Options for the caller's body preference.
inline wbxml::Element &addMailboxFetch(wbxml::Element &root, const QString &folderId, const QString &serverId)
{
    Q_ASSERT(!folderId.isEmpty() && !serverId.isEmpty());
    wbxml::Element &fetch = root.add(wbxml::tag::ItemOperations::Fetch);
    fetch.add(wbxml::tag::ItemOperations::Store, "Mailbox");
    fetch.add(wbxml::tag::AirSync::CollectionId, folderId);
    fetch.add(wbxml::tag::AirSync::ServerId, serverId);
    return fetch.add(wbxml::tag::ItemOperations::Options);
}

// Sets result.status (0 and result.error when the body is not an
// ItemOperations response). True when the operations are worth reading
// (Status 1).
template<typename Result>
bool readItemOperationsStatus(const wbxml::Element *root, Result &result)
{
    if (!root || !root->is(wbxml::tag::ItemOperations::ItemOperations)) {
        result.status = 0;
        result.error = root ? QStringLiteral("response root is not ItemOperations")
                            : QStringLiteral("empty ItemOperations response");
        return false;
    }
    result.status = root->childInt(wbxml::tag::ItemOperations::Status, 1);
    return result.status == 1;
}

// One Fetch of an answer: which item it is about, and how it went.
struct FetchAnswer {
    int status = 1;  // Response/Fetch/Status; 1: found
    QString folderId;
    QString serverId;
    const wbxml::Element *properties = nullptr; // inside the answer's tree
};

// The Fetch answers of an ItemOperations response, in order; empty (with
// result.status or result.error set) when there are none to read.
template<typename Result>
QList<FetchAnswer> readFetchAnswers(const wbxml::Element *root, Result &result)
{
    QList<FetchAnswer> answers;
    if (!readItemOperationsStatus(root, result))
        return answers;
    const wbxml::Element *response = root->child(wbxml::tag::ItemOperations::Response);
    if (!response) {
        result.error = QStringLiteral("ItemOperations response without Response");
        return answers;
    }
    for (const wbxml::Element *fetch : response->all(wbxml::tag::ItemOperations::Fetch))
        answers.append({fetch->childInt(wbxml::tag::ItemOperations::Status, 1),
                        fetch->childText(wbxml::tag::AirSync::CollectionId),
                        fetch->childText(wbxml::tag::AirSync::ServerId),
                        fetch->child(wbxml::tag::ItemOperations::Properties)});
    return answers;
}

} // namespace skein::eas
