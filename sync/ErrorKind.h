#pragma once

#include <QString>

namespace skein::eas {

enum class ErrorKind {
    None,
    Auth,            // 401: wrong user name or password
    Network,         // no answer: unreachable, refused, timed out
    Tls,             // certificate or TLS failure; never ignored
    Throttled,       // 503 after every allowed retry
    Server,          // 5xx after retries, or a body we cannot decode
    Blocked,         // 403/456: account or device not allowed
    PasswordExpired, // 457
    MailboxFull,     // 507
    NotSupported,    // 501 or the server lacks the command
    Provisioning,    // the server asks for a policy we could not acknowledge
    Protocol,        // 400 or a malformed response
    // An OAuth account's refresh token no longer works (revoked, password
    // changed, consent withdrawn): the user must sign in again. Like Auth,
    // it says nothing about the request itself, so journaled actions stay
    // pending and go out after the next sign-in.
    SignInRequired,
};

QString errorKindName(ErrorKind kind);

} // namespace skein::eas
