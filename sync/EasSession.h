#pragma once

#include "AccessTokenSource.h"
#include "ErrorKind.h"
#include "Store.h"
#include "Transport.h"
#include "WbxmlElement.h"

#include <functional>
#include <optional>

namespace skein::eas {


struct EasReply {
    ErrorKind error = ErrorKind::None;
    QString message;                    // a sentence for the user when error != None
    int httpStatus = 0;
    std::optional<wbxml::Element> body; // empty for an empty 200 body
    QUrl redirect;                      // X-MS-Location of a 451

    bool ok() const { return error == ErrorKind::None; }
    const wbxml::Element *root() const { return body ? &*body : nullptr; }
};

// How a request's body is sent: WBXML, or 12.1's raw MIME with extra query parameters.
struct EasBodyForm {
    QByteArray contentType = "application/vnd.ms-sync.wbxml";
    QList<QPair<QString, QString>> extraQuery;
};

// One account's HTTP conversation with its server: URL and query, Basic auth,
// protocol version, policy key, provisioning, redirects and back-off. It runs
// on the sync thread and blocks it while waiting; nothing else calls it, except
// a PrefetchedSync's helper thread while the sync thread leaves it alone.
class EasSession
{
public:
    EasSession(Transport &transport, AccountSettings account, QString password);

    const AccountSettings &account() const { return m_account; }
    // Called whenever the session learns something worth persisting
    // (negotiated version, policy key, a 451 redirect).
    void setAccountChangedHandler(std::function<void(const AccountSettings &)> handler);
    // While held, a change is only noted: the handler writes the store, which
    // must not happen on the helper thread a prefetched request runs on
    // (PrefetchedSync). releaseAccountChanges() then reports it once, with
    // the latest settings, on the calling thread.
    void holdAccountChanges() { m_accountChangesHeld = true; }
    void releaseAccountChanges();
    // An OAuth account's tokens: requests then carry "Authorization: Bearer"
    // instead of Basic. Not owned; must outlive the session.
    void setAccessTokenSource(AccessTokenSource *source) { m_tokens = source; }
    // Back-off waits go through this; tests replace it to stay fast.
    void setSleeper(std::function<void(int ms)> sleeper);
    void setMaxRetryAfterMs(int ms) { m_maxRetryAfterMs = ms; }
    // How long a request may go without an answer (HttpRequest::timeoutMs).
    void setRequestTimeoutMs(int ms) { m_requestTimeoutMs = ms; }

    // OPTIONS: reads the server's versions and picks the best we speak.
    EasReply negotiate();
    QStringList serverVersions() const { return m_serverVersions; }
    QStringList serverCommands() const { return m_serverCommands; }

    // POSTs one command; provisions and retries when the server asks for it.
    EasReply execute(const char *command, const wbxml::Element &request);

    // 12.1 SendMail/SmartReply/SmartForward: the MIME itself as the body
    // (Content-Type message/rfc822) and extraQuery after the usual parameters.
    EasReply executeMime(const char *command, const QList<QPair<QString, QString>> &extraQuery, const QByteArray &mime);

    template<typename Command>
    typename Command::Result run(const Command &command, EasReply *replyOut = nullptr)
    {
        EasReply reply = execute(Command::name, command.request());
        typename Command::Result result;
        if (reply.ok())
            result = Command::parse(reply.root());
        else
            result.error = reply.message;
        if (replyOut)
            *replyOut = std::move(reply);
        return result;
    }

    static QStringList supportedVersions(); // best first

    // Provision now (a file download that was answered with a provisioning
    // status asks for it; execute() does it by itself). True when acknowledged.
    bool provisionNow() { return !m_provisioning && provision(); }

    // A command whose answer is a file, not WBXML (12.x GetAttachment):
    // POSTs Cmd=command with the extra query items and no body; a 200
    // answer's bytes go to `sink` as they arrive (HttpRequest::bodySink) and
    // the reply has no body. *stopped tells that the sink stopped it.
    // Provisions, retries and follows redirects as execute() does.
    // body (WBXML) and extraHeaders go with the request when given.
    EasReply download(const char *command, const QList<QPair<QString, QString>> &query,
                      const std::function<bool(const QByteArray &, qint64)> &sink, bool *stopped,
                      const QByteArray &body = {}, const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {});

private:
    EasReply post(const char *command, const QByteArray &body, const EasBodyForm &form = {});
    EasReply postForFile(const char *command, const QList<QPair<QString, QString>> &query,
                         const std::function<bool(const QByteArray &, qint64)> &sink, bool *stopped,
                         const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &extraHeaders);
    HttpResponse sendWithRetries(const HttpRequest &request);
    // A 451's X-MS-Location becomes the account's URL; false when unusable.
    bool adoptRedirect(const QUrl &location);
    // sendWithRetries with the account's credentials; an OAuth token that the
    // server refuses with a Bearer challenge is refreshed once and the request
    // sent once more. A token that cannot be had fills *authFailure instead.
    HttpResponse sendAuthorized(HttpRequest request, EasReply *authFailure);
    QString accountName() const;
    EasReply interpret(const HttpResponse &response);
    bool provision();
    HttpRequest makeRequest(const char *command, const QByteArray &body, const EasBodyForm &form = {}) const;
    void accountChanged();

    Transport &m_transport;
    AccountSettings m_account;
    QString m_password;
    AccessTokenSource *m_tokens = nullptr;
    QStringList m_serverVersions;
    QStringList m_serverCommands;
    std::function<void(const AccountSettings &)> m_accountChanged;
    std::function<void(int)> m_sleep;
    int m_maxRetryAfterMs = 300000;
    int m_requestTimeoutMs = 120000;
    bool m_provisioning = false;
    bool m_accountChangesHeld = false;
    bool m_accountChangePending = false; // noted while held
};

} // namespace skein::eas
