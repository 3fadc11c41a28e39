#pragma once

#include "Transport.h"
#include "WbxmlCodec.h"

#include <QList>
#include <functional>

// A scripted server: answers requests from a queue (or a handler) and keeps
// every request so tests can check what the client sent.
class FakeTransport final : public skein::eas::Transport
{
public:
    using Handler = std::function<skein::eas::HttpResponse(const skein::eas::HttpRequest &)>;

    skein::eas::HttpResponse send(const skein::eas::HttpRequest &request) override
    {
        requests.append(request);
        if (!queue.isEmpty())
            return queue.takeFirst();
        if (handler)
            return handler(request);
        return status(500);
    }

    static skein::eas::HttpResponse status(int http, QList<QPair<QByteArray, QByteArray>> headers = {})
    {
        skein::eas::HttpResponse r;
        r.status = http;
        r.headers = std::move(headers);
        return r;
    }

    static skein::eas::HttpResponse wbxml(const skein::wbxml::Element &root)
    {
        skein::eas::HttpResponse r = status(200);
        r.body = skein::wbxml::encode(root).bytes;
        return r;
    }

    static skein::eas::HttpResponse options(const QByteArray &versions = "12.1,14.0,14.1,16.0,16.1")
    {
        return status(200, {{"MS-ASProtocolVersions", versions}, {"MS-ASProtocolCommands", "Sync,FolderSync,Provision"}});
    }

    QByteArray command(int i) const
    {
        const QString query = requests.at(i).url.query();
        const QString cmd = query.section(QStringLiteral("Cmd="), 1).section(QLatin1Char('&'), 0, 0);
        return requests.at(i).method == "OPTIONS" ? QByteArray("OPTIONS") : cmd.toLatin1();
    }

    QByteArray header(int i, const QByteArray &name) const
    {
        for (const auto &[key, value] : requests.at(i).headers)
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        return {};
    }

    skein::wbxml::Element body(int i) const
    {
        return skein::wbxml::decode(requests.at(i).body).root.value_or(skein::wbxml::Element{});
    }

    QList<skein::eas::HttpResponse> queue;
    Handler handler;
    QList<skein::eas::HttpRequest> requests;
};
