#pragma once

#include "WbxmlElement.h"

#include <QString>

namespace skein::eas {

// GetItemEstimate ([MS-ASCMD] 2.2.1.9) for one folder: how many items the
// next Sync would bring (for a progress bar; SOGo's numbers are rough).
class GetItemEstimateCommand
{
public:
    static constexpr const char *name = "GetItemEstimate";

    GetItemEstimateCommand(QString folderId, QString syncKey, int filterType,
                           bool conversationMode, QString protocolVersion);

    wbxml::Element request() const;

    struct Result {
        // Top-level Status if the server sent one (request-level failure, e.g.
        // MS-ASCON's 4 for ConversationMode on a calendar), else Response/Status.
        // 1 ok, 2 invalid collection, 3 not primed, 4 invalid key, 103 invalid XML.
        int status = 1;
        int estimate = -1;   // -1: unknown
        QString folderId;    // as echoed by the server
        QString error;
    };

    // nullptr (empty HTTP 200 body) is malformed: an estimate needs an answer.
    static Result parse(const wbxml::Element *root);

private:
    QString m_folderId;
    QString m_syncKey;
    int m_filterType;
    bool m_conversationMode;
    QString m_protocolVersion;
};

} // namespace skein::eas
