#pragma once

#include "ErrorKind.h"

#include <QString>

namespace skein::eas {

// Hands EasSession the bearer token of an OAuth account (OAuthTokenProvider).
class AccessTokenSource
{
public:
    struct Grant {
        QString accessToken;
        ErrorKind error = ErrorKind::None;
        QString message;   // a sentence for the user when error != None
        bool ok() const { return error == ErrorKind::None; }
    };

    virtual ~AccessTokenSource() = default;
    // A token good for the next request: the one in memory while it has
    // more than the refresh margin left, else a refreshed one. renew forces
    // a refresh (the server refused the current token with a Bearer challenge).
    virtual Grant accessToken(bool renew) = 0;
};

} // namespace skein::eas
