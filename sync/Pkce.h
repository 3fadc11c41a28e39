#pragma once

#include <QByteArray>

namespace skein::eas {

// Proof Key for Code Exchange (RFC 7636) with the S256 method: the verifier
// stays in memory, the challenge goes into the authorization URL, and only
// the holder of the verifier can redeem the code the browser brings back.
struct Pkce {
    QByteArray verifier;   // 43 characters of [A-Za-z0-9-._~] (32 random bytes, base64url)
    QByteArray challenge;  // BASE64URL(SHA256(verifier)), no padding

    static Pkce generate();
    static QByteArray challengeFor(const QByteArray &verifier);
};

// 32 random bytes from the system's generator, base64url without padding:
// for PKCE verifiers and the `state` of an authorization request.
QByteArray randomUrlSafeToken();

} // namespace skein::eas
