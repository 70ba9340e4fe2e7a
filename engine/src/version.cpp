// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/version.hpp"

#ifndef ATC_VERSION
#error "ATC_VERSION must be defined by the build (see engine/CMakeLists.txt)"
#endif

namespace atc {

const char* release_version() {
    return ATC_VERSION;
}

}  // namespace atc
