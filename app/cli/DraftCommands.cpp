// skein-cli drafts: the drafts saved on this computer (issue 11; Store
// drafts). `drafts save` writes one as the composer does, for scripts and
// tests; the next sync puts it into the server's Drafts folder at 16.0+.

#include "CliSupport.h"

#include "DraftTypes.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace skein::cli {

namespace {

const char *const kUsage = "usage: drafts [--json] | drafts save [--id ID] [--to ADDRESS]... [--cc ADDRESS]... "
                           "[--bcc ADDRESS]... [--subject TEXT] [--body-file FILE] [--attach FILE]... | drafts delete ID";

QString where(const DraftEntry &d, const QString &protocolVersion)
{
    if (!d.uploadError.isEmpty())
        return QStringLiteral("refused by the server: ") + d.uploadError;
    if (!d.serverId.isEmpty() && d.uploaded && !d.attachments.isEmpty())
        return QStringLiteral("on the server, without its attachments");
    if (!d.serverId.isEmpty())
        return d.uploaded ? QStringLiteral("on the server") : QStringLiteral("saving to the server");
    return protocolVersion.section(QLatin1Char('.'), 0, 0).toInt() >= 16 ? QStringLiteral("saving to the server")
                                                                          : QStringLiteral("on this computer only");
}

QJsonObject draftToJson(const DraftEntry &d, const QString &protocolVersion)
{
    QJsonArray attachments;
    for (const DraftAttachment &a : d.attachments)
        attachments.append(QJsonObject{{QStringLiteral("name"), a.name},
                                       {QStringLiteral("size"), a.size},
                                       {QStringLiteral("path"), a.path}});
    return {{QStringLiteral("id"), d.id},
            {QStringLiteral("updated"), d.updated.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("kind"), outboxKindName(d.kind)},
            {QStringLiteral("subject"), d.subject},
            {QStringLiteral("to"), QJsonArray::fromStringList(d.to)},
            {QStringLiteral("cc"), QJsonArray::fromStringList(d.cc)},
            {QStringLiteral("bcc"), QJsonArray::fromStringList(d.bcc)},
            {QStringLiteral("body"), d.plainBody},
            {QStringLiteral("attachments"), attachments},
            {QStringLiteral("serverId"), d.serverId},
            {QStringLiteral("onServer"), !d.serverId.isEmpty() && d.uploaded},
            {QStringLiteral("where"), where(d, protocolVersion)},
            {QStringLiteral("error"), d.uploadError}};
}

int saveDraft(const Invocation &in, Store &store)
{
    DraftEntry d;
    if (in.options.isSet(QStringLiteral("id"))) {
        bool ok = false;
        const qint64 id = in.options.value(QStringLiteral("id")).toLongLong(&ok);
        const std::optional<DraftEntry> existing = ok ? store.draftStore().draft(id) : std::nullopt;
        if (!existing)
            return fail(NotFound, QStringLiteral("there is no draft '%1' (see 'skein-cli drafts')")
                                      .arg(in.options.value(QStringLiteral("id"))));
        d = *existing;
    }
    if (in.options.isSet(QStringLiteral("to")))
        d.to = in.options.values(QStringLiteral("to"));
    if (in.options.isSet(QStringLiteral("cc")))
        d.cc = in.options.values(QStringLiteral("cc"));
    if (in.options.isSet(QStringLiteral("bcc")))
        d.bcc = in.options.values(QStringLiteral("bcc"));
    if (in.options.isSet(QStringLiteral("subject")))
        d.subject = in.options.value(QStringLiteral("subject"));
    if (in.options.isSet(QStringLiteral("body-file"))) {
        const QString path = in.options.value(QStringLiteral("body-file"));
        QFile file(path);
        const bool fromStdin = path == QLatin1String("-");
        if (!(fromStdin ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly)))
            return fail(Failed, QStringLiteral("cannot read the body file '%1': %2").arg(path, file.errorString()));
        d.plainBody = QString::fromUtf8(file.readAll());
    }
    for (const QString &path : in.options.values(QStringLiteral("attach")))
        d.attachments.append(DraftAttachment{path, {}, {}, 0});
    const qint64 id = store.draftStore().saveDraft(d);
    if (id == 0)
        return fail(Failed, QStringLiteral("the draft was not saved: %1").arg(store.lastError()));
    out() << id << "\n";
    return Ok;
}

} // namespace

int drafts(const Invocation &in)
{
    const QString sub = in.words.value(1);
    if (!sub.isEmpty() && sub != QLatin1String("save") && sub != QLatin1String("delete"))
        return fail(Usage, QString::fromLatin1(kUsage));
    int code = Ok;
    std::unique_ptr<OpenedStore> opened = openProfile(in.profile, &code);
    if (!opened)
        return code;
    if (sub == QLatin1String("save"))
        return saveDraft(in, opened->store);
    if (sub == QLatin1String("delete")) {
        bool ok = false;
        const qint64 id = in.words.value(2).toLongLong(&ok);
        if (!ok)
            return fail(Usage, QStringLiteral("drafts delete needs the draft's id (see 'skein-cli drafts')"));
        if (!opened->store.draftStore().deleteDraft(id))
            return fail(NotFound, opened->store.lastError());
        out() << "deleted\n";
        return Ok;
    }
    const QList<DraftEntry> list = opened->store.draftStore().drafts();
    const QString version = opened->account.protocolVersion;
    if (in.options.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const DraftEntry &d : list)
            array.append(draftToJson(d, version));
        out() << QJsonDocument(array).toJson();
        return Ok;
    }
    if (list.isEmpty())
        out() << "there are no drafts\n";
    for (const DraftEntry &d : list)
        out() << d.id << "\t" << d.updated.toLocalTime().toString(Qt::ISODate) << "\t"
              << (d.subject.isEmpty() ? QStringLiteral("(no subject)") : d.subject) << "\t"
              << (d.to + d.cc).join(QStringLiteral(", ")) << "\t" << where(d, version) << "\n";
    return Ok;
}

} // namespace skein::cli
