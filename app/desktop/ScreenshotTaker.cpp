#include "ScreenshotTaker.h"

#include "CentrePages.h"
#include "ConversationListPane.h"
#include "ConversationView.h"
#include "FolderPane.h"
#include "MainWindow.h"
#include "ModelRoles.h"
#include "ReadingPane.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPixmap>
#include <QTreeView>

namespace skein::desktop {

namespace {

// Long enough for the first sync of the demo mailbox on a slow CI machine.
constexpr int kDeadlineMs = 120000;
// Lets views lay out, delegates size their rows and the reading pane render.
constexpr int kSettleMs = 600;
// A body the reading pane asked for should arrive from the loopback demo server quickly.
constexpr int kBodyWaitMs = 8000;

} // namespace

ScreenshotTaker::ScreenshotTaker(ui::MainWindow &window, QString path, QString subject, QString folder,
                                 QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_path(std::move(path))
    , m_subject(std::move(subject))
    , m_folder(std::move(folder))
{
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(kDeadlineMs);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        finish(3, QStringLiteral("no sync finished within %1 s; no screenshot taken").arg(kDeadlineMs / 1000));
    });
    m_deadline.start();
    m_bodyWait.setSingleShot(true);
    m_bodyWait.setInterval(kBodyWaitMs);
    connect(&m_bodyWait, &QTimer::timeout, this, &ScreenshotTaker::capture);
    // The reading pane asks for a truncated body; wait for it so the shot shows the full text.
    connect(m_window.panes().reading, &ui::ReadingPane::bodyRequested, this, [this] { m_waitingForBody = true; });
}

void ScreenshotTaker::syncFinished(bool ok, const QString &message)
{
    if (m_started || m_finished)
        return;
    m_started = true;
    if (!ok && m_folder.isEmpty()) {
        finish(1, QStringLiteral("the first sync failed: %1").arg(message));
        return;
    }
    if (!ok)
        qWarning("skein: the first sync failed (%s); picturing the folder as this computer has it",
                 qPrintable(message));
    m_window.resize(kWidth, kHeight);
    m_window.show();
    QCoreApplication::processEvents();
    prepareView();
}

bool ScreenshotTaker::selectFolder()
{
    QAbstractItemModel *folders = m_window.panes().folders->model();
    const QModelIndexList found = folders->match(folders->index(0, 0), Qt::DisplayRole, m_folder, 1,
                                                 Qt::MatchFixedString | Qt::MatchRecursive);
    if (found.isEmpty()) {
        qWarning("skein: no folder named \"%s\"; taking the screenshot as it is", qPrintable(m_folder));
        return false;
    }
    m_window.panes().folders->setCurrentIndex(found.first());
    QCoreApplication::processEvents();
    return true;
}

void ScreenshotTaker::prepareView()
{
    if (!m_folder.isEmpty() && selectFolder() && m_window.panes().pages->page() != ui::CentrePages::List) {
        QTimer::singleShot(kSettleMs, this, &ScreenshotTaker::settleThenCapture); // no conversation to open
        return;
    }
    if (!m_window.panes().list->expandFirstMultiMessageConversation(m_subject)) {
        if (selectSingleMessage()) {
            QTimer::singleShot(kSettleMs, this, &ScreenshotTaker::settleThenCapture);
            return;
        }
        if (m_subject.isEmpty())
            qWarning("skein: no conversation with several messages to expand; taking the screenshot as it is");
        else
            qWarning("skein: no conversation with several messages whose subject contains \"%s\"; "
                     "taking the screenshot as it is", qPrintable(m_subject));
    }
    QCoreApplication::processEvents();
    expandReplyTree();
    QTimer::singleShot(kSettleMs, this, &ScreenshotTaker::settleThenCapture);
}

// A newsletter or a receipt is a conversation of one message: with a
// subject and no longer conversation matching it, that one is shown.
bool ScreenshotTaker::selectSingleMessage()
{
    QTreeView *view = m_window.panes().list->view();
    QAbstractItemModel *model = view->model();
    if (m_subject.isEmpty() || !model)
        return false;
    const QModelIndexList found =
        model->match(model->index(0, 0), SubjectRole, m_subject, 1, Qt::MatchContains);
    if (found.isEmpty())
        return false;
    view->setCurrentIndex(found.first());
    view->scrollTo(found.first());
    return true;
}

// The expanded conversation stays selected, so the reading pane stacks its
// messages in time order as a user sees them after a click; the list shows
// the whole reply tree, not just its starter.
void ScreenshotTaker::expandReplyTree()
{
    QTreeView *view = m_window.panes().list->view();
    const QModelIndex conversation = view->currentIndex();
    if (conversation.isValid() && view->model())
        view->expandRecursively(conversation);
}

void ScreenshotTaker::settleThenCapture()
{
    if (m_captureScheduled || m_finished)
        return;
    if (m_waitingForBody) {
        m_bodyWait.start(); // bodyFetched or this timer, whichever comes first, captures
        return;
    }
    m_captureScheduled = true;
    QTimer::singleShot(kSettleMs / 2, this, &ScreenshotTaker::capture);
}

void ScreenshotTaker::bodyFetched()
{
    if (!m_waitingForBody)
        return;
    m_waitingForBody = false;
    if (m_bodyWait.isActive()) {
        m_bodyWait.stop();
        QTimer::singleShot(kSettleMs, this, &ScreenshotTaker::settleThenCapture);
    }
}

void ScreenshotTaker::capture()
{
    if (m_finished)
        return;
    m_deadline.stop();
    m_bodyWait.stop();
    QCoreApplication::processEvents();
    const QPixmap shot = m_window.grab();
    const QString dir = QFileInfo(m_path).absolutePath();
    if (shot.isNull()) {
        finish(1, QStringLiteral("grabbing the window gave an empty image"));
        return;
    }
    if (!QDir().mkpath(dir) || !shot.save(m_path, "PNG")) {
        finish(1, QStringLiteral("cannot write %1").arg(m_path));
        return;
    }
    finish(0, QStringLiteral("saved %1 (%2x%3)").arg(m_path).arg(shot.width()).arg(shot.height()));
}

void ScreenshotTaker::finish(int exitCode, const QString &message)
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadline.stop();
    Q_EMIT done(exitCode, message);
}

} // namespace skein::desktop
