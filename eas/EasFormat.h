#pragma once

#include <QDateTime>
#include <QString>
#include <QStringView>

// Small value formats shared by the EAS commands: dates and protocol versions.
namespace skein::eas {

// EAS dateTime, always UTC with milliseconds: "2024-03-15T09:30:00.000Z".
QString formatEasDate(const QDateTime &dateTime);

// Accepts the EAS form and the variants real servers send (no milliseconds,
// compact "20240315T093000Z" of 12.x tasks). Invalid QDateTime if unparseable.
QDateTime parseEasDate(QStringView text);

// "14.1" -> 141, "16.0" -> 160, "12.1" -> 121; 0 for anything unparseable.
int protocolTenths(const QString &protocolVersion);

// Conversation elements (ConversationMode, Email2, Preview) need 14.0+.
inline bool supportsConversations(const QString &protocolVersion)
{
    return protocolTenths(protocolVersion) >= 140;
}

// The message part (BodyPartPreference / BodyPart, [MS-ASCON] 3.1.4.10) needs 14.1+.
inline bool supportsMessagePart(const QString &protocolVersion)
{
    return protocolTenths(protocolVersion) >= 141;
}

} // namespace skein::eas
