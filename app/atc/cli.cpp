// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <system_error>

#include "atc/version.hpp"
#include "command_compute.hpp"
#include "command_export.hpp"
#include "command_fetch.hpp"
#include "command_hw.hpp"
#include "command_report.hpp"
#include "command_scan.hpp"
#include "command_store.hpp"
#include "command_sweep.hpp"
#include "performance_option.hpp"
#include "store_session.hpp"
#include "timeframe_option.hpp"

namespace atc::cli {

namespace {

constexpr std::array<Command, 10> kCommands = {{
    {"compute", "compute the ATC signals of one price series and write them as CSV",
     "atc compute (--csv FILE | --symbol NAME [--db PATH]) [--params FILE.json]\n"
     "                   [--timeframe TF [--timezone ZONE]] --out FILE.csv",
     "  --csv FILE          price series (a CSV file with a 'close' column)\n"
     "  --symbol NAME       or a symbol of the database ('atc list' shows them)\n"
     "  --params FILE.json  ATC parameters; missing keys keep their defaults\n"
     "  --out FILE.csv      where to write the signals, '-' for standard output;\n"
     "                      an existing file is replaced only when all went well\n"
     "\n"
     "Output columns: bar, the six <TYPE>_Signal (Layer 1), the six <TYPE>_S\n"
     "(Layer 2 equities) and Average_Signal; an empty field means not defined yet.\n",
     run_compute, true, true},
    {"scan", "rank symbols by their latest ATC signal",
     "atc scan [--csv-dir DIR | --db PATH] [--params FILE.json] [--min-signal X] [--top N]\n"
     "                [--json] [--backend cpu|gpu|auto] [--memory-budget MB]\n"
     "                [--report FILE.pdf|.csv|.json] [--timeframe TF [--timezone ZONE]]\n"
     "                [--no-cache]",
     "  --csv-dir DIR       scan a folder of price files (*.csv); the symbol is the\n"
     "                      file name. Without it, every symbol in the database.\n"
     "  --params FILE.json  ATC parameters; missing keys keep their defaults\n"
     "  --min-signal X      list only symbols with |signal| >= X (X >= 0)\n"
     "  --top N             list at most N symbols per table\n"
     "  --json              print one JSON object instead of the tables (below)\n"
     "  --backend B         cpu, gpu or auto (default): cpu runs the CPU engine,\n"
     "                      gpu the CUDA backend (exit 1, saying why, when no GPU\n"
     "                      is usable: 'atc hw' shows it), auto the one a cost\n"
     "                      model estimates faster for the scan's size. The\n"
     "                      numbers are the same; a GPU that fails mid-scan is\n"
     "                      replaced by the CPU, with a message\n"
     "  --memory-budget MB  keep the process within MB (MiB) of resident memory,\n"
     "                      its own included: the symbols are loaded and computed\n"
     "                      in chunks that fit what is left (the rows are the same)\n"
     "  --report FILE       also write the LONG and SHORT tables with the parameters\n"
     "                      and the time of the scan to FILE: PDF, CSV or JSON by\n"
     "                      its extension\n"
     "  --no-cache          neither read nor write the result cache (the database's\n"
     "                      result_cache table): every symbol is computed, and\n"
     "                      nothing is saved for the next scan\n"
     "\n"
     "Prints a LONG and a SHORT table ranked by |signal|. Files that cannot be\n"
     "read or computed are reported on stderr and the exit code is 1.\n"
     "\n"
     "With --json the object has these keys:\n"
     "  params            the ATC parameters used (the keys of a params file)\n"
     "  source            {kind: \"csv-dir\" or \"database\", path}\n"
     "  timeframe         the timeframe scanned (\"4h\"); only with --timeframe\n"
     "  backend           {requested, ran (\"cpu\" or \"gpu\"), description, reason}:\n"
     "                    what ran and why (a GPU failure names itself there)\n"
     "  filters           {min_signal, top (null: no limit)}\n"
     "  rows              the rows of the tables, in their order: {table (\"long\",\n"
     "                    \"short\", \"flat\"), rank, symbol, average (the last\n"
     "                    Average signal, full precision), trend (\"long\", \"short\",\n"
     "                    \"flat\"), last_close, bars, strongest_family (the family\n"
     "                    with the largest Layer-2 equity at the last bar: {type,\n"
     "                    equity}, or null), last_entry (null, or {bar, label (the\n"
     "                    bar's label, else its date or time, or null), direction,\n"
     "                    average, bars_since (bars from the entry to the last\n"
     "                    bar), close (at the entry),\n"
     "                    change_pct (price change since the entry, in %)})}\n"
     "  errors            symbols skipped: {symbol, source (file or symbol), error}\n"
     "  totals            {symbols, computed, long, short, flat, failed}\n"
     "  elapsed_seconds   wall time of the scan\n"
     "  from_cache        symbols answered by the persistent result cache\n"
     "  memory            {budget_bytes (null without --memory-budget), chunks\n"
     "                    (loaded and computed; 0 when the result cache answered\n"
     "                    every symbol of a database before any bars were read),\n"
     "                    estimated_peak_bytes (the largest chunk's working set),\n"
     "                    within_budget (every chunk fitted what was left),\n"
     "                    peak_rss_bytes (the process's peak resident memory)}\n"
     "\n"
     "With --timeframe every symbol is scanned at TF; one whose data cannot be\n"
     "made into TF (finer data, not a multiple, no times) is a failed symbol.\n",
     run_scan, true, true},
    {"hw", "show the hardware and the compute backend as JSON", "atc hw",
     "  (none)\n"
     "\n"
     "Prints one JSON object:\n"
     "  engine_version               version of the engine's numbers (cache key part)\n"
     "  cpu.model                    the CPU's name from /proc/cpuinfo\n"
     "  cpu.logical_cores            CPUs the OS schedules threads on\n"
     "  cpu.physical_cores           cores without hyper-threads\n"
     "  cpu.physical_cores_source    \"cpuinfo\" (physical id/core id pairs),\n"
     "                               \"cpuinfo cpu cores\", or \"assumed equal to logical\"\n"
     "  cpu.simd                     widest vector level of the CPU and OS: \"SSE2\",\n"
     "                               \"SSE4.2\", \"AVX2\", \"AVX-512\" (\"none\" off x86-64)\n"
     "  cpu.simd_features            supported ones of sse4.2, avx, avx2, fma, avx512f\n"
     "  cpu.kernel_simd              level the engine's kernels run at: \"AVX-512\" (the\n"
     "                               scans' symbol groups; the rest AVX2), \"AVX2\", \"SSE2\"\n"
     "  memory.total_bytes           RAM (MemTotal)\n"
     "  memory.available_bytes       RAM available without swapping (MemAvailable)\n"
     "  memory.available_estimated   true if estimated as MemFree + Buffers + Cached\n"
     "  memory.process_rss_bytes     this process's resident memory (VmRSS)\n"
     "  memory.process_peak_rss_bytes  its peak (VmHWM)\n"
     "  gpu.available                true when a GPU backend can run\n"
     "  gpu.reason                   why not (\"built without the CUDA backend\")\n"
     "  gpu.devices                  [{index, name, memory_bytes, compute_capability,\n"
     "                               driver_version, runtime_version}]\n"
     "  backend.name                 backend 'auto' runs on: \"cpu\" or \"gpu\"\n"
     "  backend.description          e.g. \"cpu (oneTBB, 8 threads, AVX2 kernels)\";\n"
     "                               \"AVX-512 and AVX2 kernels\" where scans run AVX-512\n"
     "  backend.threads              worker threads of the CPU backend\n"
     "  backend.reason               why that backend; with a GPU, from which scan size\n"
     "                               the cost model prefers it\n"
     "  scan_routes                  [{symbols, bars_per_symbol, backend, reason}]: what\n"
     "                               'auto' chooses for 500 and 10,000 symbols x 2,000 bars\n",
     run_hw},
    {"report", "write one symbol's signal report: PDF, CSV, JSON or a PNG of the charts",
     "atc report --symbol NAME [--db PATH] [--params FILE.json] --format pdf|csv|json|png\n"
     "                  [--size WxH] [--timeframe TF [--timezone ZONE]]\n"
     "                  [--mode long-short|long-only] [--cost-bps N] --out FILE",
     "  --symbol NAME       the symbol in the database ('atc list' shows them)\n"
     "  --params FILE.json  ATC parameters; missing keys keep their defaults\n"
     "  --format F          pdf: the report to read and send (data, parameters,\n"
     "                      charts, latest signals, weights, entry markers,\n"
     "                      statistics); csv: every bar, the columns of 'atc\n"
     "                      compute' plus date and marker; json: all of it as\n"
     "                      data; png: the charts. Default: the --out extension.\n"
     "                      PDF and PNG are drawn off screen: no display needed.\n"
     "  --size WxH          pixels of the PNG (default 1600x1000)\n"
     "  --out FILE          where to write it ('-': standard output); an existing\n"
     "                      file is replaced only when the report is complete\n"
     "\n"
     "--mode and --cost-bps say how the performance (the JSON's 'performance',\n"
     "the PDF's Performance page) holds the Average signal as a position.\n",
     run_report, true, true, true},
    {"sweep", "the Average signal's performance over a grid of one or two parameters",
     "atc sweep --symbol NAME [--db PATH] --vary NAME=V1,V2,... [--vary NAME2=...]\n"
     "                 [--params FILE.json] [--split PCT] [--metric M] [--json]\n"
     "                 [--timeframe TF [--timezone ZONE]] [--mode long-short|long-only]\n"
     "                 [--cost-bps N]",
     "  --symbol NAME       the symbol in the database ('atc list' shows them)\n"
     "  --vary NAME=VALUES  a parameter to vary, by its params.json key (La, De,\n"
     "                      cutout, ema_len ... kama_len, ema_w ... kama_w,\n"
     "                      robustness, long_threshold, short_threshold), and its\n"
     "                      values: a list (La=0.01,0.02,0.05; robustness=Narrow,Wide)\n"
     "                      or FROM:TO:STEP, both ends included (ema_len=10:60:5).\n"
     "                      At most 50 values; give it twice for a grid\n"
     "  --params FILE.json  the parameters the sweep does not vary (default: the\n"
     "                      defaults)\n"
     "  --split PCT         also judge each cell apart on the first PCT % of the\n"
     "                      bars (to choose by) and on the rest (to check on)\n"
     "  --metric M          the figure the best cell is named by: sharpe (the\n"
     "                      default), total_return, cagr, sortino, max_drawdown\n"
     "                      (least), win_rate, trades\n"
     "  --json              print one JSON object instead of the table (below)\n"
     "\n"
     "Each cell computes the symbol with its parameters and holds the Average\n"
     "signal as a position: its figures are exactly those 'atc report' gives for\n"
     "those parameters. Cells whose parameters are refused (a length too short\n"
     "for the robustness) say why; the others run (exit 1 when none can).\n"
     "\n"
     "With --json the object has these keys:\n"
     "  symbol, timeframe (null for undated data), bars\n"
     "  params            the parameters not varied (the keys of a params file)\n"
     "  vary              [{name, values}], in the order given\n"
     "  split             null, or {fraction, bar (shared by both parts: the\n"
     "                    check's equity starts at its close), time}\n"
     "  cells             row-major (the first --vary slowest): {<name>: value per\n"
     "                    varied parameter, error (null when it ran), performance\n"
     "                    (the keys of 'atc report's performance: total_return,\n"
     "                    cagr, sharpe, sortino, max_drawdown, time_in_market,\n"
     "                    trades, win_rate, avg_win, avg_loss, buy_and_hold_*,\n"
     "                    mode, cost_bps; fractions), and with --split in_sample\n"
     "                    and out_of_sample with the same keys}\n"
     "  elapsed_seconds   wall time of the sweep\n",
     run_sweep, true, true, true},
    {"import", "import price files (or CSV links) into the symbol database",
     "atc import FILE|URL... [--symbol NAME] [--db PATH] [--dry-run] [--columns ROLE=N,...]\n"
     "           [--delimiter D] [--date-order dmy|mdy] [--timezone ZONE]",
     "  FILE...             price files as exchanges, brokers, data sites and\n"
     "                      spreadsheets export them (Binance klines, MetaTrader,\n"
     "                      Stooq, Yahoo/yfinance, Alpha Vantage, Tiingo,\n"
     "                      TradingView, investing.com, ';' and decimal commas,\n"
     "                      UTF-16): the layout is detected from the content;\n"
     "                      one symbol per file, or per ticker in a file of several\n"
     "  URL...              an http:// or https:// link to such a file: downloaded\n"
     "                      (through the proxy in https_proxy/http_proxy, if set),\n"
     "                      then imported exactly like a file; the symbol is named\n"
     "                      after the link's file name\n"
     "  --symbol NAME       the symbol's name (one file only; default: the ticker,\n"
     "                      else the file name)\n"
     "  --dry-run           print what was detected (format, encoding, delimiter,\n"
     "                      header, columns, time zone, bars, first and last bar,\n"
     "                      timeframe, skipped rows) and import nothing\n"
     "  --columns ROLE=N,...  use column N (from 1) for ROLE: time, date, timeofday,\n"
     "                      open, high, low, close, volume, ticker; other roles stay\n"
     "                      as detected\n"
     "  --delimiter D       ',', ';' or tab instead of the detected one\n"
     "  --date-order ORDER  dmy or mdy: how to read dates like 03/04/2024 when the\n"
     "                      file cannot tell (no day above 12)\n"
     "  --timezone ZONE     IANA zone (e.g. America/New_York) of times written\n"
     "                      without an offset (default UTC; plain dates stay dates)\n",
     run_import, true},
    {"fetch", "download an exchange's candles into the database, or bring them up to date",
     "atc fetch --exchange binance [--market spot|futures] --symbol SYMBOL --interval I\n"
     "          [--since DATE] [--as NAME] [--db PATH]",
     "  --exchange binance  Binance's public market data (no account or key needed)\n"
     "  --market M          spot (default) or futures (USD-M futures)\n"
     "  --symbol SYMBOL     the exchange's symbol, e.g. BTCUSDT\n"
     "  --interval I        1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M\n"
     "  --since DATE        first candle of a new symbol, UTC (2024-01-31 or\n"
     "                      2024-01-31T12:00); default: 1,000 candles back\n"
     "  --as NAME           the symbol's name in the database (default: SYMBOL)\n"
     "\n"
     "Pages through the candles (1,000 a request) up to the present and stores\n"
     "only closed ones: the candle still forming waits for the next update. A\n"
     "symbol already stored from the same source is brought up to date: only\n"
     "bars after its last one are asked for. Each page is saved as it arrives,\n"
     "so an interruption (Ctrl+C, a network failure, a killed process) keeps\n"
     "every page stored and 'atc update' resumes after it. Requests respect\n"
     "Binance's weight limits, wait when told to (HTTP 429) and stop when\n"
     "banned (HTTP 418). Proxies come from https_proxy/no_proxy. Exit code 1\n"
     "when the download failed (what was stored is kept and said).\n",
     run_fetch, true},
    {"update", "bring downloaded symbols up to date", "atc update SYMBOL... | --all [--db PATH]",
     "  SYMBOL...           symbols downloaded with 'atc fetch' (or the app)\n"
     "  --all               every symbol that has a source record\n"
     "\n"
     "Asks the exchange only for the closed candles after each symbol's last\n"
     "bar. Imported, sample and generated symbols have no source record and\n"
     "cannot be updated: named ones are reported (exit code 1), --all counts\n"
     "them. A ban, repeated rate limiting or a network failure stops the run.\n",
     run_update, true},
    {"list", "list the symbols in the database", "atc list [--db PATH]", "", run_list, true},
    {"export", "write a stored symbol's bars as CSV",
     "atc export --symbol NAME [--out FILE|-] [--db PATH] [--timeframe TF [--timezone ZONE]]",
     "  --symbol NAME       the symbol in the database ('atc list' shows them)\n"
     "  --out FILE          where to write (default '-': standard output); an\n"
     "                      existing file is replaced only when all is written\n"
     "\n"
     "The header is exactly time,open,high,low,close,volume; time is ISO 8601 UTC\n"
     "(2024-01-05T00:00:00Z), values have 17 significant digits so that 'atc\n"
     "import' of the file gives back the same bars. A column the source did not\n"
     "have (open, high, low, volume or time) is empty on every row. With\n"
     "--timeframe the bars are written at TF; a forming last bar is written too,\n"
     "and said so on stderr.\n",
     run_export, true, true},
}};

}  // namespace

bool ParsedOptions::has(std::string_view name) const {
    return values.find(name) != values.end() || repeated.find(name) != repeated.end();
}

std::vector<std::string> ParsedOptions::all(std::string_view name) const {
    const auto it = repeated.find(name);
    return it == repeated.end() ? std::vector<std::string>{} : it->second;
}

std::optional<std::string> ParsedOptions::value(std::string_view name) const {
    const auto it = values.find(name);
    if (it == values.end()) {
        return std::nullopt;
    }
    return it->second;
}

std::string ParsedOptions::required(std::string_view name) const {
    auto v = value(name);
    if (!v) {
        throw UsageError("missing required option " + std::string(name));
    }
    return *v;
}

ParsedOptions parse_options(std::span<const std::string> args, std::span<const OptionSpec> specs,
                            bool allow_positionals) {
    ParsedOptions parsed;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.size() < 3 || arg.compare(0, 2, "--") != 0) {
            if (!allow_positionals)
                throw UsageError("unexpected argument '" + arg + "'");
            parsed.positionals.push_back(arg);
            continue;
        }
        const std::size_t eq = arg.find('=');
        const std::string name = arg.substr(0, eq);
        const OptionSpec* spec = nullptr;
        for (const OptionSpec& s : specs) {
            if (s.name == name) {
                spec = &s;
            }
        }
        if (spec == nullptr) {
            throw UsageError("unknown option '" + name + "'");
        }
        if (parsed.has(name) && !spec->repeatable) {
            // A second value would silently win; better to say so.
            throw UsageError("option " + name + " given more than once");
        }
        std::string value;
        if (!spec->takes_value) {
            if (eq != std::string::npos) {
                throw UsageError("option " + name + " takes no value");
            }
        } else if (eq != std::string::npos) {
            value = arg.substr(eq + 1);
        } else {
            // "--out --csv x" is far more likely a forgotten value than a file
            // named "--csv"; "--name=--csv" remains possible for the odd case.
            if (i + 1 >= args.size() || args[i + 1].compare(0, 2, "--") == 0) {
                throw UsageError("option " + name + " needs a value");
            }
            value = args[++i];
        }
        if (spec->takes_value && value.empty()) {
            throw UsageError("option " + name + " needs a non-empty value");
        }
        if (spec->repeatable)
            parsed.repeated[name].push_back(std::move(value));
        else
            parsed.values.emplace(name, std::move(value));
    }
    return parsed;
}

double parse_non_negative_double(std::string_view option, std::string_view text) {
    double v = 0.0;
    const char* first = text.data();
    // from_chars refuses a leading '+', which people do type ("--min-signal +0.5").
    if (text.size() > 1 && text.front() == '+' && text[1] != '-') {
        ++first;
    }
    const char* last = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(first, last, v);
    if (ec != std::errc() || ptr != last || !std::isfinite(v) || v < 0.0) {
        throw UsageError("invalid value for " + std::string(option) + ": '" + std::string(text) +
                         "' (expected a number >= 0)");
    }
    return v;
}

std::size_t parse_positive_count(std::string_view option, std::string_view text) {
    std::size_t v = 0;
    const char* first = text.data();
    const char* last = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(first, last, v);
    if (ec != std::errc() || ptr != last || v == 0) {
        throw UsageError("invalid value for " + std::string(option) + ": '" + std::string(text) +
                         "' (expected a whole number >= 1)");
    }
    return v;
}

std::span<const Command> commands() {
    return kCommands;
}

const Command* find_command(std::string_view name) {
    for (const Command& c : kCommands) {
        if (c.name == name) {
            return &c;
        }
    }
    return nullptr;
}

std::string program_usage() {
    std::string text =
        "Usage: atc COMMAND [OPTIONS]\n"
        "       atc help COMMAND | atc --help | atc --version\n"
        "\n"
        "Adaptive Trend Classification from the command line.\n"
        "\n"
        "Commands:\n";
    for (const Command& c : kCommands) {
        text += "  ";
        text += c.name;
        text.append(c.name.size() < 10 ? 10 - c.name.size() : 1, ' ');
        text += c.summary;
        text += '\n';
    }
    text += "\nRun 'atc help COMMAND' for the options of a command.\n";
    text +=
        "\nEnvironment:\n"
        "  ATC_DB                   the database file (see --db)\n"
        "  ATC_AVAILABLE_MEMORY_MB  act as if only this much memory were available: work\n"
        "                           that would not fit is refused or scanned in chunks\n";
    return text;
}

std::string command_help(const Command& command) {
    std::string text = "Usage: ";
    text += command.usage;
    text += "\n\n";
    // The summary is written for the command list; as a sentence it needs a capital.
    std::string sentence(command.summary);
    if (!sentence.empty()) {
        sentence.front() =
            static_cast<char>(std::toupper(static_cast<unsigned char>(sentence.front())));
    }
    text += sentence;
    text += ".\n\nOptions:\n";
    text += command.details;
    if (command.takes_timeframe)
        text += kTimeframeHelp;
    if (command.judges_performance)
        text += kPerformanceHelp;
    if (command.uses_store)
        text += kDbHelp;
    return text;
}

std::string version_text() {
    return std::string("atc (ATC Studio) ") + release_version() + "\n";
}

bool write_stdout(std::string_view text) {
    if (!text.empty() && std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) {
        return false;
    }
    return std::fflush(stdout) == 0;
}

}  // namespace atc::cli
