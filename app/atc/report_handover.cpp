// SPDX-License-Identifier: GPL-3.0-or-later
// `atc report` and `atc scan --report` in `atc`. The reports draw with Qt
// Charts and Widgets, which `atc` leaves out to stay a small command line
// tool (a few MiB at start instead of 18). The report renderer,
// atc-report-render, is the same commands linked with the drawing code: `atc`
// replaces itself with it (execv) for these commands, with the same
// arguments, so its messages, its exit code and its files are the command's.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "command_report.hpp"
#include "scan_report_file.hpp"

#if !defined(ATC_RENDERER_NAME) || !defined(ATC_RENDERER_FROM_BINDIR)
#error "ATC_RENDERER_NAME and ATC_RENDERER_FROM_BINDIR come from the build (app/atc/CMakeLists.txt)"
#endif

namespace atc::cli {
namespace {

namespace fs = std::filesystem;

// Points `atc` at another renderer (the tests' missing one, a packager's).
constexpr const char* kRendererVariable = "ATC_REPORT_RENDERER";

// Where the renderer may be, in this order: ATC_REPORT_RENDERER alone when
// set; else relative to atc's own file, as installed (the libexec folder: the
// same relative path in /usr, /usr/local and an unpacked .deb) and as built
// (the same folder). /proc/self/exe, not argv[0]: atc found through PATH or
// a symlink still knows where it is.
std::vector<fs::path> renderer_places() {
    if (const char* chosen = std::getenv(kRendererVariable); chosen != nullptr && *chosen != '\0')
        return {fs::path(chosen)};
    std::error_code error;
    const fs::path self = fs::read_symlink("/proc/self/exe", error);
    if (error)
        throw std::runtime_error(
            "cannot find the report renderer: /proc/self/exe, which says where atc is, "
            "cannot be read (" +
            error.message() + ")");
    const fs::path folder = self.parent_path();
    return {(folder / ATC_RENDERER_FROM_BINDIR).lexically_normal(), folder / ATC_RENDERER_NAME};
}

bool is_executable_file(const fs::path& file) {
    std::error_code error;
    return fs::is_regular_file(file, error) && ::access(file.c_str(), X_OK) == 0;
}

// Replaces this process with `renderer COMMAND ARGS...`. Returns nothing:
// either the renderer runs, or a runtime_error says why not (main() prints it
// after "atc COMMAND: " and exits with 1).
[[noreturn]] void hand_over(std::string_view command, std::span<const std::string> args) {
    const std::vector<fs::path> places = renderer_places();
    for (const fs::path& renderer : places) {
        if (!is_executable_file(renderer))
            continue;
        std::vector<std::string> words{renderer.string(), std::string(command)};
        words.insert(words.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (std::string& word : words)
            argv.push_back(word.data());
        argv.push_back(nullptr);
        std::fflush(nullptr);
        ::execv(renderer.c_str(), argv.data());
        throw std::runtime_error("cannot run the report renderer " + renderer.string() + " (" +
                                 std::generic_category().message(errno) + ")");
    }
    std::string looked;
    for (const fs::path& place : places)
        looked += (looked.empty() ? "" : " or ") + place.string();
    const bool chosen = places.size() == 1;
    throw std::runtime_error(
        "cannot find the report renderer, which writes the reports: no program at " + looked +
        (chosen ? " (ATC_REPORT_RENDERER)"
                : " (reinstall atc-studio, or set ATC_REPORT_RENDERER to the renderer)"));
}

}  // namespace

int run_report(std::span<const std::string> args) {
    hand_over("report", args);
}

ScanReportWriter prepare_scan_report(const std::string&, std::span<const std::string> scan_args) {
    hand_over("scan", scan_args);
}

}  // namespace atc::cli
