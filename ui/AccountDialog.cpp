#include "AccountDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QUrl>
#include <QVBoxLayout>

namespace skein::ui {

namespace {

const QString kDefaultPath = QStringLiteral("/Microsoft-Server-ActiveSync");
const QString kUrlKey = QStringLiteral("account/url");
const QString kPathKey = QStringLiteral("account/path");
const QString kUserKey = QStringLiteral("account/user");

} // namespace

AccountDialog::AccountDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Set up your mail account"));
    setAccessibleName(tr("Account setup"));
    buildForm();
    restoreFields();
    updateConnectButton();
}

void AccountDialog::buildForm()
{
    auto *intro = new QLabel(tr("Skein connects to Exchange ActiveSync servers (Exchange, Office 365, SOGo, "
                                "Zimbra, ...). Enter the address your administrator gave you."), this);
    intro->setWordWrap(true);
    intro->setAccessibleName(tr("Introduction"));

    m_url = addField(tr("Server address"), tr("https://mail.example.com"));
    m_path = addField(tr("Endpoint path"), kDefaultPath);
    m_path->setText(kDefaultPath);
    m_user = addField(tr("User name"), tr("you@example.com"));
    m_password = addField(tr("Password"), QString());
    // Echo off, and keep input methods from learning or suggesting it.
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText | Qt::ImhHiddenText);

    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_url);
    form->addRow(tr("&Path:"), m_path);
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("Pass&word:"), m_password);

    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0); // indeterminate: we cannot know how long the server takes
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Connecting"));
    m_busy->hide();

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Connection status"));
    m_status->setMinimumHeight(m_status->fontMetrics().lineSpacing() * 3);

    auto *buttons = new QDialogButtonBox(this);
    m_connect = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    m_connect->setAccessibleName(tr("Connect"));
    m_connect->setDefault(true);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setAccessibleName(tr("Cancel"));
    // Accept would close the dialog; it stays open until the owner says connected.
    connect(m_connect, &QPushButton::clicked, this, &AccountDialog::requestConnect);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    for (QLineEdit *edit : {m_url, m_path, m_user, m_password})
        connect(edit, &QLineEdit::textChanged, this, &AccountDialog::updateConnectButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_busy);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

QLineEdit *AccountDialog::addField(const QString &accessibleName, const QString &placeholder)
{
    auto *edit = new QLineEdit(this);
    edit->setAccessibleName(accessibleName);
    edit->setPlaceholderText(placeholder);
    return edit;
}

void AccountDialog::setAccount(const QString &url, const QString &path, const QString &user)
{
    m_url->setText(url);
    m_path->setText(path.isEmpty() ? kDefaultPath : path);
    m_user->setText(user);
    m_password->clear();
    m_password->setFocus();
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

void AccountDialog::showConnecting()
{
    m_connecting = true;
    setEditable(false);
    m_busy->show();
    setStatus(tr("Connecting to %1 ...").arg(m_url->text()), false);
}

void AccountDialog::showConnected(const QString &protocolVersion, int folderCount)
{
    m_connecting = false;
    m_busy->hide();
    const QString folders = folderCount == 1 ? tr("1 folder") : tr("%1 folders").arg(folderCount);
    setStatus(tr("Connected. The server speaks ActiveSync %1; %2 found.").arg(protocolVersion, folders), false);
}

void AccountDialog::showFailed(DialogError kind, const QString &message)
{
    m_connecting = false;
    m_busy->hide();
    setEditable(true);
    QString text = explanation(kind);
    if (!message.isEmpty())
        text += QStringLiteral("\n\n") + tr("Details: %1").arg(message);
    setStatus(text, true);
    // Put the cursor where the fix most likely goes.
    QLineEdit *focus = kind == DialogError::WrongPassword ? m_password : m_url;
    focus->setFocus();
    focus->selectAll();
}

void AccountDialog::requestConnect()
{
    if (m_connecting || !m_connect->isEnabled())
        return;
    normalizeAddress();
    rememberFields();
    Q_EMIT connectRequested(m_url->text(), m_path->text(), m_user->text().trimmed(), m_password->text());
}

// People paste the whole endpoint URL, or type a bare host name: split the
// first into address and path, and give the second https.
void AccountDialog::normalizeAddress()
{
    QString text = m_url->text().trimmed();
    if (!text.contains(QLatin1String("://")))
        text.prepend(QLatin1String("https://"));
    QUrl url(text);
    const QString path = url.path();
    if (!path.isEmpty() && path != QLatin1String("/"))
        m_path->setText(path);
    url.setPath(QString());
    url.setQuery(QString());
    url.setFragment(QString());
    m_url->setText(url.toString());
    if (m_path->text().trimmed().isEmpty())
        m_path->setText(kDefaultPath);
    else if (!m_path->text().startsWith(QLatin1Char('/')))
        m_path->setText(QLatin1Char('/') + m_path->text().trimmed());
}

void AccountDialog::setEditable(bool editable)
{
    for (QLineEdit *edit : {m_url, m_path, m_user, m_password})
        edit->setEnabled(editable);
    updateConnectButton();
}

void AccountDialog::updateConnectButton()
{
    const bool complete = !m_url->text().trimmed().isEmpty() && !m_user->text().trimmed().isEmpty()
                          && !m_password->text().isEmpty();
    m_connect->setEnabled(complete && !m_connecting);
}

void AccountDialog::setStatus(const QString &text, bool isError)
{
    m_status->setText(text);
    m_status->setStyleSheet(isError ? QStringLiteral("color: #a01010;") : QString());
    m_status->setAccessibleDescription(text); // screen readers announce the outcome
    growToFit();
}

// A long explanation (certificates) must never be cut off: grow the dialog
// to the height its word-wrapped labels need at the current width.
void AccountDialog::growToFit()
{
    layout()->activate();
    const int needed = hasHeightForWidth() ? heightForWidth(width()) : sizeHint().height();
    if (needed > height())
        resize(width(), needed);
}

void AccountDialog::restoreFields()
{
    const QSettings settings;
    m_url->setText(settings.value(kUrlKey).toString());
    m_path->setText(settings.value(kPathKey, kDefaultPath).toString());
    m_user->setText(settings.value(kUserKey).toString());
}

// The password is deliberately not remembered here: it belongs in the keychain.
void AccountDialog::rememberFields() const
{
    QSettings settings;
    settings.setValue(kUrlKey, m_url->text());
    settings.setValue(kPathKey, m_path->text());
    settings.setValue(kUserKey, m_user->text().trimmed());
}

} // namespace skein::ui
