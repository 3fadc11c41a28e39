#include "AttachmentDownloader.h"

#include "AttachmentFetchCommand.h"
#include "StatusText.h"

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
    r.error = QStringLiteral("The download was cancelled.");
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
        return failed(QStringLiteral("The server gave this attachment no reference to fetch it by."));
    if (targetPath.isEmpty() || QFileInfo(targetPath).isDir())
        return failed(QStringLiteral("Choose a file to save the attachment to, not a folder."));
    QSaveFile file(targetPath);
    if (!file.open(QIODevice::WriteOnly))
        return failed(QStringLiteral("Cannot write %1: %2").arg(targetPath, file.errorString()));
    Result result = usesItemOperations(m_session.account().protocolVersion)
        ? viaItemOperations(fileReference, file, progress)
        : viaGetAttachment(fileReference, file, progress);
    if (!result.ok) {
        file.cancelWriting(); // nothing of it reaches targetPath
        return result;
    }
    if (!file.commit())
        return failed(QStringLiteral("Cannot finish writing %1: %2").arg(targetPath, file.errorString()));
    return result;
}

AttachmentDownloader::Result AttachmentDownloader::viaItemOperations(const QString &fileReference, QSaveFile &file,
                                                                     const Progress &progress)
{
    if (progress && !progress(0, -1))
        return cancelledResult();
    EasReply reply;
    const AttachmentFetchCommand::Result fetched = m_session.run(AttachmentFetchCommand(fileReference), &reply);
    if (!reply.ok())
        return failed(reply.message);
    if (fetched.status != 1)
        return failed(statusText("ItemOperations", fetched.status));
    if (fetched.fetchStatus == 15 || fetched.fetchStatus == 6)
        return failed(QStringLiteral("The server no longer has this attachment; sync the folder and try again."));
    if (fetched.fetchStatus != 1)
        return failed(statusText("ItemOperations", fetched.fetchStatus));
    if (!fetched.error.isEmpty())
        return failed(QStringLiteral("The server's answer cannot be read: %1").arg(fetched.error));
    // The answer is whole already; cancel still wins before the file appears.
    if (progress && !progress(fetched.data.size(), fetched.data.size()))
        return cancelledResult();
    if (file.write(fetched.data) != fetched.data.size())
        return failed(QStringLiteral("Cannot write %1: %2").arg(file.fileName(), file.errorString()));
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
        return failed(QStringLiteral("Cannot write %1: %2").arg(file.fileName(), writeError));
    if (!reply.ok()) {
        if (reply.httpStatus == 404 || reply.httpStatus == 500)
            return failed(QStringLiteral("The server no longer has this attachment (HTTP %1); sync the folder and "
                                         "try again.").arg(reply.httpStatus));
        return failed(reply.message);
    }
    if (expected >= 0 && received != expected)
        return failed(QStringLiteral("The download ended after %1 of %2 bytes; try again.").arg(received).arg(expected));
    Result r;
    r.ok = true;
    r.bytes = received;
    return r;
}

} // namespace skein::eas
