#include "AccountCredentialsPage.h"

#include "AccountServerFields.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace skein::ui {

AccountCredentialsPage::AccountCredentialsPage(QWidget *parent)
    : AccountPage(parent)
{
    setObjectName(QStringLiteral("accountCredentialsPage"));
    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("accountReason"));
    m_reason->setAccessibleName(tr("Why Skein asks"));
    m_reason->setWordWrap(true);
    m_reason->hide();

    m_heading = makePageHeading(tr("Sign in"), "accountIdentity", this);
    m_heading->setAccessibleName(tr("Account"));

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("accountEndpointSummary"));
    m_summary->setAccessibleName(tr("Where Skein connects"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_microsoft = new QPushButton(tr("Sign in with &Microsoft"), this);
    m_microsoft->setObjectName(QStringLiteral("accountSignInWithMicrosoft"));
    m_microsoft->setAccessibleName(tr("Sign in with Microsoft"));
    m_microsoft->setAccessibleDescription(tr("Opens the Microsoft sign-in page in your browser"));
    // The recommended way in: taller and bold, so it reads as the main action.
    m_microsoft->setMinimumHeight(m_microsoft->sizeHint().height() * 3 / 2);
    m_microsoft->setStyleSheet(QStringLiteral("font-weight: bold;"));
    connect(m_microsoft, &QPushButton::clicked, this, &AccountCredentialsPage::microsoftSignInRequested);

    m_or = new QLabel(tr("or sign in with a password"), this);
    m_or->setObjectName(QStringLiteral("accountOrPassword"));
    m_or->setAlignment(Qt::AlignCenter);
    m_or->setEnabled(false); // greyed: a separator, not a message

    auto *grid = new QGridLayout;
    buildPasswordRow(grid);

    m_advanced = new QToolButton(this);
    m_advanced->setObjectName(QStringLiteral("accountAdvanced"));
    m_advanced->setAccessibleName(tr("Advanced"));
    m_advanced->setText(tr("A&dvanced: server, path and user name"));
    m_advanced->setCheckable(true);
    m_advanced->setAutoRaise(true);
    m_advanced->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advanced->setArrowType(Qt::RightArrow);
    m_fields = new AccountServerFields(this);
    // One grid for the password and Advanced's fields, so they line up.
    grid->addItem(new QSpacerItem(0, 8), 1, 0);
    grid->addWidget(m_advanced, 2, 0, 1, 3, Qt::AlignLeft);
    m_fields->addRows(grid, 3, 2);
    m_fields->setVisible(false);
    // Opening Advanced must not shift the password field sideways.
    grid->setColumnMinimumWidth(0, qMax(m_fields->labelWidth(), m_passwordLabel->sizeHint().width()));
    connect(m_advanced, &QToolButton::toggled, this, &AccountCredentialsPage::setAdvancedOpen);
    connect(m_fields, &AccountServerFields::changed, this, [this] {
        updateSummary();
        updateButtons();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_reason);
    layout->addWidget(m_summary);
    layout->addSpacing(8);
    layout->addWidget(m_microsoft);
    layout->addWidget(m_or);
    layout->addLayout(grid);
    layout->addStretch(1);
    updateSummary();
    updateButtons();
}

void AccountCredentialsPage::buildPasswordRow(QGridLayout *grid)
{
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("accountPassword"));
    m_password->setAccessibleName(tr("Password"));
    // Echo off, and keep input methods from learning or suggesting it.
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText | Qt::ImhHiddenText);
    connect(m_password, &QLineEdit::textChanged, this, &AccountCredentialsPage::updateButtons);

    m_passwordLabel = new QLabel(tr("Pass&word:"), this);
    m_passwordLabel->setBuddy(m_password);
    m_signIn = new QPushButton(tr("&Sign in"), this);
    m_signIn->setObjectName(QStringLiteral("accountSignIn"));
    m_signIn->setAccessibleName(tr("Sign in"));
    m_signIn->setAccessibleDescription(tr("Signs in with the password"));
    connect(m_signIn, &QPushButton::clicked, this, &AccountCredentialsPage::passwordSignInRequested);
    grid->addWidget(m_passwordLabel, 0, 0);
    grid->addWidget(m_password, 0, 1);
    grid->addWidget(m_signIn, 0, 2);
}

void AccountCredentialsPage::setMethods(bool basic, bool oauth)
{
    m_basic = basic;
    m_oauth = oauth;
    m_microsoft->setVisible(oauth);
    m_fields->setClientIdWanted(oauth);
    m_advanced->setText(oauth ? tr("A&dvanced: server, path, user name and application id")
                              : tr("A&dvanced: server, path and user name"));
    m_or->setVisible(basic && oauth);
    for (QWidget *w : {static_cast<QWidget *>(m_passwordLabel), static_cast<QWidget *>(m_password),
                       static_cast<QWidget *>(m_signIn)})
        w->setVisible(basic);
    if (!basic)
        m_password->clear(); // never keep a password the server will not be sent
    updateButtons();
}

void AccountCredentialsPage::setServerName(const QString &name)
{
    m_serverName = name;
    updateSummary();
}

void AccountCredentialsPage::setReason(const QString &reason)
{
    m_reason->setText(reason);
    m_reason->setVisible(!reason.isEmpty());
    updateSummary(); // the heading says which of the two this is
}

void AccountCredentialsPage::setAdvancedAvailable(bool available)
{
    m_advanced->setVisible(available);
    if (!available)
        setAdvancedOpen(false);
}

void AccountCredentialsPage::setAdvancedOpen(bool open)
{
    if (m_fields->isVisible() == open && m_advanced->isChecked() == open)
        return;
    m_advanced->setChecked(open); // comes back here through toggled, and returns above
    m_advanced->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    m_fields->setVisible(open);
    Q_EMIT advancedToggled(open);
}

bool AccountCredentialsPage::isAdvancedOpen() const
{
    return m_advanced->isChecked();
}

QString AccountCredentialsPage::password() const
{
    return m_password->text();
}

void AccountCredentialsPage::clearPassword()
{
    m_password->clear();
}

void AccountCredentialsPage::setInputEnabled(bool enabled)
{
    m_enabled = enabled;
    m_password->setEnabled(enabled);
    m_advanced->setEnabled(enabled);
    m_fields->setInputEnabled(enabled);
    updateButtons();
}

void AccountCredentialsPage::focusFirstInput()
{
    if (!m_fields->isComplete()) {
        setAdvancedOpen(true);
        (m_fields->url().isEmpty() ? m_fields->urlField() : m_fields->userField())->setFocus();
    } else if (m_basic) {
        m_password->setFocus();
    } else {
        m_microsoft->setFocus();
    }
}

void AccountCredentialsPage::updateDefaultButton()
{
    const bool usePassword = m_basic && (!m_oauth || !m_password->text().isEmpty());
    m_signIn->setDefault(usePassword);
    m_microsoft->setDefault(!usePassword);
}

void AccountCredentialsPage::updateSummary()
{
    const QString user = m_fields->user();
    if (!m_reason->text().isEmpty())
        m_heading->setText(tr("Sign in again")); // the reason names the account
    else
        m_heading->setText(user.isEmpty() ? tr("Sign in") : tr("Sign in as %1").arg(user));
    const QString endpoint = m_fields->endpoint();
    if (endpoint.isEmpty()) {
        m_summary->setText(tr("Exchange ActiveSync server: not set yet"));
        return;
    }
    QString text = tr("Exchange ActiveSync at <b>%1</b>").arg(endpoint.toHtmlEscaped());
    // On a line of its own: the endpoint is long and would push it into an odd wrap.
    if (!m_serverName.isEmpty())
        text += QStringLiteral("<br>") + m_serverName.toHtmlEscaped();
    m_summary->setText(text);
}

void AccountCredentialsPage::updateButtons()
{
    const bool ready = m_enabled && m_fields->isComplete();
    m_microsoft->setEnabled(ready && m_oauth);
    m_signIn->setEnabled(ready && m_basic && !m_password->text().isEmpty());
    updateDefaultButton();
}

} // namespace skein::ui
