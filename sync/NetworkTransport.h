#pragma once

#include "Transport.h"

#include <QNetworkAccessManager>

namespace skein::eas {

// QNetworkAccessManager behind the Transport interface. Must be created and
// used on the sync thread; it waits in a local event loop on that thread.
class NetworkTransport final : public Transport
{
public:
    NetworkTransport();
    HttpResponse send(const HttpRequest &request) override;

private:
    QNetworkAccessManager m_manager;
};

} // namespace skein::eas
