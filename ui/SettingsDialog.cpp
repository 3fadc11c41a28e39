#include "SettingsDialog.h"

#include "AppSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace skein::ui {

namespace {

template<typename W>
W *named(W *widget, const char *objectName, const QString &accessibleName)
{
    widget->setObjectName(QLatin1String(objectName));
    widget->setAccessibleName(accessibleName);
    return widget;
}

QLabel *note(const QString &text)
{
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Skein Settings"));
    setAccessibleName(windowTitle());
    m_tabs = named(new QTabWidget, "settingsTabs", tr("Settings pages"));
    m_tabs->addTab(accountsPage(), tr("Accounts"));
    m_tabs->addTab(mailPage(), tr("Checking mail"));
    m_tabs->addTab(readingPage(), tr("Reading"));
    m_tabs->addTab(privacyPage(), tr("Remote content"));
    m_tabs->addTab(notificationsPage(), tr("Notifications"));
    m_tabs->addTab(signaturesPage(), tr("Signatures"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    named(buttons->button(QDialogButtonBox::Ok), "settingsOkButton", tr("Save settings"));
    named(buttons->button(QDialogButtonBox::Cancel), "settingsCancelButton", tr("Discard changes"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
    resize(620, 460);
    load();
}

QWidget *SettingsDialog::accountsPage()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("accountsPage"));
    m_accountList = named(new QListWidget, "accountList", tr("Accounts"));
    auto *add = named(new QPushButton(tr("Add…")), "addAccountButton", tr("Add an account"));
    m_editAccount = named(new QPushButton(tr("Edit…")), "editAccountButton", tr("Edit the selected account"));
    m_removeAccount = named(new QPushButton(tr("Remove…")), "removeAccountButton", tr("Remove the selected account"));
    connect(add, &QPushButton::clicked, this, &SettingsDialog::addAccountRequested);
    connect(m_editAccount, &QPushButton::clicked, this, [this] {
        if (const QString id = selectedAccountId(); !id.isEmpty())
            Q_EMIT editAccountRequested(id);
    });
    connect(m_removeAccount, &QPushButton::clicked, this, [this] {
        if (const QString id = selectedAccountId(); !id.isEmpty())
            Q_EMIT removeAccountRequested(id);
    });
    connect(m_accountList, &QListWidget::currentRowChanged, this, [this](int row) {
        m_editAccount->setEnabled(row >= 0);
        m_removeAccount->setEnabled(row >= 0);
    });
    m_editAccount->setEnabled(false);
    m_removeAccount->setEnabled(false);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_editAccount);
    buttons->addWidget(m_removeAccount);
    buttons->addStretch();
    auto *layout = new QHBoxLayout(page);
    layout->addWidget(m_accountList, 1);
    layout->addLayout(buttons);
    return page;
}

QWidget *SettingsDialog::mailPage()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("mailPage"));
    m_push = named(new QRadioButton(tr("Push: show new mail as soon as the server has it")), "pushRadio", tr("Push"));
    m_interval = named(new QRadioButton(tr("Check for new mail every")), "intervalRadio", tr("Check at an interval"));
    m_intervalMinutes = named(new QSpinBox, "intervalSpin", tr("Minutes between checks"));
    m_intervalMinutes->setRange(1, 240);
    m_intervalMinutes->setSuffix(tr(" min"));
    connect(m_interval, &QRadioButton::toggled, m_intervalMinutes, &QWidget::setEnabled);
    auto *intervalRow = new QHBoxLayout;
    intervalRow->addWidget(m_interval);
    intervalRow->addWidget(m_intervalMinutes);
    intervalRow->addStretch();
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_push);
    layout->addLayout(intervalRow);
    layout->addWidget(note(tr("A server without push is checked at the interval, whichever you choose.")));
    layout->addStretch();
    return page;
}

QWidget *SettingsDialog::readingPage()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("readingPage"));
    m_markRead = named(new QCheckBox(tr("Mark a message as read after showing it for")), "markReadCheck",
                       tr("Mark messages as read when shown"));
    m_markReadSeconds = named(new QDoubleSpinBox, "markReadDelaySpin", tr("Seconds before a shown message counts as read"));
    m_markReadSeconds->setRange(0, 60);
    m_markReadSeconds->setDecimals(1);
    m_markReadSeconds->setSingleStep(0.5);
    m_markReadSeconds->setSuffix(tr(" s"));
    connect(m_markRead, &QCheckBox::toggled, m_markReadSeconds, &QWidget::setEnabled);
    auto *row = new QHBoxLayout;
    row->addWidget(m_markRead);
    row->addWidget(m_markReadSeconds);
    row->addStretch();
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(row);
    layout->addWidget(note(tr("Unchecked, messages stay unread until you mark them.")));
    layout->addStretch();
    return page;
}

QWidget *SettingsDialog::privacyPage()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("privacyPage"));
    m_allowedSenders = named(new QListWidget, "allowedSendersList", tr("Senders whose remote content loads"));
    m_allowedSenders->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_removeSender = named(new QPushButton(tr("Remove")), "removeSenderButton", tr("Stop loading remote content from the selected senders"));
    connect(m_removeSender, &QPushButton::clicked, this, [this] { qDeleteAll(m_allowedSenders->selectedItems()); });
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(new QLabel(tr("Remote images and other content load for mail from these senders:")));
    layout->addWidget(m_allowedSenders, 1);
    auto *row = new QHBoxLayout;
    row->addWidget(note(tr("Add a sender from a message's \"Load remote content\" bar.")), 1);
    row->addWidget(m_removeSender);
    layout->addLayout(row);
    return page;
}

QWidget *SettingsDialog::notificationsPage()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("notificationsPage"));
    m_notifications = named(new QCheckBox(tr("Show a desktop notification for new mail in the Inbox")),
                            "notificationsCheck", tr("Desktop notifications for new mail"));
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_notifications);
    layout->addWidget(note(tr("One notification per conversation; never for ignored conversations, "
                              "conversations you always move, Junk, or your own replies.")));
    layout->addStretch();
    return page;
}

QWidget *SettingsDialog::signaturesPage()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("signaturesPage"));
    m_signatureAccount = named(new QComboBox, "signatureAccountCombo", tr("Account whose signature is edited"));
    m_signature = named(new QPlainTextEdit, "signatureEdit", tr("Signature"));
    connect(m_signatureAccount, &QComboBox::currentIndexChanged, this, &SettingsDialog::showSignatureOf);
    auto *form = new QFormLayout(page);
    form->addRow(tr("Account:"), m_signatureAccount);
    form->addRow(tr("Signature:"), m_signature);
    form->addRow(QString(), note(tr("Added below new mail and above the quoted text of a reply.")));
    return page;
}

void SettingsDialog::load()
{
    const bool push = settings::push();
    m_push->setChecked(push);
    m_interval->setChecked(!push);
    m_intervalMinutes->setValue(settings::intervalMinutes());
    m_intervalMinutes->setEnabled(!push);
    const int delay = settings::markReadDelayMs();
    m_markRead->setChecked(delay >= 0);
    m_markReadSeconds->setValue(delay >= 0 ? delay / 1000.0 : settings::kDefaultMarkReadDelayMs / 1000.0);
    m_markReadSeconds->setEnabled(delay >= 0);
    m_allowedSenders->clear();
    m_allowedSenders->addItems(settings::allowedSenders());
    m_notifications->setChecked(settings::notificationsEnabled());
}

void SettingsDialog::setAccounts(const QList<AccountRow> &accounts)
{
    m_accounts = accounts;
    m_accountList->clear();
    m_signatureAccount->blockSignals(true);
    m_signatureAccount->clear();
    for (const AccountRow &a : accounts) {
        auto *item = new QListWidgetItem(a.label, m_accountList);
        item->setData(Qt::UserRole, a.id);
        m_signatureAccount->addItem(a.label);
        if (!m_signatures.contains(a.address))
            m_signatures.insert(a.address, settings::signature(a.address));
    }
    m_signatureAccount->blockSignals(false);
    m_signatureShown = -1;
    if (!accounts.isEmpty()) {
        m_accountList->setCurrentRow(0);
        showSignatureOf(0);
    }
    m_signature->setEnabled(!accounts.isEmpty());
}

void SettingsDialog::showSignatureOf(int accountRow)
{
    if (m_signatureShown >= 0 && m_signatureShown < m_accounts.size())
        m_signatures.insert(m_accounts.at(m_signatureShown).address, m_signature->toPlainText());
    m_signatureShown = accountRow;
    if (accountRow >= 0 && accountRow < m_accounts.size())
        m_signature->setPlainText(m_signatures.value(m_accounts.at(accountRow).address));
}

QString SettingsDialog::selectedAccountId() const
{
    const QListWidgetItem *item = m_accountList->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void SettingsDialog::showPage(const QString &name)
{
    static const QStringList pages{QStringLiteral("accounts"), QStringLiteral("mail"), QStringLiteral("reading"),
                                   QStringLiteral("privacy"), QStringLiteral("notifications"), QStringLiteral("signatures")};
    m_tabs->setCurrentIndex(std::max<qsizetype>(0, pages.indexOf(name)));
}

void SettingsDialog::save()
{
    QSettings s;
    s.setValue(settings::pushKey, m_push->isChecked());
    s.setValue(settings::intervalKey, m_intervalMinutes->value());
    s.setValue(settings::markReadDelayKey, m_markRead->isChecked() ? qRound(m_markReadSeconds->value() * 1000) : -1);
    QStringList senders;
    for (int i = 0; i < m_allowedSenders->count(); ++i)
        senders.append(m_allowedSenders->item(i)->text());
    s.setValue(settings::allowedSendersKey, senders);
    s.setValue(settings::notificationsKey, m_notifications->isChecked());
    showSignatureOf(m_signatureAccount->currentIndex()); // keeps what is being typed
    for (auto it = m_signatures.cbegin(); it != m_signatures.cend(); ++it) {
        if (it.value().trimmed().isEmpty())
            s.remove(settings::signatureKey(it.key()));
        else
            s.setValue(settings::signatureKey(it.key()), it.value());
    }
    Q_EMIT saved();
}

} // namespace skein::ui
