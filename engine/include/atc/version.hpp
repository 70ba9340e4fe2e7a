// Versions that decide whether stored data can be trusted.
#pragma once

namespace atc {

// Version of the numbers the engine produces. Bump it with any change that can
// alter a computed value (a kernel, a rounding, a default), so that results
// cached by an older engine are never served for the new one.
inline constexpr const char* kEngineVersion = "atc-engine-1";

}  // namespace atc
