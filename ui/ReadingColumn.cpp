#include "ReadingColumn.h"

#include "ConversationNotice.h"
#include "ModelRoles.h"
#include "ReadingPane.h"
#include "ThreadingNote.h"

#include <QAbstractItemView>
#include <QVBoxLayout>

namespace skein::ui {

ReadingColumn::ReadingColumn(Store &store, ReadingPane *pane, QAbstractItemView *list, QWidget *parent)
    : QWidget(parent)
    , m_notice(new ConversationNotice(this))
{
    setObjectName(QStringLiteral("readingColumn"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_notice);
    auto *threading = new ThreadingNote(store, this);
    layout->addWidget(threading);
    connect(list->selectionModel(), &QItemSelectionModel::currentChanged, threading,
            [threading](const QModelIndex &current) {
                threading->showConversation(current.isValid() ? current.data(ConversationIdRole).toByteArray()
                                                              : QByteArray());
            });
    layout->addWidget(pane, 1);
}

void ReadingColumn::showNotice(const QString &text, const QString &buttonText)
{
    if (text.isEmpty())
        m_notice->hide();
    else
        m_notice->showNotice(text, buttonText);
}

} // namespace skein::ui
