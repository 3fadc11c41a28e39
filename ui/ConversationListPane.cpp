#include "ConversationListPane.h"

#include "ConversationListModel.h"
#include "ConversationView.h"
#include "MarkReadWait.h"
#include "ModelRoles.h"
#include "SortHeader.h"

#include <QAction>
#include <QActionGroup>
#include <QHeaderView>
#include <QLineEdit>
#include <QSettings>
#include <QTimer>
#include <QVBoxLayout>

namespace skein::ui {

namespace {

const QString headerKey = QStringLiteral("mainWindow/conversationColumns");
const QString sortKey = QStringLiteral("mainWindow/sortKey");
const QString sortOrderKey = QStringLiteral("mainWindow/sortOrder");

} // namespace

ConversationListPane::ConversationListPane(Store &store, QWidget *parent)
    : QWidget(parent)
    , m_model(new ConversationListModel(&store, this))
{
    setObjectName(QStringLiteral("conversationListPane"));
    setAccessibleName(tr("Conversations"));
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setPlaceholderText(tr("Filter by subject or sender"));
    m_filter->setAccessibleName(tr("Filter conversations"));
    m_filter->setClearButtonEnabled(true);
    m_filterTimer = new QTimer(this);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(150); // one query per pause in typing
    connect(m_filter, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_filterTimer, &QTimer::timeout, this, &ConversationListPane::applyFilter);

    m_sortHeader = new SortHeader(this);
    connect(m_sortHeader, &SortHeader::sortRequested, this,
            [this](SortHeader::Key key, Qt::SortOrder order) { sortBy(key, order); });
    createSortActions();

    m_view = new ConversationView(this);
    m_view->setModel(m_model);
    for (int column = 1; column < m_model->columnCount(); ++column)
        m_view->setColumnHidden(column, true); // one card per row
    m_markReadWait = new MarkReadWait(m_view, this);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, m_markReadWait, &MarkReadWait::start);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_filter);
    layout->addWidget(m_sortHeader);
    layout->addWidget(m_view, 1);
}

void ConversationListPane::createSortActions()
{
    auto *group = new QActionGroup(this);
    const QStringList names{tr("By &Date"), tr("By &Sender"), tr("By S&ubject")};
    // The View menu's twins of the sort bar's actionSortBy… buttons.
    const char *const objectNames[] = {"actionViewSortByDate", "actionViewSortBySender", "actionViewSortBySubject"};
    for (int key = 0; key < names.size(); ++key) {
        auto *action = new QAction(names.at(key), group);
        action->setObjectName(QLatin1String(objectNames[key]));
        action->setCheckable(true);
        action->setChecked(key == SortHeader::Date);
        connect(action, &QAction::triggered, this, [this, key] {
            sortBy(key, key == SortHeader::Date ? Qt::DescendingOrder : Qt::AscendingOrder);
        });
        m_sortActions.append(action);
    }
}

void ConversationListPane::sortBy(int key, Qt::SortOrder order)
{
    static const int columns[] = {ConversationListModel::DateColumn, ConversationListModel::FromColumn,
                                  ConversationListModel::SubjectColumn};
    if (key < SortHeader::Date || key > SortHeader::Subject)
        return;
    m_sortHeader->setSort(SortHeader::Key(key), order);
    m_sortActions.at(key)->setChecked(true);
    m_model->sort(columns[key], order);
}

void ConversationListPane::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void ConversationListPane::clearFilter()
{
    if (m_filter->text().isEmpty())
        return;
    m_filter->clear();
    applyFilter();
}

void ConversationListPane::applyFilter()
{
    m_filterTimer->stop();
    m_model->setFilterText(m_filter->text().trimmed());
}

bool ConversationListPane::selectConversation(const QByteArray &conversationId, qint64 messageId)
{
    QModelIndex index = m_model->indexForConversation(conversationId, messageId);
    // New mail is near the top, but the list may be sorted otherwise.
    for (int page = 0; !index.isValid() && page < 10 && m_model->canFetchMore({}); ++page) {
        m_model->fetchMore({});
        index = m_model->indexForConversation(conversationId, messageId);
    }
    if (!index.isValid())
        return false;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

bool ConversationListPane::expandFirstMultiMessageConversation(const QString &subjectPart)
{
    for (int row = 0;; ++row) {
        if (row >= m_model->rowCount()) {
            if (!m_model->canFetchMore({}) || row > 10 * ConversationListModel::pageSize)
                return false;
            m_model->fetchMore({});
            if (row >= m_model->rowCount())
                return false;
        }
        const QModelIndex index = m_model->index(row, 0);
        if (index.data(MessageCountRole).toInt() > 1
            && index.data(SubjectRole).toString().contains(subjectPart, Qt::CaseInsensitive)) {
            m_view->expand(index);
            m_view->setCurrentIndex(index);
            m_view->scrollTo(index);
            return true;
        }
    }
}

qint64 ConversationListPane::selectedMessageId() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return 0;
    if (const Message *message = m_model->message(current))
        return message->id;
    return m_model->summary(current).headId;
}

void ConversationListPane::saveState() const
{
    QSettings settings;
    settings.setValue(headerKey, m_view->header()->saveState());
    settings.setValue(sortKey, int(m_sortHeader->key()));
    settings.setValue(sortOrderKey, int(m_sortHeader->order()));
}

void ConversationListPane::restoreState()
{
    const QSettings settings;
    m_view->header()->restoreState(settings.value(headerKey).toByteArray());
    const int key = settings.value(sortKey, int(SortHeader::Date)).toInt();
    const int order = settings.value(sortOrderKey, int(Qt::DescendingOrder)).toInt();
    sortBy(key, order == Qt::AscendingOrder ? Qt::AscendingOrder : Qt::DescendingOrder);
}

} // namespace skein::ui
