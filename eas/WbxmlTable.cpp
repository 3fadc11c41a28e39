#include "WbxmlTable.h"

#include <unordered_map>

namespace skein::wbxml::detail {

namespace {

quint16 key(quint8 page, quint8 token)
{
    return quint16(page << 8 | token);
}

// Built once; the table is static data inside libwbxml2.so.
const std::unordered_map<quint16, const WBXMLTagEntry *> &tagIndex()
{
    static const auto index = [] {
        std::unordered_map<quint16, const WBXMLTagEntry *> map;
        const WBXMLLangEntry *lang = wbxml_tables_get_table(WBXML_LANG_ACTIVESYNC);
        if (!lang || !lang->tagTable)
            return map;
        for (const WBXMLTagEntry *e = lang->tagTable; e->xmlName; ++e)
            map.emplace(key(e->wbxmlCodePage, e->wbxmlToken), e); // first entry wins
        return map;
    }();
    return index;
}

} // namespace

const WBXMLTagEntry *findTagEntry(Tag tag)
{
    const auto &index = tagIndex();
    const auto it = index.find(key(tag.page, tag.token));
    return it == index.end() ? nullptr : it->second;
}

bool isBinaryEntry(const WBXMLTagEntry *entry)
{
    return entry && (entry->options & WBXML_TAG_OPTION_BINARY);
}

QString tagName(Tag tag)
{
    if (const WBXMLTagEntry *e = findTagEntry(tag))
        return QString::fromLatin1(e->xmlName);
    return QStringLiteral("page%1:0x%2").arg(tag.page).arg(tag.token, 2, 16, QLatin1Char('0'));
}

} // namespace skein::wbxml::detail
