#include "AccountBrowserPage.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace skein::ui {

AccountBrowserPage::AccountBrowserPage(QWidget *parent)
    : AccountPage(parent)
{
    setObjectName(QStringLiteral("accountBrowserPage"));
    QLabel *heading = makePageHeading(tr("Finish signing in in your browser"), "accountBrowserHeading", this);

    m_explanation = new QLabel(this);
    m_explanation->setObjectName(QStringLiteral("accountSignInLink"));
    m_explanation->setAccessibleName(tr("Sign-in link"));
    m_explanation->setWordWrap(true);
    m_explanation->setTextFormat(Qt::RichText);
    // Clicking the link opens the page again, for a browser window that got lost.
    m_explanation->setOpenExternalLinks(true);
    m_explanation->setTextInteractionFlags(Qt::TextBrowserInteraction);

    m_copy = new QPushButton(tr("Co&py link"), this);
    m_copy->setObjectName(QStringLiteral("accountCopySignInLink"));
    m_copy->setAccessibleName(tr("Copy link"));
    m_copy->setAccessibleDescription(tr("Copies the sign-in link, to paste into a browser"));
    m_copy->setAutoDefault(false); // Enter must not silently overwrite the clipboard
    connect(m_copy, &QPushButton::clicked, this, &AccountBrowserPage::copyLink);

    m_copied = new QLabel(tr("Copied. Paste it into your browser's address bar."), this);
    m_copied->setObjectName(QStringLiteral("accountLinkCopied"));
    m_copied->setAccessibleName(tr("Link copied"));
    m_copied->hide();

    auto *copyRow = new QHBoxLayout;
    copyRow->addWidget(m_copy);
    copyRow->addWidget(m_copied);
    copyRow->addStretch(1); // the button keeps its natural width

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading);
    layout->addWidget(m_explanation);
    layout->addSpacing(4);
    layout->addLayout(copyRow);
    layout->addStretch(1);
}

void AccountBrowserPage::setAuthorizeUrl(const QUrl &url, bool browserOpened)
{
    m_url = url;
    m_copied->hide();
    const QString href = url.toString(QUrl::FullyEncoded).toHtmlEscaped();
    m_explanation->setText(browserOpened
                               ? tr("Skein opened <a href=\"%1\">the sign-in page</a> in your browser; "
                                    "if nothing opened, copy the link and paste it into your browser.")
                                     .arg(href)
                               : tr("Skein could not start a web browser. Copy the link and open it in a "
                                    "browser on this computer: <a href=\"%1\">the sign-in page</a>.")
                                     .arg(href));
}

void AccountBrowserPage::copyLink()
{
    QGuiApplication::clipboard()->setText(m_url.toString(QUrl::FullyEncoded));
    m_copied->show();
    Q_EMIT linkCopied();
}

} // namespace skein::ui
