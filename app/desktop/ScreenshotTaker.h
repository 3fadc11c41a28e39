#pragma once

#include <QObject>
#include <QTimer>

namespace skein::ui {
class MainWindow;
}

namespace skein::desktop {

// --screenshot: once the first sync is in, shows the conversation view the
// way a reader would see it (a multi-message conversation expanded, its first
// message in the reading pane) and saves the window as a PNG.
class ScreenshotTaker : public QObject
{
    Q_OBJECT
public:
    static constexpr int kWidth = 1400;
    static constexpr int kHeight = 900;

    // subject: expand the first multi-message conversation whose subject contains it (without
    // one, show the first single message whose subject does); empty: the first.
    // folder: the display name of the folder to show first (its conversations, or the page of
    // the Outbox or Drafts); with one, a failed first sync is pictured too, banner and all.
    ScreenshotTaker(ui::MainWindow &window, QString path, QString subject = {}, QString folder = {},
                    QObject *parent = nullptr);

    void syncFinished(bool ok, const QString &message);
    void bodyFetched();

Q_SIGNALS:
    void done(int exitCode, const QString &message);

private:
    void prepareView();
    bool selectFolder();
    bool selectSingleMessage();
    void expandReplyTree();
    void settleThenCapture();
    void capture();
    void finish(int exitCode, const QString &message);

    ui::MainWindow &m_window;
    QString m_path;
    QString m_subject;
    QString m_folder;
    QTimer m_deadline;
    QTimer m_bodyWait;
    bool m_started = false;
    bool m_finished = false;
    bool m_waitingForBody = false;
    bool m_captureScheduled = false;
};

} // namespace skein::desktop
