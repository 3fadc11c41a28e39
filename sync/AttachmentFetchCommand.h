#pragma once

#include "WbxmlElement.h"

#include <QByteArray>
#include <QString>

namespace skein::eas {

// ItemOperations Fetch of one attachment by airsyncbase:FileReference
// ([MS-ASCMD] 2.2.1.10, 14.0 and later): Store Mailbox + FileReference.
// The answer carries the bytes base64-encoded inside the WBXML
// (Properties/Data) with ContentType, or, when the request said
// MS-ASAcceptMultiPart, in a part of their own that Properties/Part names
// (AttachmentDownloader streams that one; docs/protocol.md).
class AttachmentFetchCommand
{
public:
    static constexpr const char *name = "ItemOperations";

    explicit AttachmentFetchCommand(QString fileReference) : m_fileReference(std::move(fileReference)) {}

    wbxml::Element request() const;

    struct Result {
        int status = 1;      // top-level ItemOperations Status
        int fetchStatus = 1; // Response/Fetch/Status; 15: no such attachment
        QString contentType;
        QByteArray data;     // decoded (inline Data)
        int part = 0;        // multipart answer: the part that holds the bytes (then data is empty)
        QString error;
    };

    static Result parse(const wbxml::Element *root);

private:
    QString m_fileReference;
};

} // namespace skein::eas
