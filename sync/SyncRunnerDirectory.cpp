// SyncRunner: the server's address book for the composer's completion.
#include "SyncRunner.h"

#include "DirectorySearchCommand.h"
#include "StatusText.h"

#include <QCoreApplication>

namespace skein::eas {

QStringList SyncRunner::searchDirectory(const QString &query, QString *error)
{
    EasReply reply;
    const DirectorySearchCommand::Result result = m_session.run(DirectorySearchCommand(query), &reply);
    if (!reply.ok()) {
        *error = reply.httpStatus == 500 || reply.httpStatus == 501
            ? QCoreApplication::translate("skein::eas::SyncRunner", "The server has no address book to search.")
            : reply.message;
        return {};
    }
    if (!result.error.isEmpty()) {
        *error = QCoreApplication::translate("skein::eas::SyncRunner", "The server's address book answer could not be read.");
        return {};
    }
    if (result.status != 1 || result.storeStatus != 1) {
        *error = statusText("Search", result.status != 1 ? result.status : result.storeStatus);
        return {};
    }
    QStringList addresses;
    for (const DirectorySearchCommand::Person &p : result.people)
        addresses.append(p.address());
    return addresses;
}

} // namespace skein::eas
