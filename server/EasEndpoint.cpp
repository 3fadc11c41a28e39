#include "EasEndpoint.h"

#include "EasAuthenticator.h"

#include <WbxmlCodec.h>

#include <QRegularExpression>

namespace skein::server {

namespace {

// A 0x00 byte only arrives in OPAQUE data. The elements the tag table lets
// carry OPAQUE (ConversationId, Mime, ...) are bytes and may hold it; every
// other value is text, which cannot: U+0000 is no XML character and STR_I
// ends at it, so an answer echoing the value (a ServerId, a SyncKey, ...)
// could not be encoded. The encoder is the judge of which is which. Unknown
// elements are never read, so never echoed.
const wbxml::Element *nulInText(const wbxml::Element &e)
{
    if (e.isKnown() && e.data().contains('\0')) {
        wbxml::Element alone(e.tag());
        alone.setOpaque(e.data());
        if (!wbxml::encode(alone).ok())
            return &e;
    }
    for (const wbxml::Element &child : e.children())
        if (const wbxml::Element *found = nulInText(child))
            return found;
    return nullptr;
}

bool nulInQuery(const QHash<QString, QString> &query)
{
    for (const QString &value : query)
        if (value.contains(QChar(0)))
            return true;
    return false;
}

} // namespace

const QList<QByteArray> &EasEndpoint::supportedVersions()
{
    static const QList<QByteArray> versions{"12.1", "14.0", "14.1", "16.0", "16.1"};
    return versions;
}

QByteArray EasEndpoint::supportedCommands()
{
    return "Sync,SendMail,SmartForward,SmartReply,FolderSync,GetItemEstimate,ItemOperations,MoveItems,Ping,"
           "Provision,Search,Settings";
}

HttpReply EasEndpoint::handleOptions(const QByteArray &authorization)
{
    // Clients learn the accepted schemes from this 401 (docs/signin.md).
    if (const auto auth = EasAuthenticator(m_ctx, m_base).authenticateOptions(authorization); !auth.user)
        return HttpReply{401, auth.challenges, {}};
    return HttpReply{200,
                     {{"Allow", "OPTIONS,POST"},
                      {"Public", "OPTIONS,POST"},
                      {"MS-ASProtocolVersions", supportedVersions().join(',')},
                      {"MS-ASProtocolCommands", supportedCommands()}},
                     {}};
}

HttpReply EasEndpoint::handlePost(const EasPost &post)
{
    // Basic and/or Bearer, as --auth says. The User query parameter is not
    // read: the credentials name the user.
    const EasAuthenticator::Outcome auth = EasAuthenticator(m_ctx, m_base).authenticate(post.authorization);
    if (!auth.user)
        return HttpReply{401, auth.challenges, {}};
    const auto &user = auth.user;

    const QUrlQuery &query = post.query;
    EasRequest eas;
    eas.user = *user;
    eas.command = query.queryItemValue(QStringLiteral("Cmd"));
    eas.deviceId = query.queryItemValue(QStringLiteral("DeviceId"));
    eas.deviceType = query.queryItemValue(QStringLiteral("DeviceType"));
    eas.acceptMultiPart = post.acceptMultiPart;
    static const QRegularExpression deviceIdRule(QStringLiteral("^[A-Za-z0-9]{1,32}$"));
    if (eas.command.isEmpty() || !deviceIdRule.match(eas.deviceId).hasMatch() || eas.deviceType.isEmpty())
        return HttpReply{400, {}, "missing or invalid Cmd, DeviceId or DeviceType\n"};

    const QByteArray version = post.protocolVersion.trimmed();
    if (!supportedVersions().contains(version))
        return HttpReply{400, {{"MS-ASProtocolVersions", supportedVersions().join(',')}}, "unsupported MS-ASProtocolVersion\n"};
    eas.version = qRound(version.toDouble() * 10);

    const QByteArray &body = post.body;
    // RequestSizeGuard refuses larger bodies before QHttpServer reads them;
    // this only catches a head the two read differently.
    if (body.size() > m_ctx.maxRequestBytes)
        return HttpReply{413, {}, "request body over the limit\n"};
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
        eas.query.insert(key, value);
    // 12.x SendMail & co. post the message itself, not WBXML.
    eas.isRawMime = CommandDispatcher::isComposeCommand(eas.command)
        && (post.contentType.trimmed().toLower().startsWith("message/rfc822") || eas.version < 140);
    if (eas.isRawMime) {
        eas.rawMime = body;
    } else if (!body.isEmpty()) {
        wbxml::DecodeResult decodedBody = wbxml::decode(body);
        if (!decodedBody.ok())
            return HttpReply{400, {}, "malformed WBXML: " + decodedBody.error.toUtf8() + '\n'};
        eas.body = std::move(decodedBody.root);
    }
    // Refused before any command runs, so no command applies part of the
    // request and then fails to encode its answer (a bare 500). HTTP 400 at
    // every version, like undecodable WBXML, rather than 14.0+'s common
    // status 103 InvalidXML: docs/protocol.md.
    if (nulInQuery(eas.query))
        return HttpReply{400, {}, "a query value holds a 0x00 byte\n"};
    if (const wbxml::Element *bad = eas.body ? nulInText(*eas.body) : nullptr)
        return HttpReply{400, {}, QStringLiteral("the text of element page %1 token 0x%2 holds a 0x00 byte\n")
                                   .arg(bad->tag().page)
                                   .arg(bad->tag().token, 2, 16, QLatin1Char('0'))
                                   .toUtf8()};

    if (auto refused = m_commands.provisioningGate(eas, QString::fromLatin1(post.policyKey)))
        return *refused;
    return m_commands.dispatch(eas);
}

} // namespace skein::server
