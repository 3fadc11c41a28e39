// The libFuzzer entry of one target; CMake compiles this file once per
// target with SKEIN_FUZZ_TARGET set to its function (FuzzTargets.h).
#include "FuzzTargets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return skein::fuzz::SKEIN_FUZZ_TARGET(data, size);
}
