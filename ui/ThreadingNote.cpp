#include "ThreadingNote.h"

#include "MessageRows.h"
#include "Store.h"

namespace skein::ui {

ThreadingNote::ThreadingNote(const skein::Store &store, QWidget *parent)
    : QLabel(parent), m_store(store)
{
    setObjectName(QStringLiteral("threadingNote"));
    setWordWrap(true);
    setContentsMargins(6, 2, 6, 2);
    setForegroundRole(QPalette::PlaceholderText);
    hide();
}

void ThreadingNote::showConversation(const QByteArray &conversationId)
{
    const QString text = conversationId.isEmpty()
        ? QString()
        : skein::threadingNote(m_store.messageStore().conversationMessages(conversationId));
    setText(text);
    setAccessibleName(text);
    setVisible(!text.isEmpty());
}

} // namespace skein::ui
