#include "LoginPages.h"

namespace skein::server::login_pages {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString page(const QString &title, const QString &content)
{
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                          "<title>%1</title>\n</head>\n<body>\n<main>\n<h1>%1</h1>\n%2</main>\n</body>\n</html>\n")
        .arg(esc(title), content);
}

// role="alert" makes screen readers announce the error when the page loads.
QString errorParagraph(const QString &error)
{
    return error.isEmpty() ? QString()
                           : QStringLiteral("<p id=\"error\" role=\"alert\">%1</p>\n").arg(esc(error));
}

QString credentialFields(const QString &username)
{
    return QStringLiteral("<p><label for=\"username\">Email address or user name</label>\n"
                          "<input type=\"text\" id=\"username\" name=\"username\" value=\"%1\" "
                          "autocomplete=\"username\" required></p>\n"
                          "<p><label for=\"password\">Password</label>\n"
                          "<input type=\"password\" id=\"password\" name=\"password\" "
                          "autocomplete=\"current-password\"></p>\n")
        .arg(esc(username));
}

// Cancel must work with empty fields: formnovalidate skips the browser's
// "required" check for that button.
const QString kButtons = QStringLiteral("<p><button type=\"submit\" name=\"signin\" value=\"1\">Sign in</button>\n"
                                        "<button type=\"submit\" name=\"cancel\" value=\"1\" formnovalidate>Cancel</button></p>\n");

} // namespace

QString authorizeForm(const QString &action, const QList<std::pair<QString, QString>> &hidden,
                      const QString &username, const QString &error)
{
    QString form = QStringLiteral("<form id=\"login\" method=\"post\" action=\"%1\">\n").arg(esc(action));
    for (const auto &[name, value] : hidden)
        form += QStringLiteral("<input type=\"hidden\" name=\"%1\" value=\"%2\">\n").arg(esc(name), esc(value));
    form += credentialFields(username) + kButtons + QStringLiteral("</form>\n");
    return page(QStringLiteral("Sign in to Skein reference server"), errorParagraph(error) + form);
}

QString deviceLoginForm(const QString &userCode, const QString &username, const QString &error)
{
    const QString form = QStringLiteral("<p>Enter the code shown on your device, then sign in.</p>\n"
                                        "<form id=\"devicelogin\" method=\"post\" action=\"/devicelogin\">\n"
                                        "<p><label for=\"user_code\">Code</label>\n"
                                        "<input type=\"text\" id=\"user_code\" name=\"user_code\" value=\"%1\" "
                                        "autocomplete=\"off\" autocapitalize=\"characters\" required></p>\n")
                             .arg(esc(userCode))
        + credentialFields(username) + kButtons + QStringLiteral("</form>\n");
    return page(QStringLiteral("Sign in on another device"), errorParagraph(error) + form);
}

QString message(const QString &title, const QString &text)
{
    return page(title, QStringLiteral("<p>%1</p>\n").arg(esc(text)));
}

} // namespace skein::server::login_pages
