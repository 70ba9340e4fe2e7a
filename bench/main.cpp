// SPDX-License-Identifier: GPL-3.0-or-later
// atc-bench: how fast the CPU engine computes ATC, and how much memory it needs.
//
//   atc-bench                      every case, each in its own process (so each
//                                  peak-memory figure belongs to that case alone)
//   atc-bench --case NAME          one case in this process
//   atc-scan-*: the `atc` program itself (command_case.hpp); ATC_BENCH_ATC
//   picks another build of it
//   options: --runs N (timed runs after one warm-up; median reported)
//            --threads N (oneTBB worker limit; default: all logical CPUs)
//            --no-avx512 (the AVX2 kernels on an AVX-512 CPU too)
//            --no-avx2 (the baseline SSE2 kernels on an AVX2 CPU too)
//            --list (case names)
//            --write-csv DIR (writes the atc-scan-csv case's 500 price files
//            into DIR and exits, to run `atc scan --csv-dir DIR` by hand)
#include <sys/wait.h>
#include <unistd.h>

#include <tbb/global_control.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "cases.hpp"
#include "csv_universe.hpp"
#include "measure.hpp"
#include "pipeline/simd.hpp"

namespace {

using namespace atc::bench;

struct Options {
    std::string case_name;  // empty: all cases
    int runs = 11;
    int threads = 0;        // 0: oneTBB's default
    bool row_only = false;  // internal: a child process prints its row only
    bool no_avx512 = false;
    bool no_avx2 = false;
    bool list = false;
    std::string write_csv_dir;  // --write-csv
};

[[noreturn]] void usage(const char* problem) {
    std::fprintf(stderr,
                 "atc-bench: %s\nusage: atc-bench [--case NAME] [--runs N] [--threads N] "
                 "[--no-avx512] [--no-avx2] [--list] [--write-csv DIR]\n",
                 problem);
    std::exit(2);
}

int positive(const char* text) {
    char* end = nullptr;
    const long value = std::strtol(text, &end, 10);
    if (end == text || *end != '\0' || value < 1 || value > 100000)
        usage("--runs and --threads take a positive number");
    return static_cast<int>(value);
}

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> const char* {
            if (i + 1 >= argc)
                usage((arg + " needs a value").c_str());
            return argv[++i];
        };
        if (arg == "--case") {
            o.case_name = value();
        } else if (arg == "--runs") {
            o.runs = positive(value());
        } else if (arg == "--threads") {
            o.threads = positive(value());
        } else if (arg == "--row-only") {
            o.row_only = true;
        } else if (arg == "--no-avx512") {
            o.no_avx512 = true;
        } else if (arg == "--no-avx2") {
            o.no_avx2 = true;
        } else if (arg == "--list") {
            o.list = true;
        } else if (arg == "--write-csv") {
            o.write_csv_dir = value();
        } else {
            usage(("unknown option " + arg).c_str());
        }
    }
    if (!o.case_name.empty() && !find_case(o.case_name))
        usage(("unknown case " + o.case_name + " (see --list)").c_str());
    return o;
}

std::size_t threads_in_use() {
    return tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism);
}

void print_header(const Options& o) {
    using atc::detail::simd::Level;
    const Level level = atc::detail::simd::active_level();
    std::printf("atc-bench: backend cpu-tbb, kernels %s, %zu threads (%u logical CPUs: %s)\n",
                level == Level::Avx512 ? "avx-512 (symbol groups), avx2"
                : level == Level::Avx2 ? "avx2"
                                       : "baseline sse2",
                threads_in_use(), logical_cpus(), cpu_model().c_str());
    std::printf(
        "median of %d runs after 1 warm-up; CPU ms: process CPU time per run (all "
        "threads);\nstages: share of the workers' time per stage; single-* run on one "
        "thread;\natc-*: the atc program, a fresh process per run (its CPU and peak "
        "memory)\n\n",
        o.runs);
    std::printf("%-21s %9s %9s %9s %9s %9s | %8s %8s %8s %8s | %9s %9s\n", "case", "median ms",
                "min ms", "CPU ms", "Mbars/s", "bars", "MAs %", "Layer1 %", "Layer2 %", "final %",
                "peak MiB", "input MiB");
}

// A stage's share of the workers' time, or "-" for a case without stage
// times (the end-to-end cases run another process).
std::string stage_share(double stage, double total) {
    if (total <= 0.0)
        return "-";
    char text[16];
    std::snprintf(text, sizeof text, "%.1f", 100.0 * stage / total);
    return text;
}

void print_row(const CaseSpec& spec, const CaseResult& r) {
    const double bars = static_cast<double>(spec.symbols * spec.bars * spec.passes);
    // Stage clocks are wall time per worker, which a busy machine inflates by
    // preemption; their shares are what stays meaningful.
    const double total = r.stages.total();
    std::printf("%-21s %9.2f %9.2f %9.1f %9.2f %9.0f | %8s %8s %8s %8s | %9.1f %9.1f\n",
                spec.name.c_str(), r.median_ms, r.min_ms, r.cpu_ms, bars / (r.median_ms * 1e3),
                bars, stage_share(r.stages.moving_averages, total).c_str(),
                stage_share(r.stages.layer1, total).c_str(),
                stage_share(r.stages.layer2, total).c_str(),
                stage_share(r.stages.final_stage, total).c_str(), r.peak_rss_mib, r.input_mib);
    std::fflush(stdout);
}

// Runs one case in a fresh process, which prints its own row.
bool run_in_child(const std::string& self, const CaseSpec& spec, const Options& o) {
    std::fflush(stdout);
    const std::string runs = std::to_string(o.runs);
    const std::string threads = std::to_string(o.threads);
    std::vector<const char*> args = {self.c_str(), "--case",     spec.name.c_str(),
                                     "--runs",     runs.c_str(), "--row-only"};
    if (o.threads > 0) {
        args.push_back("--threads");
        args.push_back(threads.c_str());
    }
    if (o.no_avx512)
        args.push_back("--no-avx512");
    if (o.no_avx2)
        args.push_back("--no-avx2");
    args.push_back(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
        execv(self.c_str(), const_cast<char* const*>(args.data()));
        std::_Exit(127);
    }
    int status = 0;
    return pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
           WEXITSTATUS(status) == 0;
}

}  // namespace

int main(int argc, char** argv) {
    const Options o = parse(argc, argv);
    if (!o.write_csv_dir.empty()) {
        const CaseSpec& csv = *find_case("atc-scan-csv-500x2000");
        std::filesystem::create_directories(o.write_csv_dir);
        write_csv_universe(o.write_csv_dir, csv.symbols, csv.bars);
        return 0;
    }
    if (o.list) {
        for (const CaseSpec& c : all_cases())
            std::printf("%s\n", c.name.c_str());
        return 0;
    }
    using atc::detail::simd::Level;
    atc::detail::simd::limit_level(o.no_avx2     ? Level::Baseline
                                   : o.no_avx512 ? Level::Avx2
                                                 : Level::Avx512);
    std::optional<tbb::global_control> limit;
    if (o.threads > 0)
        limit.emplace(tbb::global_control::max_allowed_parallelism,
                      static_cast<std::size_t>(o.threads));

    if (!o.row_only)
        print_header(o);
    if (!o.case_name.empty()) {
        const CaseSpec& spec = *find_case(o.case_name);
        try {
            print_row(spec, run_case(spec, o.runs));
        } catch (const std::exception& e) {
            std::fprintf(stderr, "atc-bench: case %s: %s\n", spec.name.c_str(), e.what());
            return 1;
        }
        return 0;
    }
    bool ok = true;
    for (const CaseSpec& spec : all_cases()) {
        if (!run_in_child("/proc/self/exe", spec, o)) {
            std::fprintf(stderr, "atc-bench: case %s failed\n", spec.name.c_str());
            ok = false;
        }
    }
    return ok ? 0 : 1;
}
