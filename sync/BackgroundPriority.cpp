#include "BackgroundPriority.h"

#include <QtGlobal>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace skein::eas {

namespace {
// Nice 5: about a third of the GUI thread's weight under Linux's scheduler.
constexpr int kBackgroundNice = 5;
} // namespace

void yieldCpuToTheWindow()
{
#ifdef Q_OS_LINUX
    // On Linux a thread has its own nice value; QThread::setPriority cannot
    // lower a normal thread's (SCHED_OTHER has a single static priority).
    const int current = getpriority(PRIO_PROCESS, gettid());
    if (current < kBackgroundNice)
        setpriority(PRIO_PROCESS, gettid(), kBackgroundNice);
#endif
}

} // namespace skein::eas
