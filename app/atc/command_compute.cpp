#include "command_compute.hpp"

#include <array>
#include <cstdio>
#include <filesystem>
#include <optional>

#include "atc/atomic_file.hpp"
#include "atc/backend_router.hpp"
#include "atc/compute_service.hpp"
#include "atc/params_json.hpp"
#include "atc/price_csv.hpp"
#include "atc/signal_csv.hpp"
#include "atc/validation.hpp"
#include "cli.hpp"

namespace atc::cli {

namespace {

constexpr std::array<OptionSpec, 3> kOptions = {{
    {"--csv", true},
    {"--params", true},
    {"--out", true},
}};

void fail(const std::string& message) {
    std::fprintf(stderr, "atc compute: %s\n", message.c_str());
}

}  // namespace

int run_compute(std::span<const std::string> args) {
    const ParsedOptions options = parse_options(args, kOptions);
    const std::filesystem::path csv_path = options.required("--csv");
    const std::string out = options.required("--out");
    const std::optional<std::string> params_path = options.value("--params");

    // Everything is computed and formatted in memory before the output is touched,
    // so a failure at any step leaves an existing --out file exactly as it was.
    // Errors propagate to main(), which prints them as "atc compute: ..." (exit 1).
    const AtcParams params = params_path ? read_params_json(*params_path) : AtcParams{};
    const PriceSeries series = read_price_csv(csv_path);
    for (const std::string& warning : series.warnings) {
        std::fprintf(stderr, "atc compute: warning: %s: %s\n", csv_path.c_str(), warning.c_str());
    }
    // The one compute path of the app and `atc`; a full result is the CPU's.
    const auto router = make_cpu_router("atc compute computes on the CPU");
    std::shared_ptr<const AtcResult> result;
    try {
        result = ComputeService(*router, nullptr).chart(series.close, params).result;
    } catch (const InvalidInput& e) {
        // The engine does not know where the prices came from; name the file.
        fail(csv_path.string() + ": " + e.what());
        return kExitFailure;
    }
    const std::string table = format_signal_csv(*result);
    if (out == "-") {
        if (!write_stdout(table)) {
            fail("cannot write to standard output");
            return kExitFailure;
        }
    } else {
        write_file_atomically(out, table);
    }
    return kExitOk;
}

}  // namespace atc::cli
