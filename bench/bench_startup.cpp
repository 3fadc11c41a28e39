// Start-up to the first painted conversation list: the window made on a
// stored mailbox (no network), as `skein` starts, until the list's viewport
// has painted its first page; against the same for a small mailbox, measured
// in the same run. Make the stores with bench_open_folder's keep-path
// argument:
//   bench_open_folder 200000 big.sqlite && bench_open_folder 1000 small.sqlite
//   bench_startup big.sqlite small.sqlite      (QT_QPA_PLATFORM=offscreen)
#include "ConversationListPane.h"
#include "ConversationView.h"
#include "MainWindow.h"
#include "Store.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QTemporaryDir>

#include <cstdio>

using namespace skein;

namespace {

class FirstPaint : public QObject
{
public:
    bool painted = false;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            painted = true;
        return QObject::eventFilter(watched, event);
    }
};

// Milliseconds from opening the store to the list's first paint (-1: none).
double startUp(const QString &path, int *rows)
{
    QElapsedTimer timer;
    timer.start();
    Store store;
    if (!store.open(path))
        return -1;
    ui::MainWindow window(store);
    FirstPaint paint;
    window.panes().list->view()->viewport()->installEventFilter(&paint);
    window.show();
    while (!paint.painted && timer.elapsed() < 30000)
        QApplication::processEvents(QEventLoop::AllEvents, 5);
    const double ms = timer.nsecsElapsed() / 1e6;
    *rows = window.panes().list->view()->model()->rowCount();
    return paint.painted && *rows > 0 ? ms : -1;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_startup BIG.sqlite SMALL.sqlite\n");
        return 2;
    }
    QTemporaryDir settings; // the window's QSettings: a fresh, empty file
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    QSettings::setDefaultFormat(QSettings::NativeFormat);
    int bigRows = 0, smallRows = 0;
    startUp(QString::fromLocal8Bit(argv[2]), &smallRows); // warms the code and the page cache
    startUp(QString::fromLocal8Bit(argv[1]), &bigRows);
    QList<double> big, small;
    for (int run = 0; run < 5; ++run) {
        small.append(startUp(QString::fromLocal8Bit(argv[2]), &smallRows));
        big.append(startUp(QString::fromLocal8Bit(argv[1]), &bigRows));
    }
    std::sort(big.begin(), big.end());
    std::sort(small.begin(), small.end());
    Store count;
    count.open(QString::fromLocal8Bit(argv[1]));
    int messages = 0;
    for (const Folder &folder : count.folderStore().folders())
        messages += count.messageStore().messageCount(folder.serverId);
    std::printf("start-up to first painted list, %d stored messages: %.1f ms (median of 5, warm; %d rows)\n",
                messages, big[2], bigRows);
    std::printf("baseline, the same for a small mailbox: %.1f ms; ratio %.1fx\n", small[2],
                big[2] / std::max(small[2], 0.001));
    return big[2] > 0 && small[2] > 0 ? 0 : 1;
}
