// SPDX-License-Identifier: GPL-3.0-or-later
// Entry point of `atc`: picks the subcommand and turns every failure into a
// message on stderr and an exit code, so no error ever ends in a crash.
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "cli.hpp"
#include "memory_rehearsal.hpp"

namespace {

using atc::cli::kExitFailure;
using atc::cli::kExitOk;
using atc::cli::kExitUsage;

int usage_error(std::string_view message) {
    std::fprintf(stderr, "atc: %.*s\n\n%s", static_cast<int>(message.size()), message.data(),
                 atc::cli::program_usage().c_str());
    return kExitUsage;
}

int print_help(std::string_view topic) {
    if (topic.empty()) {
        return atc::cli::write_stdout(atc::cli::program_usage()) ? kExitOk : kExitFailure;
    }
    const atc::cli::Command* command = atc::cli::find_command(topic);
    if (command == nullptr) {
        return usage_error("no help for unknown command '" + std::string(topic) + "'");
    }
    return atc::cli::write_stdout(atc::cli::command_help(*command)) ? kExitOk : kExitFailure;
}

int run_command(const atc::cli::Command& command, const std::vector<std::string>& args) {
    for (const std::string& arg : args) {
        if (arg == "--help" || arg == "-h") {
            return print_help(command.name);
        }
    }
    const std::string prefix = "atc " + std::string(command.name) + ": ";
    try {
        const auto rehearsal = atc::cli::rehearse_available_memory();
        return command.run(args);
    } catch (const atc::cli::UsageError& e) {
        std::fprintf(stderr, "%s%s\nUsage: %.*s\nRun 'atc help %.*s' for details.\n",
                     prefix.c_str(), e.what(), static_cast<int>(command.usage.size()),
                     command.usage.data(), static_cast<int>(command.name.size()),
                     command.name.data());
        return kExitUsage;
    } catch (const std::exception& e) {
        // The commands report the errors they expect themselves; this is the
        // last line of defence (out of memory, an engine bug) against a crash.
        std::fprintf(stderr, "%s%s\n", prefix.c_str(), e.what());
        return kExitFailure;
    } catch (...) {
        std::fprintf(stderr, "%sunexpected internal error\n", prefix.c_str());
        return kExitFailure;
    }
}

}  // namespace

int main(int argc, char* argv[]) {
    const std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
    if (args.empty()) {
        return usage_error("no command given");
    }
    const std::string& first = args.front();
    if (first == "--help" || first == "-h") {
        return print_help({});
    }
    if (first == "--version" || first == "-V") {
        return atc::cli::write_stdout(atc::cli::version_text()) ? kExitOk : kExitFailure;
    }
    if (first == "help") {
        if (args.size() > 2) {
            return usage_error("'help' takes at most one command name");
        }
        return print_help(args.size() == 2 ? std::string_view(args[1]) : std::string_view());
    }
    if (first.compare(0, 1, "-") == 0) {
        return usage_error("unknown option '" + first + "'");
    }
    const atc::cli::Command* command = atc::cli::find_command(first);
    if (command == nullptr) {
        return usage_error("unknown command '" + first + "'");
    }
    return run_command(*command, std::vector<std::string>(args.begin() + 1, args.end()));
}
