#pragma once

#include <QMetaType>
#include <QString>

namespace skein::ui {

// What Autodiscover (run by the dialog's owner) found for an email address:
// where to connect and how the server lets people sign in. A plain value so
// ui/ stays free of sync/; the owner fills it from its own result type.
struct Discovery
{
    QString url;        // server address, e.g. https://outlook.office365.com (a path here is split off)
    QString path;       // endpoint path; empty means /Microsoft-Server-ActiveSync
    QString user;       // the ActiveSync user name; empty means the email address
    bool basicOffered = false; // the server accepts a password (Basic)
    bool oauthOffered = false; // the server accepts "Sign in with Microsoft" (OAuth 2.0)
    QString serverName; // shown to the user, e.g. "Exchange Online"; may be empty

    // Neither flag set means the owner could not tell (it found the address
    // but did not probe the server): the dialog then offers both methods.
    bool methodsKnown() const { return basicOffered || oauthOffered; }
};

} // namespace skein::ui

Q_DECLARE_METATYPE(skein::ui::Discovery)
