// A message's new text apart from what it quotes, for servers without the
// message part: the usual quote forms are cut, and no line the writer wrote
// is ever hidden.
#include "QuotedText.h"

#include <QTest>

using namespace skein;

class TestQuotedText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("newText");
        QTest::addColumn<bool>("cut");
        QTest::newRow("attribution and quote")
            << "Sounds good, ship it.\n\nOn Tue, 5 Dec 2026 at 10:02, Ben User <ben@example.com> wrote:\n> Ready?\n>\n> Ben\n"
            << "Sounds good, ship it." << true;
        QTest::newRow("wrapped attribution")
            << "Yes.\n\nOn Tue, 5 Dec 2026 at 10:02, Ben User <ben@\nexample.com> wrote:\n\n> Ready?"
            << "Yes." << true;
        QTest::newRow("German attribution") << "Ja.\n\nAm 5.12.2026 um 10:02 schrieb Ben User:\n> Fertig?"
                                            << "Ja." << true;
        QTest::newRow("bare quote") << "Agreed.\n> the plan\n> as sent" << "Agreed." << true;
        QTest::newRow("Outlook header")
            << "Thanks, Ada.\n\nFrom: Ben User <ben@example.com>\nSent: Tuesday, 5 December 2026 10:02\n"
               "To: Ada\nSubject: Launch plan\n\nReady?"
            << "Thanks, Ada." << true;
        QTest::newRow("Original Message")
            << "See below.\n-----Original Message-----\nFrom: Ben\nReady?" << "See below." << true;
        QTest::newRow("inline answer keeps its quotes")
            << "> Ready?\nYes.\n> Friday?\nNo, Monday.\n\n> Thanks\n> Ben"
            << "> Ready?\nYes.\n> Friday?\nNo, Monday." << true;
        QTest::newRow("a line after the quote keeps everything")
            << "Yes.\n> Ready?\nBen's question above." << "Yes.\n> Ready?\nBen's question above." << false;
        QTest::newRow("signature after the quote")
            << "Yes.\n> Ready?\n-- \nAda" << "Yes.\n> Ready?\n-- \nAda" << false;
        QTest::newRow("nothing quoted") << "Just this." << "Just this." << false;
        QTest::newRow("only a quote shows it all") << "> Ready?\n> Ben" << "> Ready?\n> Ben" << false;
        QTest::newRow("From: in a sentence") << "From: the team, with thanks.\nSee you." << "From: the team, with thanks.\nSee you."
                                             << false;
        QTest::newRow("attribution without a quote stays")
            << "On Monday, Ben wrote:\nthe plan is fine" << "On Monday, Ben wrote:\nthe plan is fine" << false;
    }

    void plainText()
    {
        QFETCH(QString, text);
        QFETCH(QString, newText);
        QFETCH(bool, cut);
        const QuotedSplit split = splitQuotedPlainText(text);
        QCOMPARE(split.newText, newText);
        QCOMPARE(split.cut, cut);
    }

    void html_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("newHtml");
        QTest::addColumn<bool>("cut");
        QTest::newRow("Outlook divRplyFwdMsg")
            << R"(<div>Thanks!</div><hr style="display:inline-block"><div id="divRplyFwdMsg"><b>From:</b> Ben</div><div>Ready?</div>)"
            << "<div>Thanks!</div>" << true;
        QTest::newRow("gmail_quote")
            << R"(<div dir="ltr">Yes.</div><br><div class="gmail_quote"><div class="gmail_attr">On Tue, Ben wrote:</div><blockquote>Ready?</blockquote></div>)"
            << R"(<div dir="ltr">Yes.</div><br>)" << true;
        QTest::newRow("trailing blockquote")
            << "<p>Yes.</p><blockquote type=\"cite\"><p>Ready?</p><blockquote>Older</blockquote></blockquote>\n<p>&nbsp;</p>"
            << "<p>Yes.</p>" << true;
        QTest::newRow("text after the blockquote keeps everything")
            << "<p>Yes.</p><blockquote>Ready?</blockquote><p>And Friday works.</p>"
            << "<p>Yes.</p><blockquote>Ready?</blockquote><p>And Friday works.</p>" << false;
        QTest::newRow("only a quote shows it all") << "<blockquote>Ready?</blockquote>"
                                                   << "<blockquote>Ready?</blockquote>" << false;
        QTest::newRow("nothing quoted") << "<p>Hello</p>" << "<p>Hello</p>" << false;
    }

    void html()
    {
        QFETCH(QString, html);
        QFETCH(QString, newHtml);
        QFETCH(bool, cut);
        const QuotedSplit split = splitQuotedHtml(html);
        QCOMPARE(split.newText, newHtml);
        QCOMPARE(split.cut, cut);
    }
};

QTEST_APPLESS_MAIN(TestQuotedText)
#include "tst_quotedtext.moc"
