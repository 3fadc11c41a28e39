// Private to skein_eas: the parts of the libwbxml 0.11.8 tree API that
// encode() uses (decoding does not use libwbxml's parser, see WbxmlCodec.cpp).
//
// Debian installs only the converter headers (wbxml.h & co.); wbxml_tree.h,
// wbxml_elt.h, wbxml_tables.h and wbxml_buffers.h are missing although their
// functions are exported from libwbxml2.so. The layouts below are those of the
// 0.11.8 release's own headers of those names. Everything but the
// tag table is used through opaque pointers; we iterate the table, so
// WBXMLTagEntry's size must match exactly (the unit test that compares every
// EasTags.h constant with libwbxml's names would catch a mismatch).
#pragma once

#include <wbxml/wbxml.h>

extern "C" {

typedef struct WBXMLPublicIDEntry_s WBXMLPublicIDEntry;
typedef struct WBXMLNameSpaceEntry_s WBXMLNameSpaceEntry;

enum { WBXML_TAG_OPTION_BINARY = 0x01 };

typedef struct WBXMLTagEntry_s {
    const WB_TINY *xmlName; // NULL terminates a table
    WB_UTINY wbxmlCodePage;
    WB_UTINY wbxmlToken;
    WB_ULONG options;
} WBXMLTagEntry;

// Only the leading members we use; never allocated or indexed by us.
typedef struct WBXMLLangEntry_s {
    WBXMLLanguage langID;
    const WBXMLPublicIDEntry *publicID;
    const WBXMLTagEntry *tagTable;
    const WBXMLNameSpaceEntry *nsTable;
} WBXMLLangEntry;

// Only handled through pointers.
typedef struct WBXMLTag_s WBXMLTag;
typedef struct WBXMLTreeNode_s WBXMLTreeNode;
typedef struct WBXMLTree_s WBXMLTree;

WBXMLError wbxml_tree_to_wbxml(WBXMLTree *tree, WB_UTINY **wbxml, WB_ULONG *wbxml_len,
                               WBXMLGenWBXMLParams *params);
WBXMLTree *wbxml_tree_create(WBXMLLanguage lang, WBXMLCharsetMIBEnum orig_charset);
void wbxml_tree_destroy(WBXMLTree *tree);
// Copies *tag; the caller still owns (and must destroy) the tag it passed.
WBXMLTreeNode *wbxml_tree_add_elt(WBXMLTree *tree, WBXMLTreeNode *parent, WBXMLTag *tag);
WBXMLTreeNode *wbxml_tree_add_text(WBXMLTree *tree, WBXMLTreeNode *parent, const WB_UTINY *text,
                                   WB_ULONG len);

WBXMLTag *wbxml_tag_create_token(const WBXMLTagEntry *value);
void wbxml_tag_destroy(WBXMLTag *tag);

const WBXMLLangEntry *wbxml_tables_get_table(WBXMLLanguage lang);

void wbxml_free(void *memblock);

} // extern "C"
