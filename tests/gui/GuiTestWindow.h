#pragma once

// The main window as the GUI tests open it, and finding a conversation's row.

#include "MainWindow.h"
#include "ModelRoles.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

namespace guitest {

// Settings and standard paths of this test binary only, under dir, so a
// test never reads or writes the user's own.
inline void isolateSettings(const QTemporaryDir &dir, const QString &applicationName)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("SkeinTest"));
    QCoreApplication::setApplicationName(applicationName);
    const QString path = dir.filePath(QStringLiteral("settings"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, path);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, path);
}

// Selecting a conversation must not mark it read in tests of other things
// (tst_markreadonopen tests that).
inline void neverMarkReadOnOpen()
{
    QSettings().setValue(QStringLiteral("reading/markReadDelayMs"), -1);
}

// Shown, active (keyboard tests need focus), at size.
inline std::unique_ptr<skein::ui::MainWindow> showMainWindow(skein::Store &store, const QSize &size = {1280, 800})
{
    auto window = std::make_unique<skein::ui::MainWindow>(store);
    window->resize(size);
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("window not active");
    return window;
}

// The top-level row of the conversation in the list, invalid if not listed.
inline QModelIndex conversationRow(QTreeView *view, const QByteArray &conversationId)
{
    QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(skein::ConversationIdRole).toByteArray() == conversationId)
            return index;
    }
    return {};
}

} // namespace guitest
