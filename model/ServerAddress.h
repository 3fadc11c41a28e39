#pragma once

#include <QString>

namespace skein {

// The server as a user types or pastes it: a host name, a base URL, or the
// whole endpoint URL that skein-server and most admin pages print
// (http://127.0.0.1:PORT/Microsoft-Server-ActiveSync). Every form gives the
// same account, so the endpoint path is never appended a second time.
struct ServerAddress {
    QString url;  // scheme://host[:port], no path
    QString path; // the endpoint path typed, starting with '/'; empty: none typed

    static QString defaultPath(); // /Microsoft-Server-ActiveSync

    // A typed path ending in Microsoft-Server-ActiveSync is the endpoint; any
    // other is a prefix that the explicit path (the --path option), or else
    // the default one, goes under. Without a scheme, https is meant.
    static ServerAddress fromTyped(const QString &typed, const QString &explicitPath = QString());

    QString pathOrDefault() const { return path.isEmpty() ? defaultPath() : path; }
    QString endpoint() const { return url + pathOrDefault(); }
};

} // namespace skein
