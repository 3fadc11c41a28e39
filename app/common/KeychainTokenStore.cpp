#include "KeychainTokenStore.h"

#include <qt6keychain/keychain.h>

#include <QThread>

#include <condition_variable>
#include <functional>
#include <mutex>

namespace skein::cli {

namespace {

const QString kKeychainService = QStringLiteral("skein");

// Runs a keychain job to its end on a thread with an event loop (QtKeychain
// reports through signals) while the calling thread waits without one.
void runOnOwnThread(QKeychain::Job *job)
{
    std::mutex mutex;
    std::condition_variable finished;
    bool done = false;
    QThread thread;
    job->setAutoDelete(false);
    job->moveToThread(&thread);
    QObject::connect(job, &QKeychain::Job::finished, job, [&] {
        std::lock_guard lock(mutex);
        done = true;
        finished.notify_one();
    }, Qt::DirectConnection);
    thread.start();
    QMetaObject::invokeMethod(job, [job] { job->start(); }, Qt::QueuedConnection);
    {
        std::unique_lock lock(mutex);
        finished.wait(lock, [&] { return done; });
    }
    // Back to this thread before the event loop it lived in ends.
    QMetaObject::invokeMethod(job, [job, target = QThread::currentThread()] { job->moveToThread(target); },
                              Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
}

} // namespace

KeychainTokenStore::KeychainTokenStore(Profile profile, QString user)
    : m_profile(std::move(profile))
    , m_user(std::move(user))
{
}

QString KeychainTokenStore::loadRefreshToken(QString *error)
{
    QKeychain::ReadPasswordJob job(kKeychainService);
    job.setKey(m_profile.refreshTokenKey(m_user));
    runOnOwnThread(&job);
    if (job.error() == QKeychain::NoError)
        return job.textData();
    if (error)
        *error = QStringLiteral("No sign-in stored in the keychain for %1 (%2).").arg(m_user, job.errorString());
    return {};
}

bool KeychainTokenStore::saveRefreshToken(const QString &refreshToken, QString *error)
{
    QKeychain::WritePasswordJob job(kKeychainService);
    job.setKey(m_profile.refreshTokenKey(m_user));
    job.setTextData(refreshToken);
    runOnOwnThread(&job);
    if (job.error() == QKeychain::NoError)
        return true;
    if (error)
        *error = QStringLiteral("Could not store the sign-in in the keychain: %1").arg(job.errorString());
    return false;
}

} // namespace skein::cli
