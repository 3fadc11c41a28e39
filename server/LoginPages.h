#pragma once

#include <QList>
#include <QString>

#include <utility>

namespace skein::server {

// The HTML pages of the identity provider: minimal, valid HTML5, labelled
// inputs, no script and no external resources (the pages are served on
// loopback to a browser or read by tests). Every value is HTML-escaped.
namespace login_pages {

// The sign-in form of the code flow (form#login posting to `action`):
// username (prefilled), password, the hidden fields carrying the authorize
// query, buttons "signin" and "cancel"; `error` shown above when not empty.
QString authorizeForm(const QString &action, const QList<std::pair<QString, QString>> &hidden,
                      const QString &username, const QString &error);

// The page of /devicelogin (form#devicelogin): user_code, username,
// password, buttons "signin" and "cancel".
QString deviceLoginForm(const QString &userCode, const QString &username, const QString &error);

// A page with a heading and one paragraph (done, declined, bad request).
QString message(const QString &title, const QString &text);

} // namespace login_pages

} // namespace skein::server
