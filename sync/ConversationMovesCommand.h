#pragma once

#include "WbxmlElement.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace skein::eas {

// One ItemOperations request with several conversation Moves ([MS-ASCON]
// 3.1.4.4: "Multiple Move elements ... are processed in the order
// specified"). Each is a persistent rule, so Options/MoveAlways is always
// sent (without it the server answers 155). ItemOperationsMoveCommand is the
// single-Move form.
class ConversationMovesCommand
{
public:
    static constexpr const char *name = "ItemOperations";

    struct Move {
        QByteArray conversationId; // email2:ConversationId bytes as received; sent OPAQUE
        QString destinationFolderId;
    };

    explicit ConversationMovesCommand(QList<Move> moves);

    // Why this request must not be sent, empty when it may: a ConversationId
    // Skein inferred (ThreadInference.h) means nothing to the server. A
    // refused command's request() is an empty element that never encodes,
    // so EasSession::run fails without sending anything; callers check
    // refusal() first and keep such rules locally.
    QString refusal() const;
    wbxml::Element request() const;

    struct MoveResult {
        QByteArray conversationId;
        int status = 0; // 1, 2, 3, 6, 105, 155, 156
    };

    struct Result {
        int status = 1;            // top-level (or Response-level) ItemOperations Status
        QList<MoveResult> moves;   // in response order (= request order)
        QString error;
    };

    static Result parse(const wbxml::Element *root);

    // The result for the i-th Move of the request: by position, or by
    // ConversationId when the server left some out. nullptr when none.
    static const MoveResult *resultFor(const Result &result, qsizetype index,
                                       const QByteArray &conversationId);

private:
    QList<Move> m_moves;
};

} // namespace skein::eas
