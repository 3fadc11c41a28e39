// skein-cli: the scripting face of Skein's sync engine.
#include "CliCommands.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace skein::cli;

namespace {

void addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QStringLiteral(
        "Skein command line.\n\n"
        "  account add --url URL --user USER [--path PATH] [--no-save]\n"
        "  sync                       sync every mail folder\n"
        "  folders [--json]           list folders\n"
        "  conversations FOLDER [--json]   conversations with a message in FOLDER\n"
        "  show FOLDER SERVERID       one message (a ServerId is unique only within its folder)\n"
        "  show --id ROWID            one message by its local id (\"id\" in 'conversations --json')\n"
        "  show SERVERID              one message, when only one folder has this ServerId\n"
        "  estimate FOLDER [--filter DAYS] GetItemEstimate with ConversationMode; DAYS 0 = all,\n"
        "                             else 1, 3, 7, 14 days or one month (the most EAS allows for mail)\n"
        "  act ACTION CONVERSATION_ID --folder FOLDER [--to FOLDER]\n"
        "                             ACTION: ignore, always-move (--to), move (--to), delete, flag,\n"
        "                             clear-flag, complete, read, unread; applies locally, sends it and\n"
        "                             prints 'done' or 'refused: REASON' (exit 1)\n"
        "  find CONVERSATION_ID [--json]   every message of the conversation, all folders (Search)\n\n"
        "CONVERSATION_ID is the hex conversationId printed by 'conversations --json'."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("profile"), QStringLiteral("Profile folder (default: the XDG data location)."), QStringLiteral("DIR")},
        {QStringLiteral("url"), QStringLiteral("Server address, e.g. https://mail.example.com"), QStringLiteral("URL")},
        {QStringLiteral("user"), QStringLiteral("User name."), QStringLiteral("USER")},
        {QStringLiteral("path"), QStringLiteral("Endpoint path (default /Microsoft-Server-ActiveSync)."), QStringLiteral("PATH")},
        {QStringLiteral("no-save"), QStringLiteral("Do not store the password in the keychain.")},
        {QStringLiteral("json"), QStringLiteral("Print JSON.")},
        {QStringLiteral("filter"), QStringLiteral("Date filter in days (0 all; at most one month for mail)."), QStringLiteral("DAYS")},
        {QStringLiteral("folder"), QStringLiteral("The folder the action applies in (act)."), QStringLiteral("FOLDER")},
        {QStringLiteral("to"), QStringLiteral("Destination folder (act move, act always-move)."), QStringLiteral("FOLDER")},
        {QStringLiteral("id"), QStringLiteral("Local message id (show)."), QStringLiteral("ROWID")},
    });
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do (see above)."));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("skein"));
    QCommandLineParser parser;
    addOptions(parser);
    parser.process(app);

    const Invocation in{Profile(parser.value(QStringLiteral("profile"))), parser.positionalArguments(), parser};
    const QString command = in.words.value(0);
    if (command == QLatin1String("account") && in.words.value(1) == QLatin1String("add"))
        return accountAdd(in);
    if (command == QLatin1String("sync"))
        return sync(in);
    if (command == QLatin1String("folders"))
        return folders(in);
    if (command == QLatin1String("conversations"))
        return conversations(in);
    if (command == QLatin1String("show"))
        return show(in);
    if (command == QLatin1String("estimate"))
        return estimate(in);
    if (command == QLatin1String("act"))
        return act(in);
    if (command == QLatin1String("find"))
        return find(in);

    QTextStream(stderr) << "skein-cli: unknown command '" << in.words.join(QLatin1Char(' '))
                        << "'; see skein-cli --help\n";
    return Usage;
}
