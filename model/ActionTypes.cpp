#include "ActionTypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <utility>

namespace skein {

namespace {

constexpr std::array<std::pair<ActionKind, const char *>, 9> kindNames{{
    {ActionKind::Delete, "delete"},
    {ActionKind::Flag, "flag"},
    {ActionKind::ClearFlag, "clear-flag"},
    {ActionKind::Complete, "complete"},
    {ActionKind::MarkRead, "read"},
    {ActionKind::MarkUnread, "unread"},
    {ActionKind::Ignore, "ignore"},
    {ActionKind::AlwaysMove, "always-move"},
    {ActionKind::Move, "move"},
}};

constexpr std::array<const char *, 4> stateNames{"pending", "sending", "done", "failed"};
constexpr std::array<const char *, 3> ruleStateNames{"pending", "active", "failed"};

// Milliseconds since the epoch; -1 for "no time" so a null stays null.
qint64 toMs(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : -1;
}

QDateTime fromMs(const QJsonValue &value)
{
    const qint64 ms = qint64(value.toDouble(-1));
    return ms < 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QJsonObject flagToJson(const FlagState &flag)
{
    return {{QStringLiteral("s"), int(flag.status)}, {QStringLiteral("t"), flag.flagType},
            {QStringLiteral("start"), double(toMs(flag.start))}, {QStringLiteral("due"), double(toMs(flag.due))},
            {QStringLiteral("done"), double(toMs(flag.completed))}};
}

FlagState flagFromJson(const QJsonObject &o)
{
    FlagState flag;
    flag.status = FlagStatus(o.value(QStringLiteral("s")).toInt());
    flag.flagType = o.value(QStringLiteral("t")).toString();
    flag.start = fromMs(o.value(QStringLiteral("start")));
    flag.due = fromMs(o.value(QStringLiteral("due")));
    flag.completed = fromMs(o.value(QStringLiteral("done")));
    return flag;
}

QString hex(const QByteArray &bytes) { return QString::fromLatin1(bytes.toHex()); }
QByteArray unhex(const QJsonValue &v) { return QByteArray::fromHex(v.toString().toLatin1()); }

// Everything of a message but its body (fetched again when needed).
QJsonObject messageToJson(const Message &m)
{
    return {{QStringLiteral("serverId"), m.serverId}, {QStringLiteral("folderId"), m.folderId},
            {QStringLiteral("subject"), m.subject}, {QStringLiteral("from"), m.from},
            {QStringLiteral("to"), m.to}, {QStringLiteral("cc"), m.cc}, {QStringLiteral("replyTo"), m.replyTo},
            {QStringLiteral("topic"), m.threadTopic}, {QStringLiteral("date"), double(toMs(m.dateReceived))},
            {QStringLiteral("read"), m.read}, {QStringLiteral("flag"), flagToJson(m.flag)},
            {QStringLiteral("importance"), m.importance}, {QStringLiteral("class"), m.messageClass},
            {QStringLiteral("preview"), m.preview}, {QStringLiteral("attachments"), m.hasAttachments},
            {QStringLiteral("cid"), hex(m.conversationId)}, {QStringLiteral("cindex"), hex(m.conversationIndex)}};
}

Message messageFromJson(const QJsonObject &o)
{
    Message m;
    m.serverId = o.value(QStringLiteral("serverId")).toString();
    m.folderId = o.value(QStringLiteral("folderId")).toString();
    m.subject = o.value(QStringLiteral("subject")).toString();
    m.from = o.value(QStringLiteral("from")).toString();
    m.to = o.value(QStringLiteral("to")).toString();
    m.cc = o.value(QStringLiteral("cc")).toString();
    m.replyTo = o.value(QStringLiteral("replyTo")).toString();
    m.threadTopic = o.value(QStringLiteral("topic")).toString();
    m.dateReceived = fromMs(o.value(QStringLiteral("date")));
    m.read = o.value(QStringLiteral("read")).toBool();
    m.flag = flagFromJson(o.value(QStringLiteral("flag")).toObject());
    m.importance = o.value(QStringLiteral("importance")).toInt(1);
    m.messageClass = o.value(QStringLiteral("class")).toString();
    m.preview = o.value(QStringLiteral("preview")).toString();
    m.hasAttachments = o.value(QStringLiteral("attachments")).toBool();
    m.conversationId = unhex(o.value(QStringLiteral("cid")));
    m.conversationIndex = unhex(o.value(QStringLiteral("cindex")));
    return m;
}

QJsonObject itemToJson(const ActionItem &item)
{
    QJsonObject o{{QStringLiteral("message"), double(item.messageId)}, {QStringLiteral("serverId"), item.serverId},
                  {QStringLiteral("folderId"), item.folderId}, {QStringLiteral("read"), item.read},
                  {QStringLiteral("flag"), flagToJson(item.flag)}};
    if (!item.targetFolderId.isEmpty())
        o[QStringLiteral("target")] = item.targetFolderId;
    if (item.newRead)
        o[QStringLiteral("newRead")] = *item.newRead;
    if (item.newFlag)
        o[QStringLiteral("newFlag")] = flagToJson(*item.newFlag);
    if (item.removed)
        o[QStringLiteral("removed")] = messageToJson(*item.removed);
    if (!item.newServerId.isEmpty())
        o[QStringLiteral("newServerId")] = item.newServerId;
    if (item.confirmed)
        o[QStringLiteral("confirmed")] = true;
    if (item.outcomeInferred)
        o[QStringLiteral("inferred")] = true;
    return o;
}

ActionItem itemFromJson(const QJsonObject &o)
{
    ActionItem item;
    item.messageId = qint64(o.value(QStringLiteral("message")).toDouble());
    item.serverId = o.value(QStringLiteral("serverId")).toString();
    item.folderId = o.value(QStringLiteral("folderId")).toString();
    item.targetFolderId = o.value(QStringLiteral("target")).toString();
    item.read = o.value(QStringLiteral("read")).toBool();
    item.flag = flagFromJson(o.value(QStringLiteral("flag")).toObject());
    if (o.contains(QStringLiteral("newRead")))
        item.newRead = o.value(QStringLiteral("newRead")).toBool();
    if (o.contains(QStringLiteral("newFlag")))
        item.newFlag = flagFromJson(o.value(QStringLiteral("newFlag")).toObject());
    if (o.contains(QStringLiteral("removed")))
        item.removed = messageFromJson(o.value(QStringLiteral("removed")).toObject());
    item.newServerId = o.value(QStringLiteral("newServerId")).toString();
    item.confirmed = o.value(QStringLiteral("confirmed")).toBool();
    item.outcomeInferred = o.value(QStringLiteral("inferred")).toBool();
    return item;
}

} // namespace

ActionChannel channelOf(ActionKind kind)
{
    switch (kind) {
    case ActionKind::Ignore:
    case ActionKind::AlwaysMove: return ActionChannel::ItemOperations;
    case ActionKind::Move: return ActionChannel::MoveItems;
    default: return ActionChannel::Sync;
    }
}

QString movingPlaceholderServerId(qint64 messageId)
{
    return QStringLiteral("skein-moving:%1").arg(messageId);
}

QString actionKindName(ActionKind kind)
{
    for (const auto &[k, name] : kindNames)
        if (k == kind)
            return QString::fromLatin1(name);
    return {};
}

std::optional<ActionKind> actionKindFromName(const QString &name)
{
    for (const auto &[k, n] : kindNames)
        if (name == QLatin1String(n))
            return k;
    return std::nullopt;
}

QString actionStateName(ActionState state)
{
    return QString::fromLatin1(stateNames.at(std::size_t(state)));
}

ActionState actionStateFromName(const QString &name)
{
    for (std::size_t i = 0; i < stateNames.size(); ++i)
        if (name == QLatin1String(stateNames[i]))
            return ActionState(i);
    return ActionState::Pending;
}

QString ruleStateName(RuleState state)
{
    return QString::fromLatin1(ruleStateNames.at(std::size_t(state)));
}

RuleState ruleStateFromName(const QString &name)
{
    for (std::size_t i = 0; i < ruleStateNames.size(); ++i)
        if (name == QLatin1String(ruleStateNames[i]))
            return RuleState(i);
    return RuleState::Pending;
}

QByteArray encodeActionItems(const QList<ActionItem> &items)
{
    QJsonArray array;
    for (const ActionItem &item : items)
        array.append(itemToJson(item));
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QList<ActionItem> decodeActionItems(const QByteArray &payload)
{
    QList<ActionItem> items;
    for (const QJsonValue &v : QJsonDocument::fromJson(payload).array())
        items.append(itemFromJson(v.toObject()));
    return items;
}

ActionItem ActionItem::of(const Message &m)
{
    ActionItem item;
    item.messageId = m.id;
    item.serverId = m.serverId;
    item.folderId = m.folderId;
    item.read = m.read;
    item.flag = m.flag;
    return item;
}

} // namespace skein
