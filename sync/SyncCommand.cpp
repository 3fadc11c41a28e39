#include "SyncCommand.h"

#include "EasFormat.h"
#include "EasTags.h"
#include "EmailParser.h"

#include <algorithm>

namespace skein::eas {

namespace tag = wbxml::tag;
using wbxml::Element;

namespace {

constexpr const char *defaultFlagType = "Flag for follow up";

bool isInitialKey(const QString &key)
{
    return key.isEmpty() || key == QLatin1String("0");
}

// "Set flag": Status 2, FlagType and either all four task dates or none
// ([MS-ASEMAIL] 3.1.5.4: a partial set, or StartDate > DueDate, is status 6).
void addActiveFlag(Element &flag, const FlagState &state)
{
    flag.add(tag::Email::FlagStatus, "2");
    flag.add(tag::Email::FlagType,
             state.flagType.isEmpty() ? QString::fromLatin1(defaultFlagType) : state.flagType);
    QDateTime start = state.start.isValid() ? state.start : state.due;
    QDateTime due = state.due.isValid() ? state.due : state.start;
    if (!start.isValid())
        return;
    if (start > due)
        start = due;
    // We keep UTC only; the "local" StartDate/DueDate get the same instant.
    flag.add(tag::Tasks::StartDate, formatEasDate(start));
    flag.add(tag::Tasks::UtcStartDate, formatEasDate(start));
    flag.add(tag::Tasks::DueDate, formatEasDate(due));
    flag.add(tag::Tasks::UtcDueDate, formatEasDate(due));
}

// "Mark complete": Status 1 with CompleteTime and DateCompleted, both required.
void addCompleteFlag(Element &flag, const FlagState &state)
{
    // Without a recorded completion time "now" is the honest answer.
    const QDateTime when = state.completed.isValid() ? state.completed
                                                     : QDateTime::currentDateTimeUtc();
    flag.add(tag::Email::FlagStatus, "1");
    flag.add(tag::Email::CompleteTime, formatEasDate(when));
    flag.add(tag::Tasks::DateCompleted, formatEasDate(when));
}

void addFlag(Element &applicationData, const FlagState &state)
{
    Element &flag = applicationData.add(tag::Email::Flag);
    switch (state.status) {
    case FlagStatus::Active:
        addActiveFlag(flag, state);
        break;
    case FlagStatus::Complete:
        addCompleteFlag(flag, state);
        break;
    case FlagStatus::None:
        break; // an empty <Flag/> clears it
    }
}

// Only Read and Flag: ConversationId/Index in a Change is status 6 and the
// client must never alter them (MS-ASCON 2.2.2.3.3).
void addChange(Element &commands, const ClientChange &change)
{
    Element &c = commands.add(tag::AirSync::Change);
    c.add(tag::AirSync::ServerId, change.serverId);
    Element &data = c.add(tag::AirSync::ApplicationData);
    if (change.read)
        data.add(tag::Email::Read, *change.read ? "1" : "0");
    if (change.flag)
        addFlag(data, *change.flag);
}

void addOptions(Element &collection, const SyncCollectionRequest &r, bool v14, bool withPart)
{
    Element &options = collection.add(tag::AirSync::Options);
    options.add(tag::AirSync::FilterType, qint64(std::clamp(r.filterType, 0, 5)));
    // Children of BodyPreference in schema order: Type, TruncationSize, AllOrNone, Preview.
    Element &pref = options.add(tag::AirSyncBase::BodyPreference);
    pref.add(tag::AirSyncBase::Type, qint64(r.bodyType));
    if (r.truncationSize > 0)
        pref.add(tag::AirSyncBase::TruncationSize, qint64(r.truncationSize));
    if (v14 && r.previewChars > 0)
        pref.add(tag::AirSyncBase::Preview, qint64(std::min(r.previewChars, 255)));
    // After BodyPreference ([MS-ASCMD] Options order). The part is HTML only
    // (any other Type is status 164); Body is still asked for: "Show quoted
    // text" and a message opened on its own show all of it.
    if (withPart && r.conversationMode && r.messagePart) {
        Element &part = options.add(tag::AirSyncBase::BodyPartPreference);
        part.add(tag::AirSyncBase::Type, qint64(2));
        if (r.truncationSize > 0)
            part.add(tag::AirSyncBase::TruncationSize, qint64(r.truncationSize));
    }
}

void addCommands(Element &collection, const SyncCollectionRequest &r)
{
    if (r.changes.isEmpty() && r.deletes.isEmpty())
        return;
    Element &commands = collection.add(tag::AirSync::Commands);
    for (const ClientChange &change : r.changes)
        addChange(commands, change);
    for (const QString &serverId : r.deletes)
        commands.add(tag::AirSync::Delete).add(tag::AirSync::ServerId, serverId);
}

// Element order is mandatory ([MS-ASCMD] 2.2.3.29.2, R976): SyncKey,
// CollectionId, Supported, DeletesAsMoves, GetChanges, WindowSize,
// ConversationMode, Options, Commands. Class is left out: optional in 12.1,
// forbidden in 14.0+.
void addCollection(Element &collections, const SyncCollectionRequest &r, bool v14, bool withPart)
{
    Element &c = collections.add(tag::AirSync::Collection);
    const bool initial = isInitialKey(r.syncKey);
    c.add(tag::AirSync::SyncKey, initial ? QStringLiteral("0") : r.syncKey);
    c.add(tag::AirSync::CollectionId, r.folderId);
    // Key 0 only primes the folder: the server sends no items and takes no commands.
    if (initial)
        return;
    c.add(tag::AirSync::DeletesAsMoves, r.deletesAsMoves ? "1" : "0");
    c.add(tag::AirSync::GetChanges, r.getChanges ? "1" : "0");
    if (r.getChanges) {
        c.add(tag::AirSync::WindowSize, qint64(std::clamp(r.windowSize, 1, 512)));
        if (v14 && r.conversationMode)
            c.add(tag::AirSync::ConversationMode, "1");
        addOptions(c, r, v14, withPart);
    }
    addCommands(c, r);
}

// ---- response ----

void parseAdd(const Element &add, SyncCommand::CollectionResult &out)
{
    const QString serverId = add.childText(tag::AirSync::ServerId);
    const Element *data = add.child(tag::AirSync::ApplicationData);
    if (serverId.isEmpty()) {
        out.skipped.append({serverId, QStringLiteral("Add without ServerId")});
        return;
    }
    if (!data) {
        out.skipped.append({serverId, QStringLiteral("Add without ApplicationData")});
        return;
    }
    EmailParseResult parsed = parseEmailChecked(*data, serverId, out.folderId);
    if (!parsed.problem.isEmpty()) {
        out.skipped.append({serverId, parsed.problem});
        return;
    }
    out.batch.adds.append(std::move(parsed.message));
}

void parseServerChange(const Element &change, SyncCommand::CollectionResult &out)
{
    const QString serverId = change.childText(tag::AirSync::ServerId);
    const Element *data = change.child(tag::AirSync::ApplicationData);
    if (serverId.isEmpty()) {
        out.skipped.append({serverId, QStringLiteral("Change without ServerId")});
        return;
    }
    if (!data) {
        out.skipped.append({serverId, QStringLiteral("Change without ApplicationData")});
        return;
    }
    EmailChangeParseResult parsed = parseEmailChange(*data, serverId, out.folderId);
    if (!parsed.problem.isEmpty()) {
        out.skipped.append({serverId, parsed.problem});
        return;
    }
    out.batch.changes.append(std::move(parsed.change));
}

void parseRemoval(const Element &e, QStringList &into, const char *what,
                  SyncCommand::CollectionResult &out)
{
    const QString serverId = e.childText(tag::AirSync::ServerId);
    if (serverId.isEmpty())
        out.skipped.append({{}, QStringLiteral("%1 without ServerId").arg(QLatin1String(what))});
    else
        into.append(serverId);
}

void parseCommands(const Element &commands, SyncCommand::CollectionResult &out)
{
    for (const Element &e : commands.children()) {
        if (e.is(tag::AirSync::Add))
            parseAdd(e, out);
        else if (e.is(tag::AirSync::Change))
            parseServerChange(e, out);
        else if (e.is(tag::AirSync::Delete))
            parseRemoval(e, out.batch.deletes, "Delete", out);
        else if (e.is(tag::AirSync::SoftDelete))
            parseRemoval(e, out.batch.softDeletes, "SoftDelete", out);
        // Fetch and unknown commands carry nothing a mail folder needs here.
    }
}

// Responses hold the server's verdict on our own commands; only failures
// need action (successful Change/Delete are usually not even listed).
void parseResponses(const Element &responses, SyncCommand::CollectionResult &out)
{
    for (const Element &e : responses.children()) {
        if (!e.is(tag::AirSync::Add) && !e.is(tag::AirSync::Change)
            && !e.is(tag::AirSync::Delete) && !e.is(tag::AirSync::Fetch))
            continue;
        const int status = e.childInt(tag::AirSync::Status, 1);
        if (status == 1)
            continue;
        QString id = e.childText(tag::AirSync::ServerId);
        if (id.isEmpty())
            id = e.childText(tag::AirSync::ClientId);
        out.failures.append({id, status});
    }
}

// Returns an error text for a collection the client cannot use.
QString parseCollection(const Element &c, SyncCommand::CollectionResult &out)
{
    out.folderId = c.childText(tag::AirSync::CollectionId);
    out.syncKey = c.childText(tag::AirSync::SyncKey);
    out.status = c.childInt(tag::AirSync::Status, 1);
    out.moreAvailable = c.has(tag::AirSync::MoreAvailable);
    out.batch.folderId = out.folderId;
    out.batch.newSyncKey = out.syncKey;
    if (out.folderId.isEmpty())
        return QStringLiteral("a Collection without CollectionId was ignored");
    if (out.status == 1 && out.syncKey.isEmpty())
        return QStringLiteral("Collection %1 has Status 1 but no SyncKey").arg(out.folderId);
    if (out.status != 1)
        return {}; // nothing to apply: the status says what to do
    if (const Element *commands = c.child(tag::AirSync::Commands))
        parseCommands(*commands, out);
    if (const Element *responses = c.child(tag::AirSync::Responses))
        parseResponses(*responses, out);
    return {};
}

} // namespace

SyncCommand::SyncCommand(QList<SyncCollectionRequest> collections, QString protocolVersion)
    : m_collections(std::move(collections)), m_protocolVersion(std::move(protocolVersion))
{
}

Element SyncCommand::request() const
{
    const bool v14 = supportsConversations(m_protocolVersion);
    Element sync(tag::AirSync::Sync);
    Element &collections = sync.add(tag::AirSync::Collections);
    const bool withPart = supportsMessagePart(m_protocolVersion);
    for (const SyncCollectionRequest &r : m_collections)
        addCollection(collections, r, v14, withPart);
    return sync;
}

SyncCommand::Result SyncCommand::parse(const Element *root)
{
    Result result;
    if (!root)
        return result; // empty 200: nothing changed anywhere (SOGo does this)
    if (!root->is(tag::AirSync::Sync)) {
        result.status = 0;
        result.error = QStringLiteral("response root is not Sync");
        return result;
    }
    // A top-level Status is a request-level verdict (4, 12, 13, 1xx ...).
    result.status = root->childInt(tag::AirSync::Status, 1);
    const Element *collections = root->child(tag::AirSync::Collections);
    if (!collections)
        return result;
    QStringList errors;
    for (const Element *c : collections->all(tag::AirSync::Collection)) {
        CollectionResult out;
        const QString problem = parseCollection(*c, out);
        if (!problem.isEmpty())
            errors.append(problem);
        // A collection without id cannot be attributed; the others stay usable.
        if (!out.folderId.isEmpty())
            result.collections.append(std::move(out));
    }
    result.error = errors.join(QStringLiteral("; "));
    return result;
}

} // namespace skein::eas
