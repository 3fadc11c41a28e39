#include "AccountEmailPage.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace skein::ui {

AccountEmailPage::AccountEmailPage(QWidget *parent)
    : AccountPage(parent)
{
    setObjectName(QStringLiteral("accountEmailPage"));
    QLabel *heading = makePageHeading(tr("Add your mail account"), "accountEmailHeading", this);
    auto *intro = new QLabel(tr("Enter your email address. Skein finds your server and asks you to sign in "
                                "with a password or your Microsoft account."),
                             this);
    intro->setObjectName(QStringLiteral("accountEmailIntro"));
    intro->setAccessibleName(tr("Introduction"));
    intro->setWordWrap(true);

    m_email = new QLineEdit(this);
    m_email->setObjectName(QStringLiteral("accountEmail"));
    m_email->setAccessibleName(tr("Email address"));
    m_email->setPlaceholderText(tr("you@example.com"));
    m_email->setInputMethodHints(Qt::ImhEmailCharactersOnly | Qt::ImhNoAutoUppercase);
    connect(m_email, &QLineEdit::textChanged, this, [this] {
        m_problem->hide(); // the complaint is about what was there before
        Q_EMIT emailChanged(email());
    });

    m_problem = new QLabel(tr("Enter a complete email address, like name@example.com."), this);
    m_problem->setObjectName(QStringLiteral("accountEmailProblem"));
    m_problem->setAccessibleName(tr("Email address problem"));
    m_problem->setStyleSheet(QStringLiteral("color: #a01010;"));
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Email address:"), m_email);
    form->addRow(QString(), m_problem);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading);
    layout->addWidget(intro);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addStretch(1);
}

QString AccountEmailPage::email() const
{
    return m_email->text().trimmed();
}

void AccountEmailPage::setEmail(const QString &email)
{
    m_email->setText(email);
}

void AccountEmailPage::setInputEnabled(bool enabled)
{
    m_email->setEnabled(enabled);
}

bool AccountEmailPage::isPlausibleEmail(const QString &email)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^[^@\s]+@[^@\s.]+(\.[^@\s.]+)*$)"));
    return pattern.match(email).hasMatch();
}

QString AccountEmailPage::domainOf(const QString &email)
{
    return email.section(QLatin1Char('@'), 1);
}

bool AccountEmailPage::validate()
{
    const bool plausible = isPlausibleEmail(email());
    m_problem->setVisible(!plausible);
    m_problem->setAccessibleDescription(plausible ? QString() : m_problem->text());
    if (!plausible) {
        m_email->setFocus();
        m_email->selectAll();
    }
    return plausible;
}

} // namespace skein::ui
