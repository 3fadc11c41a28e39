// statusText: every listed status has a specific, user-readable sentence.
#include "StatusText.h"

#include <QSet>
#include <QTest>

using skein::eas::statusText;

namespace {

bool isSpecific(const QString &text)
{
    return !text.contains(QStringLiteral("no explanation for")) && text.endsWith(QLatin1Char('.'))
        && text.at(0).isUpper();
}

} // namespace

class TestStatusText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyListedStatus_data()
    {
        QTest::addColumn<QByteArray>("command");
        QTest::addColumn<int>("status");
        const auto rows = [](const char *command, std::initializer_list<int> codes) {
            for (int c : codes)
                QTest::addRow("%s %d", command, c) << QByteArray(command) << c;
        };
        rows("Sync", {1, 3, 4, 5, 6, 7, 8, 9, 12, 13, 14, 15, 16});
        rows("FolderSync", {1, 6, 9, 10, 11, 12});
        rows("GetItemEstimate", {1, 2, 3, 4, 103});
        rows("Provision", {1, 2, 3, 139, 141, 145});
        rows("Provision.Policy", {1, 2, 3, 4, 5});
        rows("ItemOperations", {1, 2, 3, 6, 9, 12, 15, 16, 17, 18, 105, 155, 156});
        rows("MoveItems", {1, 2, 3, 4, 5, 7});
        rows("Search", {1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14});
        rows("Ping", {1, 2, 3, 4, 5, 6, 7, 8});
        rows("SendMail", {1, 113, 115, 116, 118, 120});
        rows("SmartReply", {1, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 150});
        rows("SmartForward", {1, 107, 110, 117, 118, 119, 120, 150, 178, 179});
        for (int c = 101; c <= 177; ++c)
            if (c < 157 || c > 159) // unassigned
                QTest::addRow("common %d", c) << QByteArray("Sync") << c;
    }

    void everyListedStatus()
    {
        QFETCH(QByteArray, command);
        QFETCH(int, status);
        const QString text = statusText(command, status);
        QVERIFY2(isSpecific(text), qPrintable(text));
    }

    void commandSpecificMeaningsDiffer()
    {
        // The same number means different things per command.
        QVERIFY(statusText("MoveItems", 3).contains(QStringLiteral("moved successfully")));
        QVERIFY(statusText("Sync", 3).contains(QStringLiteral("sync key is invalid")));
        QVERIFY(statusText("Provision.Policy", 2) != statusText("Provision", 2));
        QVERIFY(statusText("ItemOperations", 156).contains(QStringLiteral("mail folder")));
        QCOMPARE(statusText("sync", 12), statusText("Sync", 12)); // case-insensitive
    }

    void unknownStatusNamesTheNumber()
    {
        const QString text = statusText("Sync", 99);
        QVERIFY(text.contains(QStringLiteral("99")));
        QVERIFY(text.contains(QStringLiteral("Sync")));
    }

    void sentencesAreDistinctPerCommand()
    {
        QSet<QString> seen;
        for (int s : {1, 3, 4, 5, 6, 7, 8, 9, 12, 13, 14, 15, 16})
            seen.insert(statusText("Sync", s));
        QCOMPARE(seen.size(), 13);
    }
};

QTEST_GUILESS_MAIN(TestStatusText)
#include "tst_statustext.moc"
