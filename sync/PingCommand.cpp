#include "PingCommand.h"

#include "EasTags.h"

#include <QCoreApplication>

namespace skein::eas {

namespace tag = wbxml::tag;
using wbxml::Element;

PingCommand::PingCommand(int heartbeatSeconds, QStringList folderIds)
    : m_heartbeatSeconds(heartbeatSeconds), m_folderIds(std::move(folderIds))
{
}

Element PingCommand::request() const
{
    Element root(tag::Ping::Ping);
    root.add(tag::Ping::HeartbeatInterval, QString::number(m_heartbeatSeconds));
    Element &folders = root.add(tag::Ping::Folders);
    for (const QString &id : m_folderIds) {
        Element &folder = folders.add(tag::Ping::Folder);
        folder.add(tag::Ping::Id, id);
        folder.add(tag::Ping::Class, "Email");
    }
    return root;
}

PingCommand::Result PingCommand::parse(const Element *root)
{
    Result result;
    if (!root || !root->is(tag::Ping::Ping)) {
        result.error = root ? QCoreApplication::translate("skein::eas::PingCommand", "The Ping answer is not a Ping document.")
                            : QCoreApplication::translate("skein::eas::PingCommand", "The server answered Ping with an empty body.");
        return result;
    }
    result.status = root->childInt(tag::Ping::Status, 0);
    if (result.status == 0)
        result.error = QCoreApplication::translate("skein::eas::PingCommand", "The Ping answer carries no status.");
    if (const Element *folders = root->child(tag::Ping::Folders))
        for (const Element *folder : folders->all(tag::Ping::Folder))
            if (!folder->text().trimmed().isEmpty())
                result.changedFolders.append(folder->text().trimmed());
    result.heartbeatInterval = root->childInt(tag::Ping::HeartbeatInterval, 0);
    result.maxFolders = root->childInt(tag::Ping::MaxFolders, 0);
    return result;
}

} // namespace skein::eas
