#include "SyncSummary.h"

#include <QCoreApplication>

namespace skein::desktop {

namespace {

// lupdate files a tr() outside a class under its namespace; the context here
// must be the same name for the translation to be found.
QString tr(const char *text)
{
    return QCoreApplication::translate("skein::desktop", text);
}

QStringList problemsOf(const eas::FolderReport &folder)
{
    QStringList problems;
    if (!folder.error.isEmpty())
        problems.append(QStringLiteral("%1: %2").arg(folder.folderName, folder.error));
    for (const eas::ItemProblem &item : folder.skipped) {
        const QString id = item.serverId.isEmpty() ? tr("(no id)") : item.serverId;
        problems.append(tr("%1: skipped message %2: %3").arg(folder.folderName, id, item.reason));
    }
    return problems;
}

// A SoftDelete is a message the server stopped sending because it is older
// than the date filter: it is still on the server, so it is not counted as
// removed (which reads like deleted mail) but said as what it is.
QString changesText(const eas::SyncReport &report)
{
    int added = 0, changed = 0, deleted = 0, hidden = 0;
    for (const eas::FolderReport &folder : report.folders) {
        added += folder.added;
        changed += folder.changed;
        deleted += folder.deleted;
        hidden += folder.softDeleted;
    }
    const QString hiddenText = hidden == 1 ? tr("1 older message hidden by the date filter")
                                           : tr("%1 older messages hidden by the date filter").arg(hidden);
    if (added + changed + deleted == 0)
        return hidden == 0 ? tr("Synced: no new mail.") : tr("Synced: no new mail; %1.").arg(hiddenText);
    const QString changes = tr("Synced: %1 new, %2 changed, %3 removed").arg(added).arg(changed).arg(deleted);
    return hidden == 0 ? changes + QLatin1Char('.') : tr("%1; %2.").arg(changes, hiddenText);
}

} // namespace

SyncSummary summarize(const eas::SyncReport &report)
{
    SyncSummary summary;
    for (const eas::FolderReport &folder : report.folders)
        summary.folderProblems += problemsOf(folder);
    summary.ok = report.ok();
    if (!summary.ok)
        summary.message = report.message.isEmpty() ? tr("The sync failed.") : report.message;
    else if (!report.message.isEmpty())
        summary.message = report.message;
    else
        summary.message = changesText(report);
    return summary;
}

ui::AccountDialog::DialogError dialogErrorFor(eas::ErrorKind kind)
{
    using DialogError = ui::AccountDialog::DialogError;
    switch (kind) {
    case eas::ErrorKind::Auth: return DialogError::WrongPassword;
    case eas::ErrorKind::Network: return DialogError::Unreachable;
    case eas::ErrorKind::Tls: return DialogError::Certificate;
    default: return DialogError::Other;
    }
}

} // namespace skein::desktop
