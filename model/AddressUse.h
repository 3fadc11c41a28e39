#pragma once

// One address the mailbox knows, for the composer's address completion
// (MessageStore::knownAddresses, MessageStoreAddresses.cpp).

#include <QList>
#include <QString>

namespace skein {

struct AddressUse {
    QString name;     // the display name last seen with it; may be empty
    QString address;  // lower case
    int writtenCount = 0; // To/Cc/Bcc of the user's own mail (Sent Items, outbox)
    int seenCount = 0;    // From/To/Cc of any stored message

    friend bool operator==(const AddressUse &, const AddressUse &) = default;
};

// "Name" <a@b>, c@d, 'E' <e@f> as name/address pairs; quoted commas stay
// inside their name. Entries without an '@' are dropped.
QList<AddressUse> parseAddressUses(const QString &list);

} // namespace skein
