#pragma once

#include "EasSession.h"

#include <QString>

#include <functional>

class QSaveFile;

namespace skein::eas {

// Fetches one attachment into a file: ItemOperations Fetch by FileReference
// at 14.0 and later (asked as multipart, so the bytes stream to disk; inline
// base64 from a server that ignores that), GetAttachment (streamed) at 12.x. The
// file appears only complete: bytes go to a QSaveFile that is committed at
// the end, so a cancel, a failure or a crash leaves no partial file and an
// existing file at the path untouched. Runs on the engine's thread.
class AttachmentDownloader
{
public:
    explicit AttachmentDownloader(EasSession &session) : m_session(session) {}

    // Called as bytes arrive (total -1 when unknown); returning false cancels.
    using Progress = std::function<bool(qint64 received, qint64 total)>;

    struct Result {
        bool ok = false;
        bool cancelled = false;
        qint64 bytes = 0;
        QString contentType; // as the server said; may be empty
        QString error;       // a sentence for the user when !ok && !cancelled
    };

    Result fetchToFile(const QString &fileReference, const QString &targetPath, const Progress &progress);

private:
    // provisioned: this is the second try, after provisioning.
    Result viaItemOperations(const QString &fileReference, QSaveFile &file, const Progress &progress,
                             bool provisioned = false);
    Result viaItemOperationsInline(const QString &fileReference, QSaveFile &file, const Progress &progress);
    Result viaGetAttachment(const QString &fileReference, QSaveFile &file, const Progress &progress);

    EasSession &m_session;
};

} // namespace skein::eas
