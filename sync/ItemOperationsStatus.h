#pragma once

// How every ItemOperations answer begins ([MS-ASCMD] ItemOperations): the
// root element and its top-level Status, which covers all its operations.

#include "EasTags.h"
#include "WbxmlElement.h"

#include <QString>

namespace skein::eas {

// Sets result.status (0 and result.error when the body is not an
// ItemOperations response). True when the operations are worth reading
// (Status 1).
template<typename Result>
bool readItemOperationsStatus(const wbxml::Element *root, Result &result)
{
    if (!root || !root->is(wbxml::tag::ItemOperations::ItemOperations)) {
        result.status = 0;
        result.error = root ? QStringLiteral("response root is not ItemOperations")
                            : QStringLiteral("empty ItemOperations response");
        return false;
    }
    result.status = root->childInt(wbxml::tag::ItemOperations::Status, 1);
    return result.status == 1;
}

} // namespace skein::eas
