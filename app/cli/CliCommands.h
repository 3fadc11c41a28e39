#pragma once

#include "Profile.h"

#include <QCommandLineParser>
#include <QStringList>

namespace skein::cli {

// Exit codes (the README's table): the one-line reason on stderr says more.
enum Exit : int { Ok = 0, Usage = 64, Failed = 1, AuthFailed = 2, Unreachable = 3, NotFound = 4 };

constexpr int kDefaultTimeoutSeconds = 120;
constexpr int kMaxTimeoutSeconds = 86400;

struct Invocation {
    Profile profile;
    QStringList words;          // positional words after the options, e.g. {"account","add"}
    const QCommandLineParser &options;
    int timeoutSeconds = kDefaultTimeoutSeconds; // --timeout: how long one request may go unanswered
};

int accountAdd(const Invocation &in);
int sync(const Invocation &in);
int folders(const Invocation &in);
int conversations(const Invocation &in);
int show(const Invocation &in);
int estimate(const Invocation &in);
int act(const Invocation &in);   // ActionCommands.cpp
int find(const Invocation &in);  // ActionCommands.cpp
int send(const Invocation &in);    // ComposeCommands.cpp
int reply(const Invocation &in);   // ComposeCommands.cpp (also reply --all)
int forward(const Invocation &in); // ComposeCommands.cpp
int outbox(const Invocation &in);  // ComposeCommands.cpp
int drafts(const Invocation &in);  // DraftCommands.cpp
int accounts(const Invocation &in); // AccountsCommand.cpp
int search(const Invocation &in);   // SearchCommand.cpp

// --filter DAYS of estimate -> FilterType: 0 all, <=1 -> 1, <=3 -> 2, <=7 -> 3,
// <=14 -> 4, else 5 (one month, the most EAS allows for mail).
int filterTypeForDays(int days);

} // namespace skein::cli
