// skein-cli accounts: the accounts of one profile, each with its own store
// (Profile: PROFILE/skein.db for the default, PROFILE/accounts/NAME otherwise).
#include "CliCommands.h"
#include "CliSupport.h"
#include "Store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace skein::cli {

int accounts(const Invocation &in)
{
    const Profile &base = in.profile;
    QJsonArray list;
    for (const QString &name : base.accountNames()) {
        const Profile profile(base.directory(), name);
        Store store;
        std::optional<AccountSettings> account;
        if (store.open(profile.databasePath()))
            account = store.accountStore().account();
        QJsonObject row{{QStringLiteral("name"), name},
                        {QStringLiteral("default"), name.isEmpty()},
                        {QStringLiteral("user"), account ? account->user : QString()},
                        {QStringLiteral("email"), account ? account->email : QString()},
                        {QStringLiteral("url"), account ? account->url : QString()},
                        {QStringLiteral("protocol"), account ? account->protocolVersion : QString()}};
        if (!account)
            row.insert(QStringLiteral("error"), store.lastError().isEmpty() ? QStringLiteral("no account set up") : store.lastError());
        list.append(row);
    }
    if (in.options.isSet(QStringLiteral("json"))) {
        out() << QJsonDocument(list).toJson();
        return Ok;
    }
    if (list.isEmpty()) {
        out() << "no accounts in " << base.directory() << "; run 'skein-cli account add' first\n";
        return Ok;
    }
    for (const QJsonValue &v : std::as_const(list)) {
        const QJsonObject row = v.toObject();
        const QString name = row.value(QStringLiteral("name")).toString();
        out() << (name.isEmpty() ? QStringLiteral("(default)") : name) << "\t" << row.value(QStringLiteral("user")).toString()
              << "\t" << QUrl(row.value(QStringLiteral("url")).toString()).host() << "\t"
              << row.value(QStringLiteral("protocol")).toString() << "\n";
    }
    return Ok;
}

} // namespace skein::cli
