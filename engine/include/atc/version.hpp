// SPDX-License-Identifier: GPL-3.0-or-later
// Versions: the release the user sees, and the one that decides whether stored
// data can be trusted.
#pragma once

namespace atc {

// The release version of ATC Studio ("x.y.z"): the VERSION of project() in the
// top-level CMakeLists.txt, the one place it is written. `atc --version`, the
// About box, the reports and the User-Agent all show this; the Debian package
// takes the same number. A function, not a constant, so that a new version
// recompiles one file (engine/src/version.cpp) and not everything that shows it.
const char* release_version();

// Version of the numbers the engine produces. Bump it with any change that can
// alter a computed value (a kernel, a rounding, a default), so that results
// cached by an older engine are never served for the new one.
inline constexpr const char* kEngineVersion = "atc-engine-1";

}  // namespace atc
