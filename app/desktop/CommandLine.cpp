#include "CommandLine.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace skein::desktop {

namespace {

// Before QApplication exists Qt cannot name the program in the usage line.
QString helpText(const QCommandLineParser &parser)
{
    QString text = parser.helpText();
    text.replace(QLatin1String("<executable_name>"), QLatin1String("skein"));
    return text;
}

} // namespace

ParsedCommandLine parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Skein: Exchange ActiveSync mail, read as conversations."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     QStringLiteral("Profile folder (default: the one skein-cli uses)."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Start the demo server (skein-server, beside skein) with a sample mailbox and show it."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("After the first sync, save the window as a PNG and quit."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption selectSubject(
        QStringLiteral("select-subject"),
        QStringLiteral("With --screenshot: show the first conversation of several messages whose subject "
                       "contains TEXT (ignoring case), or else the first single message whose subject does, "
                       "instead of the first one."),
        QStringLiteral("TEXT"));
    const QCommandLineOption demoOAuth(
        QStringLiteral("demo-oauth"),
        QStringLiteral("Like --demo, but the demo server only accepts \"Sign in with Microsoft\" (OAuth 2.0): "
                       "sign in from the email address in your browser, as user demo, password demo."));
    const QCommandLineOption selectFolder(
        QStringLiteral("select-folder"),
        QStringLiteral("With --screenshot: show the folder named NAME (for example Outbox or Drafts) first. The picture is "
                       "taken even when the first sync fails, so it can show Skein offline."),
        QStringLiteral("NAME"));
    const QCommandLineOption demoMessages(
        QStringLiteral("demo-messages"),
        QStringLiteral("With --demo: add N generated messages (threads of 1 to 10) to the demo Inbox, to try Skein "
                       "on a large mailbox."),
        QStringLiteral("N"));
    parser.addOptions({profile, demo, demoOAuth, screenshot, selectSubject, selectFolder, demoMessages});

    ParsedCommandLine result;
    if (!parser.parse(arguments)) {
        result.text = parser.errorText() + QStringLiteral("\n\n") + helpText(parser);
        result.exitCode = 2;
        return result;
    }
    if (parser.isSet(help)) {
        result.text = helpText(parser);
        return result;
    }
    if (parser.isSet(version)) {
        result.text = QCoreApplication::applicationName() + QLatin1Char(' ')
                      + QCoreApplication::applicationVersion() + QLatin1Char('\n');
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        result.text = QStringLiteral("Unexpected argument: %1\n\n%2")
                          .arg(parser.positionalArguments().constFirst(), helpText(parser));
        result.exitCode = 2;
        return result;
    }
    for (const QCommandLineOption *withShot : {&selectSubject, &selectFolder}) {
        if (parser.isSet(*withShot) && !parser.isSet(screenshot)) {
            result.text = QStringLiteral("--%1 only works with --screenshot\n\n%2")
                              .arg(withShot->names().constFirst(), helpText(parser));
            result.exitCode = 2;
            return result;
        }
    }
    bool countOk = true;
    const int generated = parser.isSet(demoMessages) ? parser.value(demoMessages).toInt(&countOk) : 0;
    if (!countOk || generated < 0 || (parser.isSet(demoMessages) && !parser.isSet(demo))) {
        result.text = QStringLiteral("--demo-messages takes a number of messages and only works with --demo\n\n%1")
                          .arg(helpText(parser));
        result.exitCode = 2;
        return result;
    }
    result.options = DesktopOptions{parser.value(profile), parser.isSet(demo) || parser.isSet(demoOAuth),
                                    parser.value(screenshot), parser.value(selectSubject), parser.isSet(demoOAuth),
                                    parser.value(selectFolder), generated};
    return result;
}

} // namespace skein::desktop
