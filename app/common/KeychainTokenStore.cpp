#include "KeychainTokenStore.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QThread>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>

namespace skein::cli {

namespace {

const QString kKeychainService = QStringLiteral("skein");

constexpr std::chrono::seconds kHandOverTimeout{60};

struct JobOutcome {
    QKeychain::Error error = QKeychain::OtherError;
    QString errorString;
    QString text;
};

// Runs a keychain job to its end. QtKeychain's backends (D-Bus, libsecret)
// answer through the application thread's event loop, so the job always
// runs there: on that thread itself with a local loop (as obtainPassword
// does), from any other thread (the engine's) by handing it over and
// waiting on a condition variable, which runs no events on the caller's
// thread. The application thread must then be running its event loop, as
// it is while an engine works (skein-cli's runEngine, the desktop app).
JobOutcome runJob(const std::function<QKeychain::Job *()> &make)
{
    JobOutcome outcome;
    QCoreApplication *app = QCoreApplication::instance();
    if (!app || QThread::currentThread() == app->thread()) {
        std::unique_ptr<QKeychain::Job> job(make());
        job->setAutoDelete(false);
        QEventLoop loop;
        QObject::connect(job.get(), &QKeychain::Job::finished, &loop, [&] {
            outcome.error = job->error();
            outcome.errorString = job->errorString();
            if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job.get()))
                outcome.text = read->textData();
            loop.quit();
        });
        job->start();
        loop.exec();
        return outcome;
    }
    // Shared with the job, which may outlive this wait: an application
    // thread that is shutting down (and waits for this thread) never runs
    // the job, and this thread gives up after kHandOverTimeout.
    struct HandOver {
        std::mutex mutex;
        std::condition_variable finished;
        bool done = false;
        JobOutcome outcome;
    };
    auto handOver = std::make_shared<HandOver>();
    QMetaObject::invokeMethod(app, [handOver, make] {
        QKeychain::Job *job = make();
        job->setAutoDelete(true); // it deletes itself after finished()
        QObject::connect(job, &QKeychain::Job::finished, job, [handOver, job] {
            std::lock_guard lock(handOver->mutex);
            handOver->outcome.error = job->error();
            handOver->outcome.errorString = job->errorString();
            if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job))
                handOver->outcome.text = read->textData();
            handOver->done = true;
            handOver->finished.notify_one();
        });
        job->start();
    }, Qt::QueuedConnection);
    std::unique_lock lock(handOver->mutex);
    if (!handOver->finished.wait_for(lock, kHandOverTimeout, [&] { return handOver->done; })) {
        outcome.errorString = QStringLiteral("the keychain did not answer");
        return outcome;
    }
    return handOver->outcome;
}

} // namespace

KeychainTokenStore::KeychainTokenStore(Profile profile, QString user)
    : m_profile(std::move(profile))
    , m_user(std::move(user))
{
}

QString KeychainTokenStore::loadRefreshToken(QString *error)
{
    const QString key = m_profile.refreshTokenKey(m_user);
    const JobOutcome outcome = runJob([key] {
        auto *job = new QKeychain::ReadPasswordJob(kKeychainService);
        job->setKey(key);
        return job;
    });
    if (outcome.error == QKeychain::NoError)
        return outcome.text;
    if (error)
        *error = QStringLiteral("No sign-in stored in the keychain for %1 (%2).").arg(m_user, outcome.errorString);
    return {};
}

bool KeychainTokenStore::saveRefreshToken(const QString &refreshToken, QString *error)
{
    const QString key = m_profile.refreshTokenKey(m_user);
    const JobOutcome outcome = runJob([key, refreshToken] {
        auto *job = new QKeychain::WritePasswordJob(kKeychainService);
        job->setKey(key);
        job->setTextData(refreshToken);
        return job;
    });
    if (outcome.error == QKeychain::NoError)
        return true;
    if (error)
        *error = QStringLiteral("Could not store the sign-in in the keychain: %1").arg(outcome.errorString);
    return false;
}

} // namespace skein::cli
