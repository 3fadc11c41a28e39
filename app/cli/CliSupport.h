#pragma once

// Helpers shared by the skein-cli commands (CliCommands.cpp, ActionCommands.cpp).

#include "CliCommands.h"
#include "Store.h"
#include "SyncEngine.h"

#include <QEventLoop>
#include <QTextStream>

#include <memory>
#include <optional>

namespace skein::cli {

QTextStream &out();
// Prints "skein-cli: reason" on stderr and returns code.
int fail(int code, const QString &reason);
int exitCodeFor(eas::ErrorKind kind);
// Why an engine request failed: when a request went unanswered for the
// whole --timeout, that one sentence; else `message`.
QString failureReason(const QString &message);
// fail() for an engine request: the report's reason and exit code, or
// Unreachable with the --timeout sentence.
int failRequest(int code, const QString &message);

// Runs one engine request on the sync thread and waits here for its signal.
// Connect any result-capturing slot before calling this: queued slots run in
// connection order and the loop stops after this one.
template<typename Signal, typename Start>
void runEngine(eas::SyncEngine &engine, Signal signal, Start start)
{
    QEventLoop loop;
    QObject::connect(&engine, signal, &loop, [&loop] { loop.quit(); });
    start();
    loop.exec();
}

struct OpenedStore {
    Store store;
    AccountSettings account;
};

// Opens the profile's store for reading; nullptr with the reason printed.
std::unique_ptr<OpenedStore> openProfile(const Profile &profile, int *code);
// How the engine signs in: a password (Basic), or the keychain's refresh
// token (OAuth; never the profile).
struct Credentials {
    QString password;
    std::shared_ptr<eas::TokenStore> tokens;
    eas::OAuthTokens initialTokens; // the sign-in's own access token, if one was just had
};

// The transport skein-cli's requests go through (notes --timeout expiries).
std::unique_ptr<eas::Transport> makeTransport();
// An engine for the profile whose requests wait at most --timeout for an answer.
std::unique_ptr<eas::SyncEngine> makeEngine(const Invocation &in, const Credentials &credentials);
void printFolderReport(const eas::FolderReport &folder);
std::optional<Folder> resolveFolder(const Store &store, const QString &name, int *code);
// The account's credentials: for Basic the password (environment, keychain
// or prompt), for OAuth the keychain's token store. nullopt with the reason printed.
std::optional<Credentials> credentialsFor(const Invocation &in, const OpenedStore &opened, int *code);

} // namespace skein::cli
