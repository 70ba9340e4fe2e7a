// SPDX-License-Identifier: GPL-3.0-or-later
#include "command_case.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "csv_universe.hpp"
#include "measure.hpp"
#include "temp_folder.hpp"

extern char** environ;

namespace atc::bench {
namespace {

namespace fs = std::filesystem;

double timeval_ms(const timeval& t) {
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) * 1e-3;
}

CaseResult measure_command(const std::vector<std::string>& args, int runs) {
    run_command(args);  // warm-up: the program and its input in the page cache
    std::vector<double> wall;
    std::vector<double> cpu;
    std::vector<double> peak;
    for (int r = 0; r < runs; ++r) {
        const CommandRun run = run_command(args);
        wall.push_back(run.wall_ms);
        cpu.push_back(run.cpu_ms);
        peak.push_back(run.peak_rss_mib);
    }
    CaseResult result;
    result.median_ms = median(wall);
    result.min_ms = *std::min_element(wall.begin(), wall.end());
    result.cpu_ms = median(cpu);
    result.peak_rss_mib = median(peak);
    return result;
}

}  // namespace

std::string atc_program() {
    if (const char* chosen = std::getenv("ATC_BENCH_ATC"); chosen && *chosen)
        return chosen;
    return ATC_BENCH_ATC_PROGRAM;
}

CommandRun run_command(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const std::string& arg : args)
        argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    const Clock::time_point start = Clock::now();
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        throw std::runtime_error("cannot run " + args[0]);
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) != pid)
        throw std::runtime_error("lost the process of " + args[0]);
    CommandRun run;
    run.wall_ms = milliseconds_since(start);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::string command;
        for (const std::string& arg : args)
            command.append(command.empty() ? "" : " ").append(arg);
        throw std::runtime_error(command + " failed (exit status " +
                                 std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) +
                                 "); run it by hand to see why");
    }
    run.cpu_ms = timeval_ms(usage.ru_utime) + timeval_ms(usage.ru_stime);
    run.peak_rss_mib = static_cast<double>(usage.ru_maxrss) / 1024.0;  // KiB on Linux
    return run;
}

CaseResult run_command_case(const CaseSpec& spec, int runs) {
    const std::string atc = atc_program();
    if (spec.mode == Mode::CsvDirScan) {
        const CsvUniverseFolder files(spec.symbols, spec.bars);
        CaseResult result = measure_command({atc, "scan", "--csv-dir", files.dir().string()}, runs);
        result.input_mib = static_cast<double>(files.total_bytes()) / (1024.0 * 1024.0);
        return result;
    }
    const TempFolder folder(spec.name);
    // The bundled symbols: a new database is seeded with them by its first command.
    const std::string db = (folder.path() / "store.sqlite").string();
    run_command({atc, "list", "--db", db});
    std::vector<std::string> scan = {atc, "scan", "--db", db};
    if (spec.mode == Mode::DbScanNoCache)
        scan.push_back("--no-cache");  // else the warm-up run fills the cache
    CaseResult result = measure_command(scan, runs);
    result.input_mib = static_cast<double>(fs::file_size(db)) / (1024.0 * 1024.0);
    return result;
}

}  // namespace atc::bench
