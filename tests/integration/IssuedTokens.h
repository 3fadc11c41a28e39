#pragma once

// Every token the reference server issued (access and refresh, revoked or
// not), read from its store DIR/skein-server.sqlite: the secrets a test
// looks for where they must never be (a profile's database, its WAL, skein.ini).

#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>

#include <sqlite3.h>

namespace issuedtokens {

inline QList<QByteArray> issuedTokens(const QString &serverData)
{
    QList<QByteArray> tokens;
    sqlite3 *db = nullptr;
    const QByteArray path = (serverData + QStringLiteral("/skein-server.sqlite")).toUtf8();
    if (sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(db, 5000);
        sqlite3_stmt *q = nullptr;
        if (sqlite3_prepare_v2(db, "SELECT token FROM oauth_tokens", -1, &q, nullptr) == SQLITE_OK) {
            while (sqlite3_step(q) == SQLITE_ROW)
                tokens.append(QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(q, 0))));
        }
        sqlite3_finalize(q);
    }
    sqlite3_close(db);
    return tokens;
}

// The files under folder (recursively) whose bytes contain any of tokens;
// *checked gets the name of every file read.
inline QStringList filesHolding(const QString &folder, const QList<QByteArray> &tokens, QStringList *checked)
{
    QStringList holding;
    QDirIterator files(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (!file.open(QIODevice::ReadOnly)) {
            holding.append(file.fileName() + QStringLiteral(" (unreadable)"));
            continue;
        }
        const QByteArray content = file.readAll();
        for (const QByteArray &token : tokens)
            if (!token.isEmpty() && content.contains(token)) {
                holding.append(file.fileName());
                break;
            }
        checked->append(files.fileName());
    }
    return holding;
}

} // namespace issuedtokens
