#include "DemoSeed.h"

#include "DemoAttachments.h"

#include "ConversationThreading.h"
#include "DemoContent.h"
#include "ElementBlob.h"
#include "EasRequest.h"

#include <EasTags.h>

#include <QRandomGenerator>
#include <QStringList>

namespace skein::server::demo {

namespace tag = wbxml::tag;

namespace {

QString address(int person)
{
    const Person &p = people().at(person);
    return QStringLiteral("\"%1\" <%2>").arg(QString::fromUtf8(p.name), QString::fromLatin1(p.email));
}

QString firstName(int person)
{
    return QString::fromUtf8(people().at(person).name).section(QLatin1Char(' '), 0, 0);
}

QByteArray flagBlob(int marks, qint64 receivedMs)
{
    wbxml::Element flag(tag::Email::Flag);
    const qint64 day = 24LL * 3600 * 1000;
    if (marks & Mark::Complete) {
        flag.add(tag::Email::FlagStatus, "1");
        flag.add(tag::Email::FlagType, "Flag for follow up");
        flag.add(tag::Email::CompleteTime, easDate(receivedMs + day));
        flag.add(tag::Tasks::DateCompleted, easDate(receivedMs + day));
    } else if (marks & Mark::Flagged) {
        flag.add(tag::Email::FlagStatus, "2");
        flag.add(tag::Email::FlagType, "Flag for follow up");
        flag.add(tag::Tasks::StartDate, easDate(receivedMs));
        flag.add(tag::Tasks::UtcStartDate, easDate(receivedMs));
        flag.add(tag::Tasks::DueDate, easDate(receivedMs + 3 * day));
        flag.add(tag::Tasks::UtcDueDate, easDate(receivedMs + 3 * day));
    } else {
        return {};
    }
    return elementToBlob(flag);
}

struct Folders {
    qint64 inbox = 0, sent = 0, deleted = 0, junk = 0, projects = 0, receipts = 0;
    qint64 byName(const QString &name) const
    {
        if (name == QLatin1String("Projects"))
            return projects;
        if (name == QLatin1String("Receipts"))
            return receipts;
        return inbox;
    }
};

void insertThread(ServerStore &store, qint64 userId, const Folders &folders, const DemoThread &t,
                  int threadNo, qint64 nowMs)
{
    QRandomGenerator random(0x5EED0000u + quint32(threadNo));
    const qint64 start = nowMs - qint64(t.daysAgo * 24 * 3600 * 1000);
    const QByteArray conversationId = threading::conversationIdFor(QByteArray(t.key));
    std::vector<MessageRow> rows;
    for (const DemoMessage &dm : t.messages) {
        MessageRow m;
        m.userId = userId;
        m.receivedMs = start + qint64(dm.minutes) * 60 * 1000;
        const QDateTime sent = QDateTime::fromMSecsSinceEpoch(m.receivedMs, Qt::UTC);
        QList<int> to;
        QList<int> cc;
        if (dm.parent < 0) {
            for (int p : t.people)
                if (p != dm.from)
                    to.append(p);
            m.subject = QString::fromUtf8(t.subject);
            m.conversationIndex = threading::rootIndex(sent);
        } else {
            const MessageRow &parent = rows.at(size_t(dm.parent));
            const int parentFrom = t.messages.at(size_t(dm.parent)).from;
            to.append(parentFrom == dm.from ? t.people.front() : parentFrom);
            for (int p : t.people)
                if (p != dm.from && !to.contains(p))
                    cc.append(p);
            m.subject = QStringLiteral("RE: %1").arg(QString::fromUtf8(t.subject));
            m.parentId = parent.id;
            m.conversationIndex = threading::replyIndex(parent.conversationIndex, sent, quint8(random.bounded(256)));
        }
        QStringList toList, ccList, names;
        for (int p : to) {
            toList << address(p);
            names << QString::fromUtf8(people().at(p).name);
        }
        for (int p : cc)
            ccList << address(p);
        m.to = toList.join(QLatin1String(", "));
        m.cc = ccList.join(QLatin1String(", "));
        m.displayTo = names.join(QLatin1String("; "));
        m.from = address(dm.from);
        m.threadTopic = QString::fromUtf8(t.subject);
        m.conversationId = conversationId;
        m.importance = (dm.marks & Mark::High) ? 2 : 1;
        const bool mine = dm.from == 0;
        m.folderId = mine ? folders.sent : folders.byName(QString::fromUtf8(t.folder));
        const bool old = nowMs - m.receivedMs > 2LL * 24 * 3600 * 1000;
        m.read = mine || (dm.marks & Mark::Read) || (old && !(dm.marks & Mark::Unread));
        m.flag = flagBlob(dm.marks, m.receivedMs);
        QString body = QString::fromUtf8(dm.text) + QStringLiteral("\n\n%1").arg(firstName(dm.from));
        if (dm.parent >= 0) {
            const DemoMessage &pm = t.messages.at(size_t(dm.parent));
            QString quoted = QString::fromUtf8(pm.text);
            quoted.replace(QLatin1Char('\n'), QLatin1String("\n> "));
            body += QStringLiteral("\n\nOn %1, %2 wrote:\n> %3")
                        .arg(easDate(rows.at(size_t(dm.parent)).receivedMs).left(10),
                             QString::fromUtf8(people().at(pm.from).name), quoted);
        }
        m.bodyType = 1;
        m.body = body;
        store.mail().insertMessage(m);
        rows.push_back(m);
    }
}

MessageRow standalone(qint64 userId, qint64 folderId, int from, const QString &subject, qint64 receivedMs,
                      const QString &body, int bodyType)
{
    MessageRow m;
    m.userId = userId;
    m.folderId = folderId;
    m.from = address(from);
    m.to = address(0);
    m.displayTo = QString::fromUtf8(people().at(0).name);
    m.subject = subject;
    m.threadTopic = subject;
    m.receivedMs = receivedMs;
    m.body = body;
    m.bodyType = bodyType;
    m.conversationId = threading::conversationIdFor(subject.toUtf8());
    m.conversationIndex = threading::rootIndex(QDateTime::fromMSecsSinceEpoch(receivedMs, Qt::UTC));
    return m;
}

QString longReport()
{
    static const char *const sentences[] = {
        "Storage usage grew by eleven percent over the quarter, mostly in the mail archive cluster.",
        "The backup window now finishes forty minutes earlier thanks to incremental snapshots.",
        "Two incidents affected external users; both were resolved within the agreed response time.",
        "We retired the last physical build servers and moved the remaining jobs to the container fleet.",
        "Certificate renewal is fully automated, and expiry alerts fire thirty days in advance.",
        "Network latency between the offices dropped after the switch to the new provider.",
        "The on-call rotation was extended to six people, which reduced pages per person by a third.",
    };
    QString out = QStringLiteral("Annual infrastructure report\n============================\n\n");
    int section = 1;
    while (out.size() < 64 * 1024) {
        out += QStringLiteral("Section %1\n\n").arg(section);
        for (int i = 0; i < 7; ++i)
            out += QString::fromUtf8(sentences[(section + i) % 7]) + QLatin1Char(' ');
        out += QStringLiteral("\n\n");
        ++section;
    }
    return out + QStringLiteral("End of report.\n");
}

int insertStandalones(ServerStore &store, qint64 userId, const Folders &f, qint64 nowMs)
{
    const qint64 day = 24LL * 3600 * 1000;
    std::vector<MessageRow> rows;
    rows.push_back(standalone(userId, f.inbox, 3, QStringLiteral("Northwind Weekly: launch countdown"), nowMs - 6 * day,
        QStringLiteral("<html><head><style>h1{color:#0a5}</style></head><body>"
                       "<h1>Launch countdown</h1>"
                       "<p><img src=\"https://images.northwind.example/newsletter/banner.png\" alt=\"Skein Mobile banner\" width=\"600\"></p>"
                       "<p>Only <b>two weeks</b> until Skein Mobile ships. Read the full plan on the "
                       "<a href=\"https://northwind.example/launch/plan\">launch page</a>.</p>"
                       "<p><img src=\"cid:launch-badge@northwind.example\" alt=\"Launch badge\" width=\"48\" height=\"48\"></p>"
                       "<p>Questions? Ask Priya &amp; the marketing team.</p></body></html>"), 2));
    // The newsletter's badge is an inline part the HTML names by cid:, the
    // form Outlook sends pasted images in (the banner above stays remote).
    AttachmentRow badge{0, 0, QStringLiteral("launch-badge.png"), QStringLiteral("image/png"),
                        solidPng(48, 48, 0x00aa55)};
    badge.contentId = QStringLiteral("launch-badge@northwind.example");
    badge.isInline = true;
    rows.back().attachments.append(badge);
    MessageRow contract = standalone(userId, f.inbox, 16, QStringLiteral("Signed contract (PDF)"), nowMs - 13 * day,
        QStringLiteral("Hi,\n\nplease find your countersigned employment contract attached.\n\nNina"), 1);
    contract.attachments.append(AttachmentRow{0, 0, QStringLiteral("contract.pdf"), QStringLiteral("application/pdf"),
                                              minimalPdf(QStringLiteral("Employment contract - countersigned"))});
    rows.push_back(contract);
    rows.push_back(standalone(userId, f.inbox, 2, QStringLiteral("Annual infrastructure report"), nowMs - 19 * day, longReport(), 1));
    rows.push_back(standalone(userId, f.receipts, 13, QStringLiteral("Your CityRail receipt"), nowMs - 15 * day,
        QStringLiteral("Berlin Hbf to Hamburg Hbf, 2nd class, 49.90 EUR. Thank you for travelling with CityRail."), 1));
    rows.push_back(standalone(userId, f.inbox, 16, QStringLiteral("Welcome to Northwind"), nowMs - 60 * day,
        QStringLiteral("Welcome aboard! Your first week schedule is on the intranet."), 1));
    rows.push_back(standalone(userId, f.junk, 18, QStringLiteral("You have won a cruise!!!"), nowMs - 5 * day,
        QStringLiteral("Click here to claim your prize."), 1));
    rows.push_back(standalone(userId, f.deleted, 12, QStringLiteral("Spring sale: 20% off all paperbacks"), nowMs - 30 * day,
        QStringLiteral("Our spring sale starts today."), 1));
    int n = 0;
    for (MessageRow &m : rows) {
        m.read = nowMs - m.receivedMs > 7 * day;
        if (m.subject.startsWith(QLatin1String("Signed contract")))
            m.flag = flagBlob(Mark::Flagged, m.receivedMs);
        n += store.mail().insertMessage(m) ? 1 : 0;
    }
    return n;
}

// Three appointments around `now`, so clients meet items that belong to no
// conversation (not counted as mail).
void insertCalendar(ServerStore &store, qint64 userId, qint64 calendarId, const QDateTime &now)
{
    struct Appointment {
        const char *subject;
        int organizer;
        int days; // from today
        QTime start;
        int minutes;
        const char *location;
    };
    static const Appointment appointments[] = {
        {"Quarterly planning", 2, -5, QTime(14, 0), 120, "Main boardroom"},
        {"Skein Mobile launch review", 3, 1, QTime(10, 0), 60, "Room Lisbon"},
        {"Team lunch", 0, 3, QTime(12, 30), 60, "Harbour Café"},
    };
    int n = 0;
    for (const Appointment &a : appointments) {
        MessageRow m;
        m.userId = userId;
        m.folderId = calendarId;
        m.subject = QString::fromUtf8(a.subject);
        m.threadTopic = m.subject;
        m.from = address(a.organizer);
        m.read = true;
        m.receivedMs = QDateTime(now.date().addDays(a.days), a.start, Qt::UTC).toMSecsSinceEpoch();
        const qint64 made = m.receivedMs - 14LL * 24 * 3600 * 1000;
        store.mail().insertCalendarItem(m, CalendarDetails{m.receivedMs + qint64(a.minutes) * 60 * 1000, made,
                                                    QString::fromUtf8(a.location),
                                                    QStringLiteral("skein-demo-%1@northwind.example").arg(++n)});
    }
}

} // namespace

SeedResult seedDemo(ServerStore &store, const QString &user, const QString &password, const QDateTime &now)
{
    SeedResult result;
    store.begin();
    result.userId = store.accounts().ensureUser(user, password, QString::fromLatin1(people().at(0).email),
                                     QString::fromUtf8(people().at(0).name));
    Folders f;
    f.inbox = store.hierarchy().folderByType(result.userId, FolderType::Inbox)->id;
    f.sent = store.hierarchy().folderByType(result.userId, FolderType::SentItems)->id;
    f.deleted = store.hierarchy().folderByType(result.userId, FolderType::DeletedItems)->id;
    f.junk = store.hierarchy().folderByName(result.userId, QStringLiteral("Junk E-mail"))->id;
    auto userFolder = [&](const QString &name) {
        const auto existing = store.hierarchy().folderByName(result.userId, name);
        return existing ? existing->id : store.hierarchy().addFolder(result.userId, 0, name, FolderType::UserMail);
    };
    f.projects = userFolder(QStringLiteral("Projects"));
    f.receipts = userFolder(QStringLiteral("Receipts"));
    const qint64 nowMs = now.toMSecsSinceEpoch();
    int threadNo = 0;
    for (const DemoThread &t : threads()) {
        insertThread(store, result.userId, f, t, threadNo++, nowMs);
        result.messages += int(t.messages.size());
    }
    const int singles = insertStandalones(store, result.userId, f, nowMs);
    insertCalendar(store, result.userId, store.hierarchy().folderByType(result.userId, FolderType::Calendar)->id, now);
    result.conversations = threadNo + singles;
    result.messages += singles;
    store.commit();
    return result;
}

} // namespace skein::server::demo
