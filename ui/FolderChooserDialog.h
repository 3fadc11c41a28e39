#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace skein {
class FolderModel;
class Store;
} // namespace skein

namespace skein::ui {

// Picks the target of a Move (Ctrl+Shift+V) or an Always Move: the account's
// mail folders as in the folder pane, with a filter field. Outbox and Drafts
// are never offered (moving received mail there would send or edit it, and
// MS-ASCON forbids them as always-move targets); for a Move the folder the
// conversation is in is shown but cannot be chosen. Open it with open(); the
// choice arrives as folderChosen().
class FolderChooserDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Purpose { Move, AlwaysMove };

    FolderChooserDialog(const Store &store, Purpose purpose, const QString &currentFolderId,
                        const QString &subject, QWidget *parent = nullptr);

    Purpose purpose() const { return m_purpose; }
    QString selectedFolderId() const;
    // Selects a folder by id; false when it is not offered or not choosable.
    bool selectFolder(const QString &folderId);
    // The folder ids offered, in display order (tests).
    QStringList offeredFolderIds() const;
    QTreeView *folderView() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }

Q_SIGNALS:
    void folderChosen(const QString &folderId);

private:
    void updateOk();

    Purpose m_purpose;
    skein::FolderModel *m_folders = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QTreeView *m_view = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace skein::ui
