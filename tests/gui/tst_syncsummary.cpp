// What the status bar says about a finished sync (desktop::summarize):
// the counts of new, changed and removed mail, and messages that left
// because of the date filter said as such, never as "removed".
#include "SyncSummary.h"

#include <QtTest>

using skein::desktop::summarize;
using skein::eas::FolderReport;
using skein::eas::SyncReport;

class TestSyncSummary : public QObject
{
    Q_OBJECT

    static SyncReport reportOf(int added, int changed, int deleted, int softDeleted)
    {
        FolderReport inbox;
        inbox.folderName = QStringLiteral("Inbox");
        inbox.added = added;
        inbox.changed = changed;
        inbox.deleted = deleted;
        inbox.softDeleted = softDeleted;
        SyncReport report;
        report.folders.append(inbox);
        return report;
    }

private Q_SLOTS:
    void countsNewChangedAndRemovedMail()
    {
        QCOMPARE(summarize(reportOf(3, 1, 2, 0)).message, QStringLiteral("Synced: 3 new, 1 changed, 2 removed."));
        QCOMPARE(summarize(reportOf(0, 0, 0, 0)).message, QStringLiteral("Synced: no new mail."));
    }

    // Narrowing Show Mail From used to report "93 removed", which reads
    // like mail was deleted; the server only stopped sending it.
    void dateFilterLeaversAreNotRemovedMail()
    {
        QCOMPARE(summarize(reportOf(0, 0, 0, 93)).message,
                 QStringLiteral("Synced: no new mail; 93 older messages hidden by the date filter."));
        QCOMPARE(summarize(reportOf(0, 0, 0, 1)).message,
                 QStringLiteral("Synced: no new mail; 1 older message hidden by the date filter."));
        QCOMPARE(summarize(reportOf(2, 0, 1, 93)).message,
                 QStringLiteral("Synced: 2 new, 0 changed, 1 removed; 93 older messages hidden by the date filter."));
    }

    void failureSaysTheServersReason()
    {
        SyncReport report = reportOf(0, 0, 0, 0);
        report.error = skein::eas::ErrorKind::Network;
        report.message = QStringLiteral("Could not reach the server: Connection refused");
        const auto summary = summarize(report);
        QVERIFY(!summary.ok);
        QCOMPARE(summary.message, report.message);
    }
};

QTEST_MAIN(TestSyncSummary)
#include "tst_syncsummary.moc"
