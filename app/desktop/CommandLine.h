#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace skein::desktop {

// What `skein [--profile DIR] [--demo [--demo-messages N] | --demo-oauth] [--screenshot FILE [--select-folder NAME]
// [--select-subject TEXT]]` asked for.
struct DesktopOptions {
    QString profileDir;     // empty: the default profile (shared with skein-cli)
    bool demo = false;      // skein-server (a child process) with the demo mailbox
    QString screenshotPath; // save the window after the first sync, then quit
    QString selectSubject;  // --screenshot expands the first multi-message conversation whose
                            // subject contains this (case-insensitive); empty: the first one
    bool demoOAuth = false; // with demo: the server accepts only "Sign in with Microsoft",
                            // and the account dialog walks through it (docs/signin.md)
    QString selectFolder;   // --screenshot shows the folder of this name (e.g. "Outbox") first,
                            // and is taken even if the first sync fails (an offline state)
    int demoMessages = 0;   // with demo: that many generated messages added to the Inbox
};

struct ParsedCommandLine {
    std::optional<DesktopOptions> options; // empty: exit with `exitCode` after printing `text`
    QString text;
    int exitCode = 0;
};

// Parses arguments (argv[0] included). --help and --version come back as
// text to print with exit code 0; mistakes as text with exit code 2.
ParsedCommandLine parseCommandLine(const QStringList &arguments);

} // namespace skein::desktop
