#include "AttachmentDownloader.h"

#include "AttachmentFetchCommand.h"
#include "MultiPartReader.h"
#include "WbxmlCodec.h"
#include "StatusText.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>

namespace skein::eas {

namespace {

AttachmentDownloader::Result failed(const QString &why)
{
    AttachmentDownloader::Result r;
    r.error = why;
    return r;
}

AttachmentDownloader::Result cancelledResult()
{
    AttachmentDownloader::Result r;
    r.cancelled = true;
    r.error = QCoreApplication::translate("skein::eas::AttachmentDownloader", "The download was cancelled.");
    return r;
}

bool usesItemOperations(const QString &protocolVersion)
{
    return protocolVersion.section(QLatin1Char('.'), 0, 0).toInt() >= 14;
}

} // namespace

AttachmentDownloader::Result AttachmentDownloader::fetchToFile(const QString &fileReference, const QString &targetPath,
                                                               const Progress &progress)
{
    if (fileReference.isEmpty())
        return failed(QCoreApplication::translate("skein::eas::AttachmentDownloader", "The server gave this attachment no reference to fetch it by."));
    if (targetPath.isEmpty() || QFileInfo(targetPath).isDir())
        return failed(QCoreApplication::translate("skein::eas::AttachmentDownloader", "Choose a file to save the attachment to, not a folder."));
    QSaveFile file(targetPath);
    if (!file.open(QIODevice::WriteOnly))
        return failed(QCoreApplication::translate("skein::eas::AttachmentDownloader", "Cannot write %1: %2").arg(targetPath, file.errorString()));
    Result result = usesItemOperations(m_session.account().protocolVersion)
        ? viaItemOperations(fileReference, file, progress)
        : viaGetAttachment(fileReference, file, progress);
    if (!result.ok) {
        file.cancelWriting(); // nothing of it reaches targetPath
        return result;
    }
    if (!file.commit())
        return failed(QCoreApplication::translate("skein::eas::AttachmentDownloader", "Cannot finish writing %1: %2").arg(targetPath, file.errorString()));
    return result;
}

namespace {

// What a Fetch answer's statuses mean for the user; empty when it found the attachment.
QString fetchFailure(const AttachmentFetchCommand::Result &fetched)
{
    if (fetched.status != 1)
        return statusText("ItemOperations", fetched.status);
    if (fetched.fetchStatus == 15 || fetched.fetchStatus == 6)
        return QCoreApplication::translate("skein::eas::AttachmentDownloader", "The server no longer has this attachment; sync the folder and try again.");
    if (fetched.fetchStatus != 1)
        return statusText("ItemOperations", fetched.fetchStatus);
    if (!fetched.error.isEmpty())
        return QCoreApplication::translate("skein::eas::AttachmentDownloader", "The server's answer cannot be read: %1").arg(fetched.error);
    return {};
}

bool needsProvisioning(int status)
{
    return status >= 140 && status <= 144;
}

} // namespace

AttachmentDownloader::Result AttachmentDownloader::viaItemOperations(const QString &fileReference, QSaveFile &file,
                                                                     const Progress &progress, bool provisioned)
{
    if (progress && !progress(0, -1))
        return cancelledResult();
    // Asked as multipart, the file's bytes arrive in a part of their own and
    // go to disk as they come; only the small WBXML part is kept.
    QString writeError;
    bool cancelled = false;
    MultiPartReader reader([&](const QByteArray &bytes) {
        if (file.write(bytes) == bytes.size())
            return true;
        writeError = file.errorString();
        return false;
    });
    auto sink = [&](const QByteArray &chunk, qint64) {
        if (!reader.feed(chunk))
            return false;
        if (progress && reader.isMultiPart() && !progress(reader.fileBytes(), reader.fileLength())) {
            cancelled = true;
            return false;
        }
        return true;
    };
    const wbxml::EncodeResult request = wbxml::encode(AttachmentFetchCommand(fileReference).request());
    bool stopped = false;
    const EasReply reply = m_session.download("ItemOperations", {}, sink, &stopped, request.bytes,
                                              {{"MS-ASAcceptMultiPart", "T"}});
    if (cancelled)
        return cancelledResult();
    if (!writeError.isEmpty())
        return failed(QCoreApplication::translate("skein::eas::AttachmentDownloader", "Cannot write %1: %2").arg(file.fileName(), writeError));
    if (!reader.error().isEmpty())
        return failed(QCoreApplication::translate("skein::eas::AttachmentDownloader", "The server's answer cannot be read: %1").arg(reader.error()));
    if (!reply.ok())
        return failed(reply.message);
    const wbxml::DecodeResult decoded = wbxml::decode(reader.wbxml());
    const AttachmentFetchCommand::Result fetched
        = AttachmentFetchCommand::parse(decoded.ok() ? &*decoded.root : nullptr);
    // A device the server wants provisioned first: provision, then ask
    // again (nothing was written yet); without a policy, the plain request.
    if (needsProvisioning(fetched.status) && reader.fileBytes() == 0) {
        if (!provisioned && m_session.provisionNow())
            return viaItemOperations(fileReference, file, progress, true);
        return viaItemOperationsInline(fileReference, file, progress);
    }
    if (const QString why = fetchFailure(fetched); !why.isEmpty())
        return failed(why);
    Result r;
    r.ok = true;
    r.contentType = fetched.contentType;
    if (fetched.part > 0) {
        if (fetched.part != 1 || !reader.isMultiPart() || !reader.complete() || reader.fileBytes() != reader.fileLength())
            return failed(QCoreApplication::translate("skein::eas::AttachmentDownloader", "The download ended after %1 bytes; try again.").arg(reader.fileBytes()));
        r.bytes = reader.fileBytes();
        return r;
    }
    // A server without multipart sent the bytes inline (whole in memory).
    if (progress && !progress(fetched.data.size(), fetched.data.size()))
        return cancelledResult();
    if (file.write(fetched.data) != fetched.data.size())
        return failed(QCoreApplication::translate("skein::eas::AttachmentDownloader", "Cannot write %1: %2").arg(file.fileName(), file.errorString()));
    r.bytes = fetched.data.size();
    return r;
}

// The plain request (execute(): it provisions when asked), bytes inline.
AttachmentDownloader::Result AttachmentDownloader::viaItemOperationsInline(const QString &fileReference, QSaveFile &file,
                                                                           const Progress &progress)
{
    EasReply reply;
    const AttachmentFetchCommand::Result fetched = m_session.run(AttachmentFetchCommand(fileReference), &reply);
    if (!reply.ok())
        return failed(reply.message);
    if (const QString why = fetchFailure(fetched); !why.isEmpty())
        return failed(why);
    // The answer is whole already; cancel still wins before the file appears.
    if (progress && !progress(fetched.data.size(), fetched.data.size()))
        return cancelledResult();
    if (file.write(fetched.data) != fetched.data.size())
        return failed(QCoreApplication::translate("skein::eas::AttachmentDownloader", "Cannot write %1: %2").arg(file.fileName(), file.errorString()));
    Result r;
    r.ok = true;
    r.bytes = fetched.data.size();
    r.contentType = fetched.contentType;
    return r;
}

AttachmentDownloader::Result AttachmentDownloader::viaGetAttachment(const QString &fileReference, QSaveFile &file,
                                                                    const Progress &progress)
{
    qint64 received = 0;
    qint64 expected = -1;
    QString writeError;
    bool cancelled = false;
    auto sink = [&](const QByteArray &chunk, qint64 total) {
        if (file.write(chunk) != chunk.size()) {
            writeError = file.errorString();
            return false;
        }
        received += chunk.size();
        expected = total;
        if (progress && !progress(received, total)) {
            cancelled = true;
            return false;
        }
        return true;
    };
    bool stopped = false;
    const EasReply reply = m_session.download("GetAttachment", {{QStringLiteral("AttachmentName"), fileReference}},
                                              sink, &stopped);
    if (cancelled)
        return cancelledResult();
    if (!writeError.isEmpty())
        return failed(QCoreApplication::translate("skein::eas::AttachmentDownloader", "Cannot write %1: %2").arg(file.fileName(), writeError));
    if (!reply.ok()) {
        if (reply.httpStatus == 404 || reply.httpStatus == 500)
            return failed(QCoreApplication::translate("skein::eas::AttachmentDownloader", "The server no longer has this attachment (HTTP %1); sync the folder and "
                                                                                          "try again.").arg(reply.httpStatus));
        return failed(reply.message);
    }
    if (expected >= 0 && received != expected)
        return failed(QCoreApplication::translate("skein::eas::AttachmentDownloader", "The download ended after %1 of %2 bytes; try again.").arg(received).arg(expected));
    Result r;
    r.ok = true;
    r.bytes = received;
    return r;
}

} // namespace skein::eas
