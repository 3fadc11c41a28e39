#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace skein::desktop {

// What `skein [--profile DIR] [--demo | --demo-oauth] [--screenshot FILE [--select-subject TEXT | --select-folder NAME]]` asked for.
struct DesktopOptions {
    QString profileDir;     // empty: the default profile (shared with skein-cli)
    bool demo = false;      // in-process reference server with the demo mailbox
    QString screenshotPath; // save the window after the first sync, then quit
    QString selectSubject;  // --screenshot expands the first multi-message conversation whose
                            // subject contains this (case-insensitive); empty: the first one
    bool demoOAuth = false; // with demo: the server accepts only "Sign in with Microsoft",
                            // and the account dialog walks through it (docs/signin.md)
    QString selectFolder;   // --screenshot shows this folder (by name, ignoring case) instead
                            // of a conversation: Drafts shows the drafts list
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
