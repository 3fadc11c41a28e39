#pragma once

#include "MailTypes.h"
#include "WbxmlElement.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace skein::eas {

// FolderSync ([MS-ASCMD] 2.2.1.5): the folder hierarchy since syncKey
// ("0" = the whole hierarchy again).
class FolderSyncCommand
{
public:
    static constexpr const char *name = "FolderSync";

    explicit FolderSyncCommand(QString syncKey);

    wbxml::Element request() const;

    struct Result {
        int status = 1;
        QString syncKey;               // new hierarchy key; empty on failure
        QList<Folder> addsOrUpdates;   // Add and Update, in server order
        QStringList deletes;           // folder ServerIds
        QStringList skipped;           // reasons for entries that could not be read
        QString error;                 // non-empty: malformed response
    };

    // nullptr (empty HTTP 200 body) is malformed for FolderSync: the server
    // must at least return Status and, on success, a SyncKey.
    static Result parse(const wbxml::Element *root);

private:
    QString m_syncKey;
};

} // namespace skein::eas
