#pragma once

#include "WbxmlElement.h"

#include <QList>
#include <QString>

namespace skein::eas {

// Search of the server's address book, the GAL store ([MS-ASCMD] 2.2.1.16,
// gal: code page 16), for the composer's address completion. Every EAS
// version has it; servers without an address book answer a Store status
// (or HTTP 500), which only means "no suggestions from the server".
class DirectorySearchCommand
{
public:
    static constexpr const char *name = "Search";

    explicit DirectorySearchCommand(QString query, int limit = 20);

    wbxml::Element request() const;

    struct Person {
        QString displayName;
        QString email;
        // "Name <addr>", or addr alone when the name is empty or the address itself.
        QString address() const;
    };

    struct Result {
        int status = 1;      // top-level Search Status
        int storeStatus = 1; // Response/Store/Status
        QList<Person> people; // only entries with an address
        QString error;
    };

    static Result parse(const wbxml::Element *root);

private:
    QString m_query;
    int m_limit;
};

} // namespace skein::eas
