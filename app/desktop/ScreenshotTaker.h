#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

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

    // subject: expand the first multi-message conversation whose subject contains it; empty: the first.
    ScreenshotTaker(ui::MainWindow &window, QString path, QString subject = {}, QObject *parent = nullptr);

    // --select-folder: after the first sync, show the folder folderId() names
    // (empty: none of that name) instead of expanding a conversation.
    void showFolder(std::function<QString()> folderId) { m_folderId = std::move(folderId); }

    void syncFinished(bool ok, const QString &message);
    void bodyFetched();

Q_SIGNALS:
    void done(int exitCode, const QString &message);

private:
    void prepareView();
    void selectFirstMessage();
    void settleThenCapture();
    void capture();
    void finish(int exitCode, const QString &message);

    ui::MainWindow &m_window;
    QString m_path;
    QString m_subject;
    std::function<QString()> m_folderId;
    QTimer m_deadline;
    QTimer m_bodyWait;
    bool m_started = false;
    bool m_finished = false;
    bool m_waitingForBody = false;
    bool m_captureScheduled = false;
};

} // namespace skein::desktop
