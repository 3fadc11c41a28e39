// TokenStore: random tokens, the PKCE S256 transform, user codes, and the
// store rules the identity provider builds on (single-use codes, revocation).
#include <ServerStore.h>
#include <TokenStore.h>

#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace skein::server;

class TestServerTokenStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    ServerStore m_store;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_store.open(m_dir.path(), &error), qPrintable(error));
        QVERIFY(m_store.accounts().ensureUser(QStringLiteral("alice"), QStringLiteral("secret")) != 0);
        QVERIFY(m_store.accounts().ensureUser(QStringLiteral("bob"), QStringLiteral("bob")) != 0);
    }

    void s256MatchesRfc7636AppendixB()
    {
        // The example verifier and challenge of RFC 7636 Appendix B.
        QCOMPARE(TokenStore::s256Challenge(QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")),
                 QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    }

    void randomTokensAreBase64UrlAndDistinct()
    {
        static const QRegularExpression base64url(QStringLiteral("^[A-Za-z0-9_-]+$"));
        QSet<QString> seen;
        for (int i = 0; i < 200; ++i) {
            const QString token = TokenStore::randomToken();
            QCOMPARE(token.size(), 43); // 32 bytes, no padding
            QVERIFY(base64url.match(token).hasMatch());
            seen.insert(token);
        }
        QCOMPARE(seen.size(), 200);
        QCOMPARE(TokenStore::randomToken(48).size(), 64);
    }

    void userCodesAvoidLookAlikes()
    {
        static const QRegularExpression rule(QStringLiteral("^[ACDEFGHJKMNPQRTWXY34679]{9}$"));
        for (int i = 0; i < 200; ++i)
            QVERIFY(rule.match(TokenStore::randomUserCode()).hasMatch());
        QCOMPARE(TokenStore::normalizedUserCode(QStringLiteral(" acde-fghj 3 ")), QStringLiteral("ACDEFGHJ3"));
    }

    void codesAreConsumedOnce()
    {
        TokenStore tokens(m_store);
        const auto alice = m_store.accounts().user(QStringLiteral("alice"));
        AuthorizationCode code{TokenStore::randomToken(), alice->id, QStringLiteral("client"),
                               QStringLiteral("http://127.0.0.1:1/cb"), QStringLiteral("challenge"), QStringLiteral("scope"),
                               1000, false};
        QVERIFY(tokens.addCode(code));
        const auto first = tokens.consumeCode(code.code);
        QVERIFY(first && !first->used);
        QCOMPARE(first->redirectUri, code.redirectUri);
        QCOMPARE(first->codeChallenge, code.codeChallenge);
        const auto second = tokens.consumeCode(code.code);
        QVERIFY(second && second->used);
        QVERIFY(!tokens.consumeCode(QStringLiteral("unknown")));
    }

    void revokingAUserLeavesOthersAlone()
    {
        TokenStore tokens(m_store);
        const qint64 alice = m_store.accounts().user(QStringLiteral("alice"))->id;
        const qint64 bob = m_store.accounts().user(QStringLiteral("bob"))->id;
        const auto issue = [&](qint64 user, IssuedToken::Kind kind) {
            IssuedToken t{TokenStore::randomToken(), kind, user, QStringLiteral("client"), QStringLiteral("scope"), 1, 0, false};
            return tokens.addToken(t) ? t.token : QString();
        };
        const QString aliceAccess = issue(alice, IssuedToken::Kind::Access);
        const QString aliceRefresh = issue(alice, IssuedToken::Kind::Refresh);
        const QString bobAccess = issue(bob, IssuedToken::Kind::Access);
        // A token is only found as the kind it was issued as.
        QVERIFY(!tokens.token(aliceAccess, IssuedToken::Kind::Refresh));
        QCOMPARE(tokens.revokeUser(alice), 2);
        QVERIFY(tokens.token(aliceAccess, IssuedToken::Kind::Access)->revoked);
        QVERIFY(tokens.token(aliceRefresh, IssuedToken::Kind::Refresh)->revoked);
        QVERIFY(!tokens.token(bobAccess, IssuedToken::Kind::Access)->revoked);
        QCOMPARE(tokens.revokeUser(alice), 0);
    }

    void expiry()
    {
        IssuedToken t;
        t.expiresMs = 1000;
        QVERIFY(!t.expiredAt(999));
        QVERIFY(t.expiredAt(1000));
        t.expiresMs = 0; // refresh tokens
        QVERIFY(!t.expiredAt(std::numeric_limits<qint64>::max()));
    }

    void deviceCodesByUserCode()
    {
        TokenStore tokens(m_store);
        DeviceAuthorization d;
        d.deviceCode = TokenStore::randomToken();
        d.userCode = QStringLiteral("ACDEFGHJK");
        d.clientId = QStringLiteral("client");
        d.expiresMs = 5000;
        QVERIFY(tokens.addDeviceAuthorization(d));
        const auto found = tokens.deviceByUserCode(QStringLiteral("acde-fghjk"));
        QVERIFY(found);
        QCOMPARE(found->deviceCode, d.deviceCode);
        QCOMPARE(found->state, DeviceAuthorization::State::Pending);
        const qint64 bob = m_store.accounts().user(QStringLiteral("bob"))->id;
        QVERIFY(tokens.setDeviceState(d.deviceCode, DeviceAuthorization::State::Approved, bob));
        QVERIFY(tokens.setDevicePolled(d.deviceCode, 1234));
        const auto approved = tokens.deviceByDeviceCode(d.deviceCode);
        QCOMPARE(approved->state, DeviceAuthorization::State::Approved);
        QCOMPARE(approved->userId, bob);
        QCOMPARE(approved->lastPollMs, 1234);
        // Revoking the approver turns an unredeemed approval into a refusal.
        tokens.revokeUser(bob);
        QCOMPARE(tokens.deviceByDeviceCode(d.deviceCode)->state, DeviceAuthorization::State::Denied);
        QVERIFY(!tokens.deviceByUserCode(QStringLiteral("----")));
    }
};

QTEST_GUILESS_MAIN(TestServerTokenStore)
#include "tst_server_tokenstore.moc"
