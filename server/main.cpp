// skein-server: the reference Exchange ActiveSync server.
//
//   skein-server --listen 127.0.0.1:0 --data DIR [--seed demo] [--users demo:demo,alice:alice]
//                [--generate N --user U --folder Inbox] [--fault 503:2,500:3,sync3:Inbox]
//                [--refuse conversation-move,conversation-search] [--no-conversation-index]
//                [--seed-mime DIR --user U] [--now 2026-01-01T12:00:00Z] [--max-request-bytes N]
//                [--auth basic|oauth|both] [--token-lifetime S] [--device-interval S] [--device-code-lifetime S]
//                [--exit-on-stdin-close]
//   skein-server --data DIR [--seed demo] dump --json
//   skein-server --data DIR revoke --user U
//   skein-server --data DIR deliver --to USER (--mime FILE | --reply-to SERVERID --from ADDR --subject S --body B
//                                              | --new --from ADDR --subject S --body B)
//
// Prints "listening http://127.0.0.1:PORT/Microsoft-Server-ActiveSync" as the
// first stdout line and serves until SIGINT/SIGTERM (or, with
// --exit-on-stdin-close, until its standard input closes).
#include "ReferenceServer.h"
#include "ServerContext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int g_signalFd[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(g_signalFd[0], &c, 1);
}

int fail(const QString &why, int code = 1)
{
    std::fprintf(stderr, "skein-server: %s\n", qPrintable(why));
    return code;
}

struct DeliverOptions {
    QCommandLineOption to{QStringLiteral("to"), QStringLiteral("With 'deliver': recipient user name."), QStringLiteral("user")};
    QCommandLineOption mime{QStringLiteral("mime"), QStringLiteral("With 'deliver': RFC 5322 message file ('-': stdin)."),
                            QStringLiteral("file")};
    QCommandLineOption replyTo{QStringLiteral("reply-to"), QStringLiteral("With 'deliver': reply to this ServerId of the user."),
                               QStringLiteral("serverId")};
    QCommandLineOption fresh{QStringLiteral("new"), QStringLiteral("With 'deliver': a new conversation.")};
    QCommandLineOption from{QStringLiteral("from"), QStringLiteral("With 'deliver': sender address."), QStringLiteral("addr")};
    QCommandLineOption subject{QStringLiteral("subject"), QStringLiteral("With 'deliver': subject."), QStringLiteral("text")};
    QCommandLineOption body{QStringLiteral("body"), QStringLiteral("With 'deliver': plain-text body."), QStringLiteral("text")};
};

QByteArray readMime(const QString &path, bool *ok)
{
    QFile file(path);
    *ok = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly);
    return *ok ? file.readAll() : QByteArray();
}

// `deliver`: one message into a store another skein-server may be serving
// (SQLite WAL + busy timeout make that safe). Prints one JSON line.
int runDeliver(skein::server::ReferenceServer &server, const QCommandLineParser &parser, const DeliverOptions &o)
{
    const int modes = int(parser.isSet(o.mime)) + int(parser.isSet(o.replyTo)) + int(parser.isSet(o.fresh));
    if (!parser.isSet(o.to) || modes != 1)
        return fail(QStringLiteral("deliver needs --to USER and one of --mime FILE, --reply-to SERVERID, --new"), 2);
    skein::server::IncomingMail mail;
    mail.to = parser.value(o.to);
    if (parser.isSet(o.mime)) {
        bool ok = false;
        mail.mime = readMime(parser.value(o.mime), &ok);
        if (!ok)
            return fail(QStringLiteral("cannot read %1").arg(parser.value(o.mime)));
    } else {
        if (!parser.isSet(o.from) || !parser.isSet(o.subject))
            return fail(QStringLiteral("--reply-to and --new need --from ADDR and --subject S"), 2);
        mail.replyToServerId = parser.value(o.replyTo);
        mail.from = parser.value(o.from);
        mail.subject = parser.value(o.subject);
        mail.body = parser.value(o.body);
    }
    const skein::server::DeliveryResult r = server.deliver(mail);
    if (!r.ok)
        return fail(r.error);
    const QJsonObject out{{QStringLiteral("serverId"), r.serverId},
                          {QStringLiteral("conversationId"), QString::fromLatin1(r.conversationId.toHex())},
                          {QStringLiteral("conversationIndex"), QString::fromLatin1(r.conversationIndex.toHex())},
                          {QStringLiteral("folderId"), r.folderId},
                          {QStringLiteral("folder"), r.folder},
                          {QStringLiteral("messageId"), r.messageId}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    return 0;
}

// A positive number of seconds from an option, or -1 (and the message printed) when it is not one.
int secondsOption(const QCommandLineParser &parser, const QCommandLineOption &option, int fallback)
{
    if (!parser.isSet(option))
        return fallback;
    bool ok = false;
    const int seconds = parser.value(option).toInt(&ok);
    if (!ok || seconds <= 0) {
        fail(QStringLiteral("bad --%1 value %2 (use a positive number of seconds)")
                 .arg(option.names().first(), parser.value(option)));
        return -1;
    }
    return seconds;
}

// `revoke`: every token of the user, while another skein-server may be
// serving DIR; that one reads tokens afresh for every request.
int runRevoke(skein::server::ReferenceServer &server, const QCommandLineParser &parser, const QCommandLineOption &user)
{
    if (!parser.isSet(user))
        return fail(QStringLiteral("revoke needs --user USER"), 2);
    const int revoked = server.revokeTokens(parser.value(user));
    if (revoked < 0)
        return fail(QStringLiteral("no user %1").arg(parser.value(user)));
    const QJsonObject out{{QStringLiteral("user"), parser.value(user)}, {QStringLiteral("revoked"), revoked}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    return 0;
}

// --exit-on-stdin-close: a parent that starts us with a pipe as standard
// input stops us by closing it, and so does its end, a crash included.
// Whatever arrives on the pipe is read and ignored.
void quitWhenStdinCloses(QSocketNotifier &notifier)
{
    QObject::connect(&notifier, &QSocketNotifier::activated, &notifier, [&notifier] {
        char buffer[512];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
            notifier.setEnabled(false);
            QCoreApplication::quit();
        }
    });
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("skein-server"));
    // Failures are reported in one line of our own, not in Qt's words too.
    static const QtMessageHandler previous = qInstallMessageHandler(
        [](QtMsgType type, const QMessageLogContext &context, const QString &message) {
            if (context.category && qstrncmp(context.category, "qt.httpserver", 13) == 0 && type != QtFatalMsg)
                return;
            previous(type, context, message);
        });

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Skein reference Exchange ActiveSync server"));
    parser.addHelpOption();
    const QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("Address and port (port 0 = any free one)."),
                                    QStringLiteral("host:port"), QStringLiteral("127.0.0.1:0"));
    const QCommandLineOption data(QStringLiteral("data"), QStringLiteral("Data directory (SQLite store)."), QStringLiteral("dir"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("'demo': user demo/demo with the demo mailbox if the store is empty."),
                                  QStringLiteral("name"));
    const QCommandLineOption users(QStringLiteral("users"), QStringLiteral("Users to create, name:password,..."), QStringLiteral("list"));
    const QCommandLineOption generate(QStringLiteral("generate"), QStringLiteral("Insert N synthetic messages."), QStringLiteral("N"));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("User for --generate and --seed-mime."), QStringLiteral("name"),
                                  QStringLiteral("demo"));
    const QCommandLineOption folder(QStringLiteral("folder"), QStringLiteral("Folder for --generate."), QStringLiteral("name"),
                                    QStringLiteral("Inbox"));
    const QCommandLineOption fault(QStringLiteral("fault"), QStringLiteral("Fault injection: 503:N, 500:N, sync3:FOLDER, move:S, send:S, refuse-recipient:ADDRESS, hold:COMMAND:MS, autodiscover-redirect:URL (comma separated)."),
                                   QStringLiteral("spec"));
    const QCommandLineOption refuse(QStringLiteral("refuse"),
                                    QStringLiteral("Behave like SOGo: conversation-move,conversation-search answer a bare "
                                                   "HTTP 500 (also env SKEIN_SERVER_REFUSE)."),
                                    QStringLiteral("list"));
    const QCommandLineOption noConversationIndex(QStringLiteral("no-conversation-index"),
                                                 QStringLiteral("Never send Email2:ConversationIndex (like SOGo)."));
    const QCommandLineOption seedMime(QStringLiteral("seed-mime"),
                                      QStringLiteral("Import DIR/manifest.json and its .eml files into --user's mailbox."),
                                      QStringLiteral("dir"));
    const QCommandLineOption now(QStringLiteral("now"), QStringLiteral("Pin the server clock (ISO 8601 UTC)."), QStringLiteral("time"));
    const QCommandLineOption maxRequestBytes(
        QStringLiteral("max-request-bytes"),
        QStringLiteral("Refuse request bodies over N bytes with HTTP 413 (default %1).").arg(skein::server::kDefaultMaxRequestBytes),
        QStringLiteral("N"));
    const QCommandLineOption auth(QStringLiteral("auth"),
                                  QStringLiteral("Schemes the ActiveSync endpoint accepts: basic, oauth or both (default)."),
                                  QStringLiteral("mode"), QStringLiteral("both"));
    const QCommandLineOption tokenLifetime(QStringLiteral("token-lifetime"),
                                           QStringLiteral("Lifetime of access tokens in seconds (default 3600)."),
                                           QStringLiteral("seconds"));
    const QCommandLineOption deviceInterval(QStringLiteral("device-interval"),
                                            QStringLiteral("Device-code poll interval in seconds (default 5)."),
                                            QStringLiteral("seconds"));
    const QCommandLineOption deviceCodeLifetime(QStringLiteral("device-code-lifetime"),
                                                QStringLiteral("Lifetime of device codes in seconds (default 900)."),
                                                QStringLiteral("seconds"));
    const QCommandLineOption exitOnStdinClose(
        QStringLiteral("exit-on-stdin-close"),
        QStringLiteral("Stop serving when standard input closes (the parent that started the server ended)."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("With 'dump': print JSON (the only format)."));
    const DeliverOptions deliverOptions;
    parser.addOptions({listen, data, seed, users, generate, user, folder, fault, refuse, noConversationIndex, seedMime,
                       now, maxRequestBytes, auth, tokenLifetime, deviceInterval, deviceCodeLifetime, exitOnStdinClose, json,
                       deliverOptions.to,
                       deliverOptions.mime, deliverOptions.replyTo, deliverOptions.fresh, deliverOptions.from,
                       deliverOptions.subject, deliverOptions.body});
    parser.addPositionalArgument(QStringLiteral("dump|deliver|revoke"),
                                 QStringLiteral("dump: print users, folders, messages and rules as JSON and exit; "
                                                "deliver: put one message into a user's mailbox and exit; "
                                                "revoke: revoke every token of --user and exit."));
    parser.process(app);

    if (!parser.isSet(data))
        return fail(QStringLiteral("--data DIR is required"), 2);
    const QStringList positional = parser.positionalArguments();
    const bool dump = positional == QStringList{QStringLiteral("dump")};
    const bool deliver = positional == QStringList{QStringLiteral("deliver")};
    const bool revoke = positional == QStringList{QStringLiteral("revoke")};
    if (!positional.isEmpty() && !dump && !deliver && !revoke)
        return fail(QStringLiteral("unknown argument %1").arg(positional.join(QLatin1Char(' '))), 2);

    QDateTime clock = QDateTime::currentDateTimeUtc();
    skein::server::ReferenceServer server;
    if (parser.isSet(now)) {
        clock = QDateTime::fromString(parser.value(now), Qt::ISODateWithMs);
        if (!clock.isValid())
            return fail(QStringLiteral("bad --now value %1").arg(parser.value(now)), 2);
        server.setNow(clock);
    }

    if (parser.isSet(maxRequestBytes)) {
        bool ok = false;
        const qint64 limit = parser.value(maxRequestBytes).toLongLong(&ok);
        if (!ok || limit <= 0)
            return fail(QStringLiteral("bad --max-request-bytes value %1 (use a positive number of bytes)")
                            .arg(parser.value(maxRequestBytes)),
                        2);
        server.setMaxRequestBytes(limit);
    }

    if (!server.identity().setAuthMode(parser.value(auth)))
        return fail(QStringLiteral("bad --auth value %1 (use basic, oauth or both)").arg(parser.value(auth)), 2);
    const int lifetime = secondsOption(parser, tokenLifetime, 3600);
    const int interval = secondsOption(parser, deviceInterval, 5);
    const int deviceLifetime = secondsOption(parser, deviceCodeLifetime, 900);
    if (lifetime < 0 || interval < 0 || deviceLifetime < 0)
        return 2;
    server.identity().setAccessTokenLifetime(lifetime);
    server.identity().setDeviceCodeInterval(interval);
    server.identity().setDeviceCodeLifetime(deviceLifetime);

    QString error;
    if (!server.open(parser.value(data), &error))
        return fail(error);
    if (revoke)
        return runRevoke(server, parser, user);

    if (parser.isSet(seed)) {
        if (parser.value(seed) != QLatin1String("demo"))
            return fail(QStringLiteral("unknown seed '%1' (only 'demo')").arg(parser.value(seed)), 2);
        if (!server.hasUsers())
            server.seedDemo(clock);
    }
    for (const QString &entry : parser.value(users).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const int colon = entry.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            return fail(QStringLiteral("bad --users entry '%1' (use name:password)").arg(entry), 2);
        server.addUser(entry.left(colon).trimmed(), entry.mid(colon + 1));
    }
    if (parser.isSet(generate)) {
        bool ok = false;
        const int n = parser.value(generate).toInt(&ok);
        if (!ok || n < 0)
            return fail(QStringLiteral("bad --generate value %1").arg(parser.value(generate)), 2);
        server.generate(parser.value(user), parser.value(folder), n, 1, clock);
    }
    if (parser.isSet(seedMime) && server.seedMime(parser.value(seedMime), parser.value(user), &error) < 0)
        return fail(error);
    const QString refuseSpec = parser.isSet(refuse) ? parser.value(refuse) : qEnvironmentVariable("SKEIN_SERVER_REFUSE");
    if (!refuseSpec.isEmpty() && !server.quirks().applyRefusalSpec(refuseSpec, &error))
        return fail(error, 2);
    if (parser.isSet(noConversationIndex))
        server.quirks().setConversationIndexEnabled(false);
    const QString faultSpec = parser.isSet(fault) ? parser.value(fault) : qEnvironmentVariable("SKEIN_SERVER_FAULT");
    if (!faultSpec.isEmpty() && !server.faults().applyFaultSpec(faultSpec, &error))
        return fail(error, 2);

    if (deliver)
        return runDeliver(server, parser, deliverOptions);
    if (dump) {
        std::fputs(QJsonDocument(server.dump()).toJson(QJsonDocument::Indented).constData(), stdout);
        std::fflush(stdout);
        return 0;
    }

    const QString listenSpec = parser.value(listen);
    const int colon = listenSpec.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const int port = colon < 0 ? -1 : listenSpec.mid(colon + 1).toInt(&portOk);
    const QHostAddress address(listenSpec.left(colon));
    if (!portOk || port < 0 || port > 65535 || address.isNull())
        return fail(QStringLiteral("bad --listen value %1 (use host:port)").arg(listenSpec), 2);
    const quint16 bound = server.start(address, quint16(port));
    if (bound == 0)
        return fail(QStringLiteral("cannot listen on %1 (address in use or not available)").arg(listenSpec));

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFd) != 0)
        return fail(QStringLiteral("cannot create signal socket pair"));
    QSocketNotifier notifier(g_signalFd[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&] {
        char c = 0;
        [[maybe_unused]] const auto n = ::read(g_signalFd[1], &c, 1);
        QCoreApplication::quit();
    });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    std::unique_ptr<QSocketNotifier> stdinNotifier;
    if (parser.isSet(exitOnStdinClose)) {
        stdinNotifier = std::make_unique<QSocketNotifier>(STDIN_FILENO, QSocketNotifier::Read);
        quitWhenStdinCloses(*stdinNotifier);
    }

    std::printf("listening %s\n", qPrintable(server.url().toString()));
    std::fflush(stdout);
    const int rc = app.exec();
    server.close();
    return rc;
}
