// skein-cli: the scripting face of Skein's sync engine.
#include "AttachmentCommands.h"
#include "CliCommands.h"
#include "CliSupport.h"

#include <QCoreApplication>
#include <QHash>

#include <cstdio>

using namespace skein::cli;

namespace {

void addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QStringLiteral(
        "Skein command line.\n\n"
        "  account add --url URL --user USER [--path PATH] [--no-save] [--password-stdin]\n"
        "  account add --email ADDRESS [--oauth] [--autodiscover-url BASE] [--tenant T] [--client-id ID]\n"
        "                             [--authority URL] [--password-stdin]\n"
        "                             finds the server (Autodiscover) and how it signs in; OAuth signs in\n"
        "                             with a code shown on stderr (device code flow), client id also from\n"
        "                             SKEIN_OAUTH_CLIENT_ID, Autodiscover base also SKEIN_AUTODISCOVER_URL\n"
        "  sync                       sync every mail folder\n"
        "  folders [--json]           list folders\n"
        "  conversations FOLDER [--json]   conversations with a message in FOLDER\n"
        "  show FOLDER SERVERID       one message (a ServerId is unique only within its folder)\n"
        "  show --id ROWID            one message by its local id (\"id\" in 'conversations --json')\n"
        "  show SERVERID              one message, when only one folder has this ServerId\n"
        "  estimate FOLDER [--filter DAYS] GetItemEstimate with ConversationMode; DAYS 0 = all,\n"
        "                             else 1, 3, 7, 14 or 31 days (one month, the most EAS allows for\n"
        "                             mail); other numbers round up to the next of these\n"
        "  act ACTION CONVERSATION_ID --folder FOLDER [--to FOLDER]\n"
        "                             ACTION: ignore, always-move (--to), move (--to), delete, flag,\n"
        "                             clear-flag, complete, read, unread; applies locally, sends it and\n"
        "                             prints 'done', 'refused: REASON' (exit 1) or 'pending: REASON'\n"
        "                             (kept and sent by the next sync; exit 2 or 3 as below)\n"
        "  find CONVERSATION_ID [--json]   every message of the conversation, all folders (Search)\n"
        "  send --to ADDRESS [--to ADDRESS] [--cc ADDRESS] [--bcc ADDRESS] --subject TEXT --body-file FILE\n"
        "       [--attach FILE]...    new mail (SendMail)\n"
        "  reply (FOLDER SERVERID | --id ROWID) [--all] --body-file FILE\n"
        "                             reply (all) to that message, quoting it (SmartReply)\n"
        "  forward (FOLDER SERVERID | --id ROWID) --to ADDRESS --body-file FILE\n"
        "                             forward it with its attachments (SmartForward)\n"
        "                             send, reply and forward put the message into the outbox, send it and print\n"
        "                             'sent', 'refused: REASON' (exit 1; it stays in the outbox) or\n"
        "                             'waiting: REASON' (sent by the next sync; exit 2 or 3 as below)\n"
        "  search TEXT [--folder FOLDER] [--json]\n"
        "                             conversations whose mail (subject, people, text) has every word of\n"
        "                             TEXT, the last one as a prefix, best match first; matches between **\n"
        "  outbox [--json]            the outbox: waiting, sending, refused and sent messages\n"
        "  outbox delete ID           removes a waiting or refused message\n"
        "  accounts [--json]          the profile's accounts: name (--account), user, server, protocol\n"
        "  drafts [--json]            the drafts saved on this computer, newest first, and where each is kept\n"
        "  drafts save [--id ID] [--to ADDRESS]... [--subject TEXT] [--body-file FILE] [--attach FILE]...\n"
        "                             saves a draft (a new one, or draft ID) and prints its id\n"
        "  drafts delete ID           deletes a draft (and, at 16.0+, later its copy on the server)\n"
        "  attachments --id ROWID [--json]  the attachments message ROWID lists (name, size)\n"
        "  save-attachment --id ROWID --name NAME --to PATH\n"
        "                             fetches attachment NAME into PATH (a folder: under NAME); the file\n"
        "                             appears only complete\n\n"
        "CONVERSATION_ID is the hex conversationId printed by 'conversations --json'.\n"
        "Exit codes: 0 done, 1 failed, 2 password refused or sign-in expired (sign in again), 3 server not reached or not answering,\n"
        "4 no such account, folder or message, 64 usage error (see the README)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("profile"), QStringLiteral("Profile folder (default: the XDG data location)."), QStringLiteral("DIR")},
        {QStringLiteral("account"),
         QStringLiteral("Which account of the profile (default: its first, PROFILE/skein.db); letters, digits, . _ @ -."),
         QStringLiteral("NAME")},
        {QStringLiteral("url"), QStringLiteral("Server address, e.g. https://mail.example.com, or the whole endpoint URL."), QStringLiteral("URL")},
        {QStringLiteral("user"), QStringLiteral("User name."), QStringLiteral("USER")},
        {QStringLiteral("path"), QStringLiteral("Endpoint path (default /Microsoft-Server-ActiveSync)."), QStringLiteral("PATH")},
        {QStringLiteral("no-save"), QStringLiteral("Do not store the password in the keychain.")},
        {QStringLiteral("password-stdin"), QStringLiteral("Read the password from the first line of standard input.")},
        {QStringLiteral("email"), QStringLiteral("Email address: find the server by Autodiscover."), QStringLiteral("ADDRESS")},
        {QStringLiteral("oauth"), QStringLiteral("Sign in with OAuth 2.0 (device code) instead of a password.")},
        {QStringLiteral("autodiscover-url"),
         QStringLiteral("For testers: ask only this Autodiscover base URL (also SKEIN_AUTODISCOVER_URL)."), QStringLiteral("BASE")},
        {QStringLiteral("tenant"), QStringLiteral("OAuth tenant (default common; or organizations, or a tenant id)."), QStringLiteral("T")},
        {QStringLiteral("client-id"), QStringLiteral("OAuth application (client) id (also SKEIN_OAUTH_CLIENT_ID)."), QStringLiteral("ID")},
        {QStringLiteral("authority"),
         QStringLiteral("OAuth authority (default: what the server names, else https://login.microsoftonline.com)."), QStringLiteral("URL")},
        {QStringLiteral("json"), QStringLiteral("Print JSON.")},
        {QStringLiteral("filter"), QStringLiteral("Date filter in days (0 all; at most one month for mail)."), QStringLiteral("DAYS")},
        {QStringLiteral("folder"), QStringLiteral("The folder the action applies in (act); to search in (search)."), QStringLiteral("FOLDER")},
        {QStringLiteral("to"), QStringLiteral("Destination folder (act move, act always-move); recipient (send, forward); "
                        "where to save (save-attachment)."),
         QStringLiteral("FOLDER|ADDRESS|PATH")},
        {QStringLiteral("cc"), QStringLiteral("Copy recipient (send, reply, forward)."), QStringLiteral("ADDRESS")},
        {QStringLiteral("bcc"), QStringLiteral("Blind copy recipient (send, reply, forward)."), QStringLiteral("ADDRESS")},
        {QStringLiteral("subject"), QStringLiteral("Subject (send)."), QStringLiteral("TEXT")},
        {QStringLiteral("body-file"), QStringLiteral("The message text, UTF-8 (- reads standard input)."), QStringLiteral("FILE")},
        {QStringLiteral("attach"), QStringLiteral("A file to attach (send, reply, forward; repeat for more)."), QStringLiteral("FILE")},
        {QStringLiteral("all"), QStringLiteral("Reply to all recipients (reply).")},
        {QStringLiteral("id"), QStringLiteral("Local message id (show)."), QStringLiteral("ROWID")},
        {QStringLiteral("name"), QStringLiteral("Attachment name (save-attachment)."), QStringLiteral("NAME")},
        {QStringLiteral("timeout"),
         QStringLiteral("Seconds to wait for each answer of the server (default %1).").arg(kDefaultTimeoutSeconds),
         QStringLiteral("SECONDS"), QString::number(kDefaultTimeoutSeconds)},
    });
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do (see above)."));
}

struct Command {
    qsizetype maxWords; // positional words, the command's name included: more is a usage error
    int (*run)(const Invocation &);
};

const QHash<QString, Command> kCommands{
    {QStringLiteral("account"), {2, accountAdd}}, // account add
    {QStringLiteral("sync"), {1, sync}},
    {QStringLiteral("folders"), {1, folders}},
    {QStringLiteral("conversations"), {2, conversations}},
    {QStringLiteral("show"), {3, show}},
    {QStringLiteral("estimate"), {2, estimate}},
    {QStringLiteral("act"), {3, act}},
    {QStringLiteral("find"), {2, find}},
    {QStringLiteral("send"), {1, send}},
    {QStringLiteral("reply"), {3, reply}},
    {QStringLiteral("forward"), {3, forward}},
    {QStringLiteral("outbox"), {3, outbox}},
    {QStringLiteral("drafts"), {3, drafts}},
    {QStringLiteral("accounts"), {1, accounts}},
    {QStringLiteral("search"), {64, search}}, // search WORD...
    {QStringLiteral("attachments"), {1, attachments}},
    {QStringLiteral("save-attachment"), {1, saveAttachment}},
};

// "Unknown option 'x'." -> "unknown option 'x'", in the style of skein-cli's other reasons.
QString asReason(QString text)
{
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    if (!text.isEmpty())
        text[0] = text.at(0).toLower();
    return text;
}

// --timeout SECONDS: a whole number from 1 to a day; 0 with the reason printed.
int timeoutSeconds(const QCommandLineParser &parser)
{
    const QString text = parser.value(QStringLiteral("timeout"));
    bool ok = false;
    const int seconds = text.toInt(&ok);
    if (ok && seconds >= 1 && seconds <= kMaxTimeoutSeconds)
        return seconds;
    fail(Usage, QStringLiteral("--timeout needs a whole number of seconds from 1 to %1, not '%2'")
                    .arg(kMaxTimeoutSeconds)
                    .arg(text));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("skein"));
    QCommandLineParser parser;
    addOptions(parser);
    // parse(), not process(): process() would exit 1 and name the application
    // "skein"; every usage error of skein-cli exits 64 with its own prefix.
    if (!parser.parse(QCoreApplication::arguments()))
        return fail(Usage, asReason(parser.errorText()) + QStringLiteral("; see skein-cli --help"));
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all")))
        parser.showHelp(Ok);
    // Not showVersion(): the application name is "skein" (it picks the profile's settings).
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("skein-cli %s\n", SKEIN_VERSION);
        return Ok;
    }

    const int timeout = timeoutSeconds(parser);
    if (!timeout)
        return Usage;
    const QString account = parser.value(QStringLiteral("account"));
    if (parser.isSet(QStringLiteral("account")) && !Profile::isValidAccountName(account))
        return fail(Usage, QStringLiteral("--account needs a name of letters, digits and . _ @ - (not starting with a dot), not '%1'")
                               .arg(account));
    const Invocation in{Profile(parser.value(QStringLiteral("profile")), account), parser.positionalArguments(), parser, timeout};
    const QString name = in.words.value(0);
    if (name.isEmpty())
        return fail(Usage, QStringLiteral("no command; see skein-cli --help"));
    const auto command = kCommands.constFind(name);
    if (command == kCommands.cend() || (name == QLatin1String("account") && in.words.value(1) != QLatin1String("add")))
        return fail(Usage, QStringLiteral("unknown command '%1'; see skein-cli --help").arg(in.words.join(QLatin1Char(' '))));
    if (in.words.size() > command->maxWords)
        return fail(Usage, QStringLiteral("%1 does not take '%2'; see skein-cli --help")
                               .arg(name, in.words.mid(command->maxWords).join(QLatin1Char(' '))));
    return command->run(in);
}
