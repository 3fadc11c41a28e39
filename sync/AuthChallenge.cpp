#include "AuthChallenge.h"

#include <cctype>
#include <cstring>

namespace skein::eas {

namespace {

// RFC 7230 3.2.6 tchar.
bool isTokenChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken68Char(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || QByteArrayView("-._~+/").contains(c);
}

class ChallengeReader
{
public:
    explicit ChallengeReader(const QByteArray &text) : m_text(text) {}

    void readInto(QList<AuthChallenge> &out)
    {
        AuthChallenge *current = nullptr;
        while (true) {
            skip(" \t,\r\n");
            if (atEnd())
                return;
            const qsizetype start = m_pos;
            const QByteArray token = readWhile(isTokenChar);
            if (token.isEmpty()) {
                ++m_pos; // a stray character: step over it
                continue;
            }
            skip(" \t");
            const bool followedByEquals = !atEnd() && peek() == '=';
            if (current && followedByEquals && !looksLikeToken68Tail()) {
                ++m_pos; // '='
                skip(" \t");
                current->params.insert(QString::fromLatin1(token).toLower(), readValue());
                continue;
            }
            // A new challenge: its scheme, then maybe a token68.
            m_pos = start + token.size();
            out.append(AuthChallenge{QString::fromLatin1(token), {}, {}});
            current = &out.last();
            skip(" \t");
            if (isToken68At(m_pos)) {
                current->token68 = QString::fromLatin1(readWhile(isToken68Char));
                while (!atEnd() && peek() == '=')
                    current->token68 += QLatin1Char(m_text.at(m_pos++));
            }
        }
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return m_text.at(m_pos); }

    void skip(const char *chars)
    {
        while (!atEnd() && std::strchr(chars, peek()))
            ++m_pos;
    }

    QByteArray readWhile(bool (*accept)(char))
    {
        const qsizetype start = m_pos;
        while (!atEnd() && accept(peek()))
            ++m_pos;
        return m_text.mid(start, m_pos - start);
    }

    // At m_pos (just after "name", on '='): "name==" or "name=" followed by
    // a comma or the end is a token68, not a parameter.
    bool looksLikeToken68Tail() const
    {
        qsizetype p = m_pos;
        int equals = 0;
        while (p < m_text.size() && m_text.at(p) == '=') {
            ++p;
            ++equals;
        }
        while (p < m_text.size() && (m_text.at(p) == ' ' || m_text.at(p) == '\t'))
            ++p;
        return equals > 1 || p >= m_text.size() || m_text.at(p) == ',';
    }

    // After a scheme: a token68 is a run of token68 characters and '='
    // padding followed by a comma or the end, and not "name=value".
    bool isToken68At(qsizetype pos) const
    {
        qsizetype p = pos;
        while (p < m_text.size() && isToken68Char(m_text.at(p)))
            ++p;
        if (p == pos)
            return false;
        qsizetype q = p;
        while (q < m_text.size() && m_text.at(q) == '=')
            ++q;
        while (q < m_text.size() && (m_text.at(q) == ' ' || m_text.at(q) == '\t'))
            ++q;
        // Padding then a comma or the end; "name=value" is a parameter.
        return q >= m_text.size() || m_text.at(q) == ',';
    }

    QString readValue()
    {
        if (!atEnd() && peek() == '"') {
            ++m_pos;
            QByteArray value;
            while (!atEnd() && peek() != '"') {
                if (peek() == '\\' && m_pos + 1 < m_text.size())
                    ++m_pos;
                value += m_text.at(m_pos++);
            }
            if (!atEnd())
                ++m_pos; // closing quote
            return QString::fromUtf8(value);
        }
        return QString::fromLatin1(readWhile(isTokenChar));
    }

    const QByteArray &m_text;
    qsizetype m_pos = 0;
};

} // namespace

QList<AuthChallenge> parseAuthChallenges(const QList<QByteArray> &headerValues)
{
    QList<AuthChallenge> challenges;
    for (const QByteArray &value : headerValues)
        ChallengeReader(value).readInto(challenges);
    return challenges;
}

QList<AuthChallenge> authChallenges(const HttpResponse &response)
{
    QList<QByteArray> values;
    for (const auto &[name, value] : response.headers)
        if (name.compare("WWW-Authenticate", Qt::CaseInsensitive) == 0)
            values.append(value);
    return parseAuthChallenges(values);
}

std::optional<AuthChallenge> findChallenge(const QList<AuthChallenge> &challenges, const char *scheme)
{
    for (const AuthChallenge &challenge : challenges)
        if (challenge.scheme.compare(QLatin1String(scheme), Qt::CaseInsensitive) == 0)
            return challenge;
    return std::nullopt;
}

QString authorityFromAuthorizationUri(const QString &uri, QString *tenant)
{
    const qsizetype oauth = uri.indexOf(QLatin1String("/oauth2/"));
    if (oauth <= 0)
        return {};
    const qsizetype slash = uri.lastIndexOf(QLatin1Char('/'), oauth - 1);
    const qsizetype schemeEnd = uri.indexOf(QLatin1String("://"));
    if (slash < 0 || schemeEnd < 0 || slash <= schemeEnd + 2)
        return {};
    if (tenant)
        *tenant = uri.mid(slash + 1, oauth - slash - 1);
    return uri.left(slash);
}

} // namespace skein::eas
