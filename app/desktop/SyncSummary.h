#pragma once

#include "AccountDialog.h"
#include "SyncRunner.h"

#include <QStringList>

namespace skein::desktop {

// What the window shows about one finished sync.
struct SyncSummary {
    bool ok = false;
    QString message;
    QStringList folderProblems; // "Inbox: ..." per failed folder and per skipped item
};

SyncSummary summarize(const eas::SyncReport &report);

// The dialog's failure kinds are coarser than the engine's: the user needs to
// know what to fix (password, network, certificate), not the HTTP status.
ui::AccountDialog::DialogError dialogErrorFor(eas::ErrorKind kind);

} // namespace skein::desktop
