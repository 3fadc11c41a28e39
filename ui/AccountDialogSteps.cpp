// AccountDialog: what the user's clicks request, and how the owner's
// reports move the dialog from step to step.
#include "AccountDialog.h"

#include "AccountBrowserPage.h"
#include "AccountCredentialsPage.h"
#include "AccountEmailPage.h"
#include "AccountServerFields.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QMetaMethod>
#include <QPushButton>

namespace skein::ui {

void AccountDialog::requestDiscovery()
{
    if (m_step != Step::Email || !m_emailPage->validate())
        return;
    // An owner without Autodiscover (written before it) still gets a
    // usable dialog: the manual set-up, with the user name filled in.
    if (!ownerHandles(QMetaMethod::fromSignal(&AccountDialog::discoverRequested))) {
        setUpManually();
        return;
    }
    const QString email = m_emailPage->email();
    setStep(Step::LookingUp);
    setStatus(tr("Looking up the server for %1…").arg(AccountEmailPage::domainOf(email)), false);
    m_cancelLookup->setFocus();
    Q_EMIT discoverRequested(email); // last: the owner may answer before it returns
}

void AccountDialog::setUpManually()
{
    m_signInAgain = false;
    AccountServerFields *fields = m_credentialsPage->serverFields();
    const QString email = m_emailPage->email();
    m_credentialsPage->setServerName(QString());
    // Both ways in: nobody asked the server which ones it accepts.
    showCredentials(fields->url(), fields->path(), email.isEmpty() ? fields->user() : email, true, true);
    m_credentialsPage->setAdvancedOpen(true);
    m_credentialsPage->focusFirstInput();
}

void AccountDialog::goBack()
{
    setStep(Step::Email);
    setStatus(QString(), false);
    m_emailPage->emailField()->setFocus();
}

void AccountDialog::requestPasswordSignIn()
{
    if (m_step != Step::Credentials)
        return;
    AccountServerFields *fields = m_credentialsPage->serverFields();
    fields->normalize();
    rememberFields();
    Q_EMIT connectRequested(fields->url(), fields->path(), fields->user(), m_credentialsPage->password());
}

void AccountDialog::requestMicrosoftSignIn()
{
    if (m_step != Step::Credentials)
        return;
    AccountServerFields *fields = m_credentialsPage->serverFields();
    fields->normalize();
    rememberFields();
    Q_EMIT oauthSignInRequested(fields->url(), fields->path(), fields->user());
}

void AccountDialog::cancelLookup()
{
    if (m_step != Step::LookingUp)
        return;
    goBack();
    Q_EMIT discoveryCancelled();
}

void AccountDialog::cancelSignIn()
{
    if (m_step != Step::Browser)
        return;
    setStep(Step::Credentials);
    setStatus(tr("Sign-in cancelled."), false);
    m_credentialsPage->microsoftButton()->setFocus();
    Q_EMIT signInCancelled();
}

// Esc stops what is under way (the lookup, the browser sign-in) and keeps
// the dialog; with nothing under way it closes the dialog as usual.
void AccountDialog::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Cancel) && (m_step == Step::LookingUp || m_step == Step::Browser)) {
        m_step == Step::LookingUp ? cancelLookup() : cancelSignIn();
        return;
    }
    QDialog::keyPressEvent(event);
}

void AccountDialog::reject()
{
    cancelLookup();
    cancelSignIn();
    QDialog::reject();
}

void AccountDialog::showDiscovered(const Discovery &discovery)
{
    if (m_step != Step::LookingUp)
        return; // cancelled meanwhile: a late answer must not move the dialog
    const bool known = discovery.methodsKnown();
    const QString user = discovery.user.isEmpty() ? m_emailPage->email() : discovery.user;
    m_credentialsPage->setServerName(discovery.serverName);
    m_credentialsPage->setAdvancedOpen(false);
    showCredentials(discovery.url, discovery.path, user, !known || discovery.basicOffered,
                    !known || discovery.oauthOffered);
    m_credentialsPage->focusFirstInput();
}

void AccountDialog::showDiscoveryFailed(const QString &message)
{
    if (m_step != Step::LookingUp)
        return;
    AccountServerFields *fields = m_credentialsPage->serverFields();
    m_credentialsPage->setServerName(QString());
    showCredentials(fields->url(), fields->path(), m_emailPage->email(), true, true);
    m_credentialsPage->setAdvancedOpen(true);
    setStatus(message + QLatin1Char(' ') + tr("Enter the server address your administrator gave you below."),
              true);
    fields->urlField()->setFocus();
    fields->urlField()->selectAll();
}

void AccountDialog::showSignInAgain(const QString &url, const QString &path, const QString &user,
                                    const QString &detail)
{
    m_signInAgain = true;
    setWindowTitle(tr("Sign in again"));
    m_credentialsPage->setServerName(QString());
    showCredentials(url, path, user, false, true);
    // The engine's sentence is usually the heading's own: saying it twice helps nobody.
    if (!detail.isEmpty() && detail != signInAgainReason(user))
        setStatus(tr("Details: %1").arg(detail), false);
    m_credentialsPage->microsoftButton()->setFocus();
}

void AccountDialog::showBrowserHandoff(const QUrl &authorizeUrl, bool browserOpened)
{
    m_browserPage->setAuthorizeUrl(authorizeUrl, browserOpened);
    setStep(Step::Browser);
    setStatus(tr("Skein continues by itself once you have signed in."), false);
    m_browserPage->copyButton()->setFocus();
}

void AccountDialog::showSignInFailed(const QString &message)
{
    setStep(Step::Credentials);
    setStatus(message, true);
    if (m_credentialsPage->offersOAuth())
        m_credentialsPage->microsoftButton()->setFocus();
    else
        m_credentialsPage->passwordField()->setFocus();
}

void AccountDialog::showConnecting()
{
    setStep(Step::Connecting);
    setStatus(tr("Connecting to %1 ...").arg(m_credentialsPage->serverFields()->url()), false);
}

void AccountDialog::showConnected(const QString &protocolVersion, int folderCount)
{
    setStep(Step::Connected);
    const QString folders = folderCount == 1 ? tr("1 folder") : tr("%1 folders").arg(folderCount);
    setStatus(tr("Connected. The server speaks ActiveSync %1; %2 found.").arg(protocolVersion, folders), false);
}

void AccountDialog::showFailed(DialogError kind, const QString &message)
{
    setStep(Step::Credentials);
    QString text = explanation(kind);
    if (!message.isEmpty())
        text += QStringLiteral("\n\n") + tr("Details: %1").arg(message);
    setStatus(text, true);
    // Put the cursor where the fix most likely goes.
    if (kind == DialogError::WrongPassword && m_credentialsPage->offersBasic()) {
        m_credentialsPage->passwordField()->setFocus();
        m_credentialsPage->passwordField()->selectAll();
        return;
    }
    m_credentialsPage->setAdvancedOpen(true);
    m_credentialsPage->serverFields()->urlField()->setFocus();
    m_credentialsPage->serverFields()->urlField()->selectAll();
}

} // namespace skein::ui
