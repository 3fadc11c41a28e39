#include "AttachmentFetchCommand.h"

#include "EasTags.h"
#include "ItemOperationsStatus.h"

namespace skein::eas {

namespace tag = wbxml::tag;
using wbxml::Element;

Element AttachmentFetchCommand::request() const
{
    Element root(tag::ItemOperations::ItemOperations);
    Element &fetch = root.add(tag::ItemOperations::Fetch);
    fetch.add(tag::ItemOperations::Store, "Mailbox");
    fetch.add(tag::AirSyncBase::FileReference, m_fileReference);
    return root;
}

AttachmentFetchCommand::Result AttachmentFetchCommand::parse(const Element *root)
{
    Result result;
    const QList<FetchAnswer> answers = readFetchAnswers(root, result);
    if (answers.isEmpty()) {
        if (result.status == 1 && result.error.isEmpty())
            result.error = QStringLiteral("ItemOperations response without a Fetch");
        return result;
    }
    result.fetchStatus = answers.first().status;
    if (result.fetchStatus != 1)
        return result;
    const Element *properties = answers.first().properties;
    const Element *data = properties ? properties->child(tag::ItemOperations::Data) : nullptr;
    if (!data && properties && properties->has(tag::ItemOperations::Part)) {
        result.contentType = properties->childText(tag::AirSyncBase::ContentType).trimmed();
        result.part = properties->childInt(tag::ItemOperations::Part, 0);
        if (result.part < 1)
            result.error = QStringLiteral("the server named no valid part for the attachment's data");
        return result;
    }
    if (!data) {
        result.error = QStringLiteral("the server found the attachment but sent no data");
        return result;
    }
    result.contentType = properties->childText(tag::AirSyncBase::ContentType).trimmed();
    const auto decoded = QByteArray::fromBase64Encoding(data->data().trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        result.error = QStringLiteral("the server sent attachment data that is not base64");
        return result;
    }
    result.data = *decoded;
    return result;
}

} // namespace skein::eas
