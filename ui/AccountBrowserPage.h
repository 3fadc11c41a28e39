#pragma once

#include <QUrl>
#include "AccountPage.h"

class QLabel;
class QPushButton;

namespace skein::ui {

// Shown while the user signs in in the system browser (OAuth 2.0 with a
// loopback redirect): Skein waits for the browser to come back. The link is
// there because a browser that did not open, or opened on another desktop,
// must not leave the user stuck.
class AccountBrowserPage : public AccountPage
{
    Q_OBJECT
public:
    explicit AccountBrowserPage(QWidget *parent = nullptr);

    void setAuthorizeUrl(const QUrl &url, bool browserOpened = true);
    QUrl authorizeUrl() const { return m_url; }
    QPushButton *copyButton() const { return m_copy; }

Q_SIGNALS:
    void linkCopied();

private:
    void copyLink();

    QUrl m_url;
    QLabel *m_explanation = nullptr;
    QPushButton *m_copy = nullptr;
    QLabel *m_copied = nullptr;
};

} // namespace skein::ui
