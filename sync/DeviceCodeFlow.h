#pragma once

#include "OAuthClient.h"

#include <functional>

namespace skein::eas {

// The device authorization grant (RFC 8628) for skein-cli and machines
// without a browser: ask for a code, show the user where to enter it, poll
// the token endpoint at the server's interval until the user approved,
// declined, or the code expired. Blocks the calling thread throughout.
class DeviceCodeFlow
{
public:
    struct Outcome {
        TokenAnswer answer;       // ok() on success
        ErrorKind error = ErrorKind::None;
        QString message;          // a sentence for the user when error != None
        bool ok() const { return error == ErrorKind::None; }
    };

    explicit DeviceCodeFlow(OAuthClient &client);

    // Waits between polls; tests replace it to stay fast (and to see the intervals).
    void setSleeper(std::function<void(int seconds)> sleeper) { m_sleep = std::move(sleeper); }
    // Called once with the instructions to show ("To sign in, open ... and enter the code ...").
    void setPrompt(std::function<void(const DeviceCodeGrant &)> prompt) { m_prompt = std::move(prompt); }
    // Asked before every poll; true ends the flow (the user gave up).
    void setCancelCheck(std::function<bool()> cancelled) { m_cancelled = std::move(cancelled); }

    Outcome run(const QString &accountName);

private:
    OAuthClient &m_client;
    std::function<void(int)> m_sleep;
    std::function<void(const DeviceCodeGrant &)> m_prompt;
    std::function<bool()> m_cancelled = [] { return false; };
};

} // namespace skein::eas
