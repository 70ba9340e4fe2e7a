// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the params.json parser: any text either yields parameters that pass
// validation and survive a round trip through params_to_json unchanged, or is
// refused with ParamsError.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "atc/params_json.hpp"
#include "atc/validation.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    atc::AtcParams params;
    try {
        params = atc::parse_params_json(text, "fuzz.json");
    } catch (const atc::ParamsError& error) {
        FUZZ_REQUIRE(error.source() == "fuzz.json", "a params error names its source");
        return 0;
    }
    FUZZ_REQUIRE(atc::check_params(params).empty(), "accepted parameters are valid");
    try {
        FUZZ_REQUIRE(atc::parse_params_json(atc::params_to_json(params), "round trip") == params,
                     "params_to_json reads back to equal parameters");
    } catch (const atc::ParamsError&) {
        FUZZ_REQUIRE(false, "params_to_json of accepted parameters is accepted");
    }
    return 0;
}
