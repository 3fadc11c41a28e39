#include "AccountDialog.h"

#include "AccountBrowserPage.h"
#include "AccountCredentialsPage.h"
#include "AccountEmailPage.h"
#include "AccountServerFields.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMetaMethod>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace skein::ui {

namespace {

const QString kEmailKey = QStringLiteral("account/email");
const QString kUrlKey = QStringLiteral("account/url");
const QString kPathKey = QStringLiteral("account/path");
const QString kUserKey = QStringLiteral("account/user");

} // namespace

AccountDialog::AccountDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("accountDialog"));
    setWindowTitle(tr("Set up your mail account"));
    setAccessibleName(tr("Account setup"));
    m_emailPage = new AccountEmailPage(this);
    m_credentialsPage = new AccountCredentialsPage(this);
    m_browserPage = new AccountBrowserPage(this);
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("accountPages"));
    for (QWidget *page : {static_cast<QWidget *>(m_emailPage), static_cast<QWidget *>(m_credentialsPage),
                          static_cast<QWidget *>(m_browserPage)})
        m_pages->addWidget(page);

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("accountBusy"));
    m_busy->setRange(0, 0); // indeterminate: we cannot know how long the server takes
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(m_busy->fontMetrics().height() / 2 + 4);
    m_busy->setAccessibleName(tr("Working"));

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("accountStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Connection status"));
    // A one-line message appears without moving the buttons.
    m_status->setMinimumHeight(m_status->fontMetrics().lineSpacing());
    m_status->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addSpacing(6);
    layout->addWidget(m_busy);
    layout->addWidget(m_status);
    buildButtons();
    setMinimumWidth(540);

    connect(m_emailPage, &AccountEmailPage::emailChanged, this, [this] { setStep(m_step); });
    connect(m_credentialsPage, &AccountCredentialsPage::passwordSignInRequested, this,
            &AccountDialog::requestPasswordSignIn);
    connect(m_credentialsPage, &AccountCredentialsPage::microsoftSignInRequested, this,
            &AccountDialog::requestMicrosoftSignIn);
    connect(m_credentialsPage, &AccountCredentialsPage::advancedToggled, this, &AccountDialog::fitHeight);
    connect(m_browserPage, &AccountBrowserPage::linkCopied, this, [this] { setStatus(QString(), false); });
    restoreFields();
    setStep(Step::Email);
}

void AccountDialog::buildButtons()
{
    m_back = addButton("accountBack", tr("&Back"), tr("Back"));
    m_manual = addButton("accountSetUpManually", tr("Set &up manually"), tr("Set up manually"));
    m_cancel = addButton("accountCancel", tr("Cancel"), tr("Cancel"));
    // One "Cancel" is visible at a time, in the same place; what it stops
    // depends on the step, so each has its own name for tests and screen readers.
    m_cancelLookup = addButton("accountCancelLookup", tr("Cancel"), tr("Cancel lookup"));
    m_cancelSignIn = addButton("accountCancelSignIn", tr("Cancel"), tr("Cancel sign-in"));
    m_next = addButton("accountNext", tr("&Next"), tr("Next"));
    connect(m_back, &QPushButton::clicked, this, &AccountDialog::goBack);
    connect(m_manual, &QPushButton::clicked, this, &AccountDialog::setUpManually);
    connect(m_cancel, &QPushButton::clicked, this, &AccountDialog::reject);
    connect(m_cancelLookup, &QPushButton::clicked, this, &AccountDialog::cancelLookup);
    connect(m_cancelSignIn, &QPushButton::clicked, this, &AccountDialog::cancelSignIn);
    connect(m_next, &QPushButton::clicked, this, &AccountDialog::requestDiscovery);

    auto *row = new QHBoxLayout;
    row->addWidget(m_back);
    row->addWidget(m_manual);
    row->addStretch(1);
    for (QPushButton *button : {m_cancel, m_cancelLookup, m_cancelSignIn, m_next})
        row->addWidget(button);
    static_cast<QVBoxLayout *>(layout())->addSpacing(4);
    static_cast<QVBoxLayout *>(layout())->addLayout(row);
}

QPushButton *AccountDialog::addButton(const char *objectName, const QString &text, const QString &accessibleName)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(QString::fromLatin1(objectName));
    button->setAccessibleName(accessibleName);
    return button;
}

// The one place that decides what is visible, enabled and the default for
// each step, so no combination of slots can leave a stray button behind.
void AccountDialog::setStep(Step step)
{
    m_step = step;
    const bool onEmail = step == Step::Email || step == Step::LookingUp;
    const bool onCredentials = step == Step::Credentials || step == Step::Connecting || step == Step::Connected;
    QWidget *page = onEmail ? static_cast<QWidget *>(m_emailPage)
                    : onCredentials ? static_cast<QWidget *>(m_credentialsPage)
                                    : static_cast<QWidget *>(m_browserPage);
    m_pages->setCurrentWidget(page);
    m_pages->updateGeometry(); // its size is the new page's
    m_emailPage->setInputEnabled(step == Step::Email);
    m_credentialsPage->setInputEnabled(step == Step::Credentials);
    m_busy->setVisible(step == Step::LookingUp || step == Step::Connecting || step == Step::Browser);
    m_back->setVisible(onCredentials && !m_signInAgain);
    m_back->setEnabled(step == Step::Credentials);
    m_manual->setVisible(onEmail);
    m_manual->setEnabled(step == Step::Email);
    m_next->setVisible(onEmail);
    m_next->setEnabled(step == Step::Email && !m_emailPage->email().isEmpty());
    m_cancel->setVisible(step != Step::LookingUp && step != Step::Browser);
    m_cancel->setEnabled(step != Step::Connected); // too late: the account is set up
    m_cancelLookup->setVisible(step == Step::LookingUp);
    m_cancelSignIn->setVisible(step == Step::Browser);
    m_next->setDefault(step == Step::Email);
    if (step == Step::Credentials) {
        m_credentialsPage->updateDefaultButton();
    } else {
        m_credentialsPage->signInButton()->setDefault(false);
        m_credentialsPage->microsoftButton()->setDefault(false);
    }
    fitHeight();
}

void AccountDialog::setAccount(const QString &url, const QString &path, const QString &user)
{
    m_signInAgain = false;
    setWindowTitle(tr("Set up your mail account"));
    if (AccountEmailPage::isPlausibleEmail(user))
        m_emailPage->setEmail(user);
    m_credentialsPage->setServerName(QString());
    showCredentials(url, path, user, true, false);
    m_credentialsPage->clearPassword();
    m_credentialsPage->focusFirstInput();
}

QString AccountDialog::statusText() const
{
    return m_status->text();
}

QString AccountDialog::explanation(DialogError kind)
{
    switch (kind) {
    case DialogError::WrongPassword:
        return tr("The server did not accept this user name and password. Check both and try again.");
    case DialogError::Unreachable:
        return tr("Skein could not reach the server. Check the server address and your network connection.");
    case DialogError::Certificate:
        return tr("The server's certificate is not trusted, so Skein will not connect. Skein never accepts an "
                  "untrusted certificate: ask your administrator for a certificate from a trusted authority, "
                  "or add the authority to this computer's trusted certificates.");
    case DialogError::Other:
        break;
    }
    return tr("The server refused the connection.");
}

QString AccountDialog::signInAgainReason(const QString &user)
{
    return tr("Your sign-in to %1 has expired or was revoked. Sign in again to keep syncing; "
              "nothing you did is lost.")
        .arg(user);
}

void AccountDialog::setEmail(const QString &email)
{
    m_emailPage->setEmail(email);
}

QString AccountDialog::email() const
{
    return m_emailPage->email();
}

void AccountDialog::setClientId(const QString &clientId)
{
    m_credentialsPage->serverFields()->setClientId(clientId);
}

QString AccountDialog::clientId() const
{
    return m_credentialsPage->serverFields()->clientId();
}

bool AccountDialog::ownerHandles(const QMetaMethod &signal) const
{
    return isSignalConnected(signal);
}

// A way in the owner cannot carry out is not offered (an owner written
// before OAuth only handles connectRequested), unless that leaves none.
void AccountDialog::showCredentials(const QString &url, const QString &path, const QString &user, bool basic,
                                    bool oauth)
{
    const bool basicHandled = basic && ownerHandles(QMetaMethod::fromSignal(&AccountDialog::connectRequested));
    const bool oauthHandled = oauth && ownerHandles(QMetaMethod::fromSignal(&AccountDialog::oauthSignInRequested));
    const bool anyHandled = basicHandled || oauthHandled;
    m_credentialsPage->serverFields()->setFields(url, path, user);
    m_credentialsPage->setMethods(anyHandled ? basicHandled : basic, anyHandled ? oauthHandled : oauth);
    m_credentialsPage->setReason(m_signInAgain ? signInAgainReason(user) : QString());
    m_credentialsPage->setAdvancedAvailable(!m_signInAgain);
    setStep(Step::Credentials);
    setStatus(QString(), false);
}

void AccountDialog::setStatus(const QString &text, bool isError)
{
    m_status->setText(text);
    m_status->setStyleSheet(isError ? QStringLiteral("color: #a01010;") : QString());
    m_status->setAccessibleDescription(text); // screen readers announce the outcome
    growToFit();
}

int AccountDialog::neededHeight()
{
    layout()->activate();
    return hasHeightForWidth() ? heightForWidth(width()) : sizeHint().height();
}

// A long explanation (certificates) must never be cut off: grow the dialog
// to the height its word-wrapped labels need at the current width.
void AccountDialog::growToFit()
{
    const int needed = neededHeight();
    if (needed > height())
        resize(width(), needed);
}

// A new step fits its page exactly, e.g. shrinks after Advanced was open.
void AccountDialog::fitHeight()
{
    m_pages->updateGeometry();
    resize(width(), neededHeight());
}

void AccountDialog::restoreFields()
{
    const QSettings settings;
    m_emailPage->setEmail(settings.value(kEmailKey).toString());
    m_credentialsPage->serverFields()->setFields(settings.value(kUrlKey).toString(),
                                                 settings.value(kPathKey).toString(),
                                                 settings.value(kUserKey).toString());
}

// The password is deliberately not remembered here: it belongs in the keychain.
void AccountDialog::rememberFields() const
{
    QSettings settings;
    const AccountServerFields *fields = m_credentialsPage->serverFields();
    if (!m_emailPage->email().isEmpty())
        settings.setValue(kEmailKey, m_emailPage->email());
    settings.setValue(kUrlKey, fields->url());
    settings.setValue(kPathKey, fields->path());
    settings.setValue(kUserKey, fields->user());
}

} // namespace skein::ui
