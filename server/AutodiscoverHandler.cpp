#include "AutodiscoverHandler.h"

#include "ServerContext.h"

#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace skein::server {

namespace {

const QString kJsonPath = QStringLiteral("/autodiscover/autodiscover.json");
const QString kJsonV1Prefix = QStringLiteral("/autodiscover/autodiscover.json/v1.0/");
const QString kPoxPath = QStringLiteral("/autodiscover/autodiscover.xml");

// [MS-ASCMD] 2.2.3.1 AcceptableResponseSchema and the namespaces of 6.1, 6.2 and 6.4.
const QString kMobileSyncResponseSchema =
    QStringLiteral("http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006");
const QString kAutodiscoverResponseSchema =
    QStringLiteral("http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006");

QString activeSyncUrl(const WebRequest &request)
{
    return request.base + QStringLiteral("/Microsoft-Server-ActiveSync");
}

WebReply jsonError(int status, const QString &code, const QString &message)
{
    return WebReply::json(status, QJsonObject{{QStringLiteral("ErrorCode"), code},
                                              {QStringLiteral("ErrorMessage"), message}});
}

struct PoxRequest {
    bool wellFormed = false;
    QString email;
    QString acceptableSchema;
};

// Reads EMailAddress and AcceptableResponseSchema inside Autodiscover/Request,
// by local name: clients differ in how they declare the namespace.
PoxRequest readPoxRequest(const QByteArray &body)
{
    PoxRequest out;
    QXmlStreamReader xml(body);
    QStringList path;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            path.append(xml.name().toString());
            const QString where = path.join(QLatin1Char('/'));
            if (where == QLatin1String("Autodiscover/Request/EMailAddress"))
                out.email = xml.readElementText().trimmed();
            else if (where == QLatin1String("Autodiscover/Request/AcceptableResponseSchema"))
                out.acceptableSchema = xml.readElementText().trimmed();
            else
                continue;
            path.removeLast(); // readElementText() consumed the end element
        } else if (token == QXmlStreamReader::EndElement) {
            path.removeLast();
        }
    }
    out.wellFormed = !xml.hasError();
    return out;
}

// Response/Error of the Autodiscover response schema ([MS-ASCMD] 2.2.3.63,
// 2.2.3.64): 600 invalid request, 601 no provider for the requested schema.
WebReply poxError(int errorCode, const QString &message)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("Autodiscover"));
    xml.writeDefaultNamespace(kAutodiscoverResponseSchema);
    xml.writeStartElement(QStringLiteral("Response"));
    xml.writeStartElement(QStringLiteral("Error"));
    xml.writeAttribute(QStringLiteral("Time"), QDateTime::currentDateTimeUtc().time().toString(QStringLiteral("HH:mm:ss.zzz")));
    xml.writeAttribute(QStringLiteral("Id"), QStringLiteral("1"));
    xml.writeTextElement(QStringLiteral("ErrorCode"), QString::number(errorCode));
    xml.writeTextElement(QStringLiteral("Message"), message);
    xml.writeEmptyElement(QStringLiteral("DebugData"));
    xml.writeEndDocument();
    return WebReply::xml(200, out);
}

} // namespace

bool AutodiscoverHandler::handles(const QString &path)
{
    return path.compare(kJsonPath, Qt::CaseInsensitive) == 0
        || path.startsWith(kJsonV1Prefix, Qt::CaseInsensitive)
        || path.compare(kPoxPath, Qt::CaseInsensitive) == 0;
}

WebReply AutodiscoverHandler::handle(const WebRequest &request)
{
    const QUrl redirect = m_ctx.faults.autodiscoverRedirect();
    if (!redirect.isEmpty())
        return WebReply::redirect(redirect);
    if (request.path.compare(kPoxPath, Qt::CaseInsensitive) == 0)
        return pox(request);
    return json(request);
}

WebReply AutodiscoverHandler::json(const WebRequest &request)
{
    if (request.method != "GET")
        return WebReply{405, {{"Allow", "GET"}}, {}};
    const QString email = request.path.startsWith(kJsonV1Prefix, Qt::CaseInsensitive)
        ? request.path.mid(kJsonV1Prefix.size())
        : queryValueAnyCase(request.query, QStringLiteral("Email"));
    const QString protocol = queryValueAnyCase(request.query, QStringLiteral("Protocol"));
    if (protocol.compare(QLatin1String("ActiveSync"), Qt::CaseInsensitive) != 0)
        return jsonError(400, QStringLiteral("InvalidProtocol"),
                         QStringLiteral("The given protocol value '%1' is invalid. Supported values are "
                                        "'ActiveSync'.")
                             .arg(protocol));
    if (!m_ctx.store.accounts().userByEmail(email))
        return jsonError(404, QStringLiteral("UserNotFound"),
                         QStringLiteral("The user '%1' was not found.").arg(email));
    return WebReply::json(200, QJsonObject{{QStringLiteral("Protocol"), QStringLiteral("ActiveSync")},
                                           {QStringLiteral("Url"), activeSyncUrl(request)}});
}

WebReply AutodiscoverHandler::pox(const WebRequest &request)
{
    if (request.method != "POST")
        return WebReply{405, {{"Allow", "POST"}}, {}};
    const PoxRequest asked = readPoxRequest(request.body);
    if (!asked.wellFormed || asked.email.isEmpty())
        return poxError(600, QStringLiteral("Invalid Request"));
    if (!asked.acceptableSchema.isEmpty() && asked.acceptableSchema != kMobileSyncResponseSchema)
        return poxError(601, QStringLiteral("Requested schema version not supported"));
    const auto user = m_ctx.store.accounts().userByEmail(asked.email);
    if (!user)
        return poxError(600, QStringLiteral("Invalid Request"));

    const QString url = activeSyncUrl(request);
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("Autodiscover"));
    xml.writeDefaultNamespace(kAutodiscoverResponseSchema);
    xml.writeStartElement(QStringLiteral("Response"));
    xml.writeDefaultNamespace(kMobileSyncResponseSchema);
    xml.writeTextElement(QStringLiteral("Culture"), QStringLiteral("en:us"));
    xml.writeStartElement(QStringLiteral("User"));
    xml.writeTextElement(QStringLiteral("DisplayName"), user->displayName);
    xml.writeTextElement(QStringLiteral("EMailAddress"), user->email);
    xml.writeEndElement(); // User
    xml.writeStartElement(QStringLiteral("Action"));
    xml.writeStartElement(QStringLiteral("Settings"));
    xml.writeStartElement(QStringLiteral("Server"));
    xml.writeTextElement(QStringLiteral("Type"), QStringLiteral("MobileSync"));
    xml.writeTextElement(QStringLiteral("Url"), url);
    xml.writeTextElement(QStringLiteral("Name"), url);
    xml.writeEndDocument();
    return WebReply::xml(200, out);
}

} // namespace skein::server
