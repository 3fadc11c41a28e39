#include "AccountServerFields.h"

#include "ServerAddress.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QUrl>

namespace skein::ui {

QString AccountServerFields::defaultPath()
{
    return ServerAddress::defaultPath();
}

AccountServerFields::AccountServerFields(QWidget *page)
    : QObject(page)
{
    m_url = addField("accountServerUrl", tr("Server address"), tr("https://mail.example.com"), tr("Ser&ver:"));
    m_path = addField("accountEndpointPath", tr("Endpoint path"), defaultPath(), tr("P&ath:"));
    m_path->setText(defaultPath());
    m_user = addField("accountUser", tr("User name"), tr("you@example.com"), tr("&User name:"));
    m_clientId = addField("accountClientId", tr("Application (client) id"),
                          tr("from your administrator, e.g. 00000000-0000-0000-0000-000000000000"),
                          tr("Application (&client) id:"));
    m_clientId->setToolTip(tr("The id under which your organisation registered Skein with Microsoft"));
}

QLineEdit *AccountServerFields::addField(const char *objectName, const QString &accessibleName,
                                         const QString &placeholder, const QString &label)
{
    auto *page = static_cast<QWidget *>(parent());
    auto *edit = new QLineEdit(page);
    edit->setObjectName(QString::fromLatin1(objectName));
    edit->setAccessibleName(accessibleName);
    edit->setPlaceholderText(placeholder);
    connect(edit, &QLineEdit::textChanged, this, &AccountServerFields::changed);
    auto *buddy = new QLabel(label, page);
    buddy->setBuddy(edit);
    m_labels.append(buddy);
    return edit;
}

void AccountServerFields::addRows(QGridLayout *grid, int firstRow, int fieldColumns)
{
    QLineEdit *const fields[] = {m_url, m_path, m_user, m_clientId};
    for (int i = 0; i < 4; ++i) {
        grid->addWidget(m_labels.at(i), firstRow + i, 0);
        grid->addWidget(fields[i], firstRow + i, 1, 1, fieldColumns);
    }
}

int AccountServerFields::labelWidth() const
{
    int widest = 0;
    for (const QLabel *label : m_labels)
        widest = qMax(widest, label->sizeHint().width());
    return widest;
}

void AccountServerFields::setVisible(bool visible)
{
    m_visible = visible;
    for (QWidget *w : {static_cast<QWidget *>(m_url), static_cast<QWidget *>(m_path), static_cast<QWidget *>(m_user)})
        w->setVisible(visible);
    for (QLabel *label : m_labels)
        label->setVisible(visible);
    // A password account has no use for an application id.
    m_clientId->setVisible(visible && m_clientIdWanted);
    m_labels.constLast()->setVisible(visible && m_clientIdWanted);
}

void AccountServerFields::setClientIdWanted(bool wanted)
{
    m_clientIdWanted = wanted;
    setVisible(m_visible);
}

void AccountServerFields::setClientId(const QString &clientId)
{
    m_clientId->setText(clientId);
}

QString AccountServerFields::clientId() const
{
    return m_clientId->text().trimmed();
}

bool AccountServerFields::isVisible() const
{
    return m_visible;
}

void AccountServerFields::setFields(const QString &url, const QString &path, const QString &user)
{
    m_url->setText(url);
    m_path->setText(path.isEmpty() ? defaultPath() : path);
    m_user->setText(user);
    normalize(); // a discovered URL may carry the endpoint path
}

QString AccountServerFields::url() const
{
    return m_url->text().trimmed();
}

QString AccountServerFields::path() const
{
    return m_path->text().trimmed();
}

QString AccountServerFields::user() const
{
    return m_user->text().trimmed();
}

bool AccountServerFields::isComplete() const
{
    return !url().isEmpty() && !user().isEmpty();
}

QString AccountServerFields::endpoint() const
{
    if (url().isEmpty())
        return QString();
    QString address = url();
    if (!address.contains(QLatin1String("://")))
        address.prepend(QLatin1String("https://"));
    const QString endpointPath = path().isEmpty() ? defaultPath() : path();
    const QUrl whole(address);
    const bool hasPath = !whole.path().isEmpty() && whole.path() != QLatin1String("/");
    if (hasPath)
        return address;
    while (address.endsWith(QLatin1Char('/')))
        address.chop(1);
    return address + (endpointPath.startsWith(QLatin1Char('/')) ? endpointPath : QLatin1Char('/') + endpointPath);
}

void AccountServerFields::normalize()
{
    QString text = url();
    if (text.isEmpty())
        return;
    if (!text.contains(QLatin1String("://")))
        text.prepend(QLatin1String("https://"));
    QUrl address(text);
    const QString addressPath = address.path();
    if (!addressPath.isEmpty() && addressPath != QLatin1String("/"))
        m_path->setText(addressPath);
    address.setPath(QString());
    address.setQuery(QString());
    address.setFragment(QString());
    m_url->setText(address.toString());
    if (path().isEmpty())
        m_path->setText(defaultPath());
    else if (!path().startsWith(QLatin1Char('/')))
        m_path->setText(QLatin1Char('/') + path());
}

void AccountServerFields::setInputEnabled(bool enabled)
{
    for (QLineEdit *edit : {m_url, m_path, m_user, m_clientId})
        edit->setEnabled(enabled);
}

} // namespace skein::ui
