#include "SearchResultsView.h"

#include "MailFormat.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QHeaderView>
#include <QPainter>
#include <QSet>
#include <QStyledItemDelegate>
#include <QTextDocument>

namespace skein::ui {

namespace {

// Paints a row's HtmlRole (the <b> of the matches) instead of its plain
// text, which stays the row's text for screen readers and tests.
class HtmlDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString html = index.data(SearchResultsView::HtmlRole).toString();
        opt.text.clear();
        QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        QTextDocument doc;
        doc.setDefaultFont(opt.font);
        doc.setHtml(html);
        doc.setTextWidth(opt.rect.width());
        QAbstractTextDocumentLayout::PaintContext context;
        const bool selected = opt.state & QStyle::State_Selected;
        context.palette.setColor(QPalette::Text, opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        painter->save();
        painter->translate(opt.rect.topLeft());
        painter->setClipRect(opt.rect.translated(-opt.rect.topLeft()));
        doc.documentLayout()->draw(painter, context);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QTextDocument doc;
        doc.setDefaultFont(option.font);
        doc.setHtml(index.data(SearchResultsView::HtmlRole).toString());
        const int width = option.widget ? option.widget->width() : 400;
        doc.setTextWidth(width);
        return {width, int(doc.size().height())};
    }
};

} // namespace

SearchResultsView::SearchResultsView(QWidget *parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("searchResultsView"));
    setAccessibleName(tr("Search results"));
    setToolTip(tr("Double-click a conversation or press Enter to open it"));
    setHeaderHidden(true);
    setColumnCount(1);
    setRootIsDecorated(false);
    setWordWrap(true);
    setItemDelegate(new HtmlDelegate(this));
    // itemActivated: a double-click, or Enter on the current row.
    connect(this, &QTreeWidget::itemActivated, this, &SearchResultsView::open);
}

void SearchResultsView::setHits(const QList<SearchHit> &hits, const QHash<QString, QString> &folderNames)
{
    clear();
    m_serverMessages.clear();
    for (const SearchHit &hit : hits) {
        const ConversationSummary &c = hit.conversation;
        auto *item = new QTreeWidgetItem(this);
        const QString people = format::displayNames(c.participants.join(QStringLiteral(", ")));
        const QString count = c.messageCount > 1 ? tr(" (%1)").arg(c.messageCount) : QString();
        const QString where = folderNames.value(hit.folderId, hit.folderId);
        const auto unmarked = [](QString text) { return text.remove(searchMatchStart).remove(searchMatchEnd); };
        item->setText(0, unmarked(hit.subject) + QLatin1Char('\n') + unmarked(hit.snippet).simplified());
        item->setData(0, HtmlRole,
                      QStringLiteral("<div>%1%2 \u2014 <i>%3 \u00b7 %4 \u00b7 %5</i></div>"
                                     "<div>%6</div>")
                          .arg(fts::markedToHtml(hit.subject), count.toHtmlEscaped(), people.toHtmlEscaped(),
                               where.toHtmlEscaped(), format::longDate(c.latest).toHtmlEscaped(),
                               fts::markedToHtml(hit.snippet.simplified())));
        item->setData(0, FolderIdRole, hit.folderId);
        item->setData(0, ConversationIdRole, c.conversationId);
        item->setData(0, MessageIdRole, hit.messageId);
    }
    if (topLevelItemCount() > 0)
        setCurrentItem(topLevelItem(0));
}

int SearchResultsView::addServerMessages(const QList<Message> &messages, const QHash<QString, QString> &folderNames)
{
    QSet<QByteArray> listed;
    for (int row = 0; row < topLevelItemCount(); ++row)
        listed.insert(topLevelItem(row)->data(0, ConversationIdRole).toByteArray());
    int added = 0;
    for (const Message &m : messages) {
        if (!m.conversationId.isEmpty() && listed.contains(m.conversationId))
            continue;
        listed.insert(m.conversationId);
        auto *item = new QTreeWidgetItem(this);
        const QString where = folderNames.value(m.folderId, m.folderId);
        const QString subject = m.subject.isEmpty() ? tr("(no subject)") : m.subject;
        item->setText(0, subject + QLatin1Char('\n') + m.preview.simplified());
        item->setData(0, HtmlRole,
                      QStringLiteral("<div>%1 \u2014 <i>%2 \u00b7 %3 \u00b7 %4 \u00b7 %5</i></div><div>%6</div>")
                          .arg(subject.toHtmlEscaped(), format::displayName(m.from).toHtmlEscaped(),
                               where.toHtmlEscaped(), format::longDate(m.dateReceived).toHtmlEscaped(),
                               tr("on the server").toHtmlEscaped(), m.preview.simplified().toHtmlEscaped()));
        item->setData(0, ServerResultRole, int(m_serverMessages.size()));
        m_serverMessages.append(m);
        ++added;
    }
    if (!currentItem() && topLevelItemCount() > 0)
        setCurrentItem(topLevelItem(0));
    return added;
}

void SearchResultsView::open(QTreeWidgetItem *item)
{
    if (!item)
        return;
    if (const QVariant server = item->data(0, ServerResultRole); server.isValid()) {
        Q_EMIT serverMessageOpenRequested(m_serverMessages.value(server.toInt()));
        return;
    }
    Q_EMIT openRequested(item->data(0, FolderIdRole).toString(), item->data(0, ConversationIdRole).toByteArray(),
                         item->data(0, MessageIdRole).toLongLong());
}

} // namespace skein::ui
