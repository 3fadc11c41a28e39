#pragma once

// The main window as the GUI tests open it, and finding a conversation's row.

#include "MainWindow.h"
#include "ModelRoles.h"

#include <QTest>
#include <QTreeView>

#include <memory>

namespace guitest {

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
