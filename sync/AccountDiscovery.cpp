#include "AccountDiscovery.h"

#include "NetworkTransport.h"

#include <QThread>

namespace skein::eas {

AccountDiscovery::AccountDiscovery(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<skein::eas::DiscoveredAccount>();
}

AccountDiscovery::~AccountDiscovery()
{
    // A discovery still running ends on its own (its answer is then dropped);
    // waiting here keeps its thread from outliving the process's objects.
    for (QThread *thread : std::as_const(m_threads)) {
        thread->wait();
        delete thread;
    }
}

void AccountDiscovery::discover(const QString &email)
{
    const int generation = ++m_generation;
    const TransportFactory factory = m_transportFactory;
    const auto candidates = m_candidates;
    const auto srvLookup = m_srvLookup;
    QThread *thread = QThread::create([this, email, generation, factory, candidates, srvLookup] {
        std::unique_ptr<Transport> transport = factory ? factory() : std::make_unique<NetworkTransport>();
        Autodiscover autodiscover(*transport);
        if (candidates)
            autodiscover.setCandidates(candidates);
        if (srvLookup)
            autodiscover.setSrvLookup(srvLookup);
        const AutodiscoverResult result = autodiscover.discover(email);
        QMetaObject::invokeMethod(this, [this, generation, result] { finish(generation, result); }, Qt::QueuedConnection);
    });
    thread->setObjectName(QStringLiteral("skein-autodiscover"));
    // Finished threads are reaped at the next discover(); the rest in the destructor.
    for (qsizetype i = m_threads.size() - 1; i >= 0; --i) {
        if (m_threads.at(i)->isFinished())
            delete m_threads.takeAt(i);
    }
    m_threads.append(thread);
    thread->start();
}

void AccountDiscovery::finish(int generation, const AutodiscoverResult &result)
{
    if (generation != m_generation)
        return; // superseded by a later discover()
    if (result.ok())
        Q_EMIT discovered(result.account);
    else
        Q_EMIT failed(result.error);
}

} // namespace skein::eas
