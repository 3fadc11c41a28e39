#pragma once

// skein-cli attachments / save-attachment (AttachmentCommands.cpp).

#include "CliCommands.h"

namespace skein::cli {

int attachments(const Invocation &in);    // attachments --id ROWID [--json]
int saveAttachment(const Invocation &in); // save-attachment --id ROWID --name NAME --to PATH

} // namespace skein::cli
