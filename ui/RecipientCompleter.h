#pragma once

#include "AddressUse.h"

#include <QCompleter>
#include <QSet>

class QLineEdit;
class QStandardItemModel;
class QTimer;

namespace skein::ui {

// Completes the address being typed in a To / Cc / Bcc field, where entries
// are comma separated: only the entry after the last comma is matched (by
// name or address, anywhere in it) and replaced. The mailbox's addresses
// come first, in MessageStore::knownAddresses order (written to most, then seen
// most); the directory's (GAL Search) below them once the app delivers them.
class RecipientCompleter : public QCompleter
{
    Q_OBJECT
public:
    static constexpr int kDirectoryDelayMs = 300;
    static constexpr int kDirectoryMinimumPrefix = 3;

    RecipientCompleter(const QList<AddressUse> &known, QLineEdit *edit);

    // "Name <addr>" or "addr": what an entry becomes in the field.
    static QString entryText(const QString &name, const QString &address);
    // The entry being typed: the text after the last comma or semicolon.
    static QString currentEntry(const QString &fieldText);

    QStringList splitPath(const QString &path) const override;
    QString pathFromIndex(const QModelIndex &index) const override;

public Q_SLOTS:
    // Directory answers for prefix; each "Name <addr>" or "addr". Those the
    // mailbox already knows are left out; the rest go below the local ones.
    void addDirectoryResults(const QString &prefix, const QStringList &addresses);

Q_SIGNALS:
    // The user stopped typing for kDirectoryDelayMs on an entry of at least
    // kDirectoryMinimumPrefix characters: look it up in the directory.
    void directoryLookupRequested(const QString &prefix);

private:
    void textEdited();
    // The entries before the one being typed, with their separator.
    static QString headOf(const QString &fieldText);

    QLineEdit *m_edit = nullptr;
    QStandardItemModel *m_model = nullptr;
    QTimer *m_directoryTimer = nullptr;
    QSet<QString> m_addresses; // lower case, for de-duplication
    QString m_pendingPrefix;
    QString m_typedHead; // headOf the text as the user last typed it
};

} // namespace skein::ui
