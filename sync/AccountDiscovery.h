#pragma once

#include "Autodiscover.h"

#include <QObject>

#include <functional>
#include <memory>

namespace skein::eas {

// Autodiscover for the desktop app: call discover() on the GUI thread; the
// requests run on a worker thread and the answer comes back as a signal on
// the caller's thread. A discover() while another runs supersedes it (only
// the latest address is answered).
class AccountDiscovery : public QObject
{
    Q_OBJECT
public:
    using TransportFactory = std::function<std::unique_ptr<Transport>()>;

    explicit AccountDiscovery(QObject *parent = nullptr);
    ~AccountDiscovery() override;

    // Made on the worker thread; NetworkTransport when not set.
    void setTransportFactory(TransportFactory factory) { m_transportFactory = std::move(factory); }
    // Where to look (tests, or the testers' override); the public list, or
    // SKEIN_AUTODISCOVER_URL's, when not set.
    void setCandidates(std::function<QList<AutodiscoverCandidate>(const QString &)> candidates)
    {
        m_candidates = std::move(candidates);
    }
    void setSrvLookup(Autodiscover::SrvLookup lookup) { m_srvLookup = std::move(lookup); }

public Q_SLOTS:
    void discover(const QString &email);

Q_SIGNALS:
    // account.url + account.endpointPath is the EAS endpoint; account.methods
    // lists "basic" and/or "oauth"; account.authority is set for OAuth.
    void discovered(const skein::eas::DiscoveredAccount &account);
    void failed(const QString &message);

private:
    void finish(int generation, const AutodiscoverResult &result);

    TransportFactory m_transportFactory;
    std::function<QList<AutodiscoverCandidate>(const QString &)> m_candidates;
    Autodiscover::SrvLookup m_srvLookup;
    int m_generation = 0;
    QList<QThread *> m_threads;
};

} // namespace skein::eas

Q_DECLARE_METATYPE(skein::eas::DiscoveredAccount)
