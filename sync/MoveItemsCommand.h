#pragma once

#include "WbxmlElement.h"

#include <QList>
#include <QString>

namespace skein::eas {

// MoveItems ([MS-ASCMD] 2.2.1.12): one Move per message; moving a
// conversation out of the current folder is one Move per message of it in
// that folder ([MS-ASCON] 3.1.4.5). The server gives each moved message a new
// ServerId (DstMsgId).
class MoveItemsCommand
{
public:
    static constexpr const char *name = "MoveItems";

    struct Move {
        QString sourceServerId;
        QString sourceFolderId;
        QString destinationFolderId;
    };

    explicit MoveItemsCommand(QList<Move> moves);

    wbxml::Element request() const;

    struct MoveResult {
        QString sourceServerId;
        int status = 0;            // 3 is success here; 1, 2, 4, 5, 7 failures
        QString destinationServerId;
    };

    struct Result {
        int status = 1;            // a top-level Status (common codes), 1 when absent
        QList<MoveResult> moves;
        QString error;
    };

    static Result parse(const wbxml::Element *root);
    // The i-th Move's result: by position when the SrcMsgId agrees, else by SrcMsgId.
    static const MoveResult *resultFor(const Result &result, qsizetype index, const QString &sourceServerId);

private:
    QList<Move> m_moves;
};

} // namespace skein::eas
