// SPDX-License-Identifier: GPL-3.0-or-later
#include "command_fetch.hpp"

#include <array>
#include <atomic>
#include <cctype>
#include <csignal>
#include <cstdio>

#include "atc/feeds/fetch.hpp"
#include "cli.hpp"
#include "store_session.hpp"
#include "utc_text.hpp"

namespace atc::cli {
namespace {

constexpr std::array<OptionSpec, 7> kFetchOptions = {{{"--exchange", true},
                                                      {"--market", true},
                                                      {"--symbol", true},
                                                      {"--interval", true},
                                                      {"--since", true},
                                                      {"--as", true},
                                                      {kDbOption, true}}};
constexpr std::array<OptionSpec, 2> kUpdateOptions = {{{"--all", false}, {kDbOption, true}}};

// Ctrl+C asks the fetch to stop between pages, so that what was committed is
// reported; a second Ctrl+C (or a kill) ends the process at once, and the
// committed pages are kept all the same.
std::atomic<bool> interrupted{false};

extern "C" void on_interrupt(int) {
    interrupted = true;
    std::signal(SIGINT, SIG_DFL);
}

feeds::BinanceConnection connection() {
    feeds::BinanceConnection c;
    c.policy.http.cancel = &interrupted;
    std::signal(SIGINT, on_interrupt);
    return c;
}

std::string upper(std::string text) {
    for (char& c : text)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

feeds::FetchRequest fetch_request(const ParsedOptions& options) {
    const std::string exchange = options.required("--exchange");
    if (exchange != "binance")
        throw UsageError("--exchange must be binance, not \"" + exchange + "\"");
    feeds::FetchRequest request;
    const std::string market = options.value("--market").value_or("spot");
    const auto parsed_market = feeds::parse_market(market);
    if (!parsed_market)
        throw UsageError("--market must be spot or futures, not \"" + market + "\"");
    request.source.market = *parsed_market;
    request.source.symbol = upper(options.required("--symbol"));
    request.source.interval = options.required("--interval");
    if (!feeds::is_binance_interval(request.source.interval)) {
        throw UsageError(
            "--interval must be one of 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w "
            "1M, not \"" +
            request.source.interval + "\"");
    }
    if (const auto since = options.value("--since")) {
        request.since_ms = parse_utc_time(*since);
        if (!request.since_ms)
            throw UsageError(
                "--since must be a UTC date like 2024-01-31 or 2024-01-31T12:00, "
                "not \"" +
                *since + "\"");
    }
    request.name = options.value("--as").value_or("");
    return request;
}

// One line per committed page on stderr: where the fetch is and how far it has to go.
feeds::FetchProgressCallback progress_printer(const std::string& command) {
    return [command](const feeds::FetchProgress& p) {
        std::fprintf(stderr, "%s: page %zu: %zu bars stored, up to %s (about %zu page%s left)\n",
                     command.c_str(), p.pages, p.new_bars,
                     utc_text(p.last_time_ms, "%Y-%m-%d %H:%M UTC").c_str(), p.pages_left,
                     p.pages_left == 1 ? "" : "s");
    };
}

void print_report(const feeds::FetchReport& r) {
    const std::string source = feeds::format_feed_source(r.source);
    const std::string last =
        r.last_time_ms ? utc_text(*r.last_time_ms, "%Y-%m-%d %H:%M UTC") : std::string("none");
    if (r.cancelled) {
        std::printf(
            "%s: interrupted: %zu new bars stored (last bar %s); 'atc update %s' "
            "resumes\n",
            r.name.c_str(), r.new_bars, last.c_str(), r.name.c_str());
    } else if (r.new_bars == 0) {
        std::printf("%s: up to date, no new closed bars (%s, last bar %s)\n", r.name.c_str(),
                    source.c_str(), last.c_str());
    } else {
        std::printf("%s: %zu new bars from %s (last bar %s)\n", r.name.c_str(), r.new_bars,
                    source.c_str(), last.c_str());
    }
    std::fflush(stdout);
}

void print_failure(const char* command, const std::string& name, const feeds::FeedError& e) {
    std::fprintf(stderr, "%s: %s: %s\n", command, name.c_str(), e.what());
    if (e.stored_bars > 0) {
        std::fprintf(stderr,
                     "%s: the %zu new bars stored before the error are kept; 'atc update %s' "
                     "resumes after them\n",
                     command, e.stored_bars, name.c_str());
    }
}

// After these no other symbol can be fetched either: stop instead of asking again.
bool stops_everything(const feeds::FeedError& e) {
    using Kind = feeds::FeedError::Kind;
    return e.kind() == Kind::Banned || e.kind() == Kind::RateLimited || e.kind() == Kind::Network;
}

}  // namespace

int run_fetch(std::span<const std::string> args) {
    const ParsedOptions options = parse_options(args, kFetchOptions);
    const feeds::FetchRequest request = fetch_request(options);
    StoreSession session("atc fetch", options.value(kDbOption));
    const std::string name = request.name.empty() ? request.source.symbol : request.name;
    try {
        print_report(feeds::fetch_binance(session.symbols(), request, connection(),
                                          progress_printer("atc fetch")));
    } catch (const feeds::FeedError& e) {
        print_failure("atc fetch", name, e);
        return kExitFailure;
    } catch (const store::StoreError& e) {
        std::fprintf(stderr, "atc fetch: %s\n", e.what());
        return kExitFailure;
    }
    return interrupted ? kExitFailure : kExitOk;
}

int run_update(std::span<const std::string> args) {
    const ParsedOptions options = parse_options(args, kUpdateOptions, true);
    const bool all = options.has("--all");
    if (all == !options.positionals.empty())
        throw UsageError(all ? "--all updates every symbol: name none with it"
                             : "name the symbols to update, or pass --all");
    StoreSession session("atc update", options.value(kDbOption));
    std::vector<std::string> names;
    std::size_t not_updatable = 0;
    if (all) {
        for (const store::SymbolInfo& s : session.symbols().list()) {
            if (feeds::feed_source_of(s.meta))
                names.push_back(s.meta.name);
            else
                ++not_updatable;
        }
    } else {
        names = options.positionals;
    }
    const feeds::BinanceConnection net = connection();
    int failed = 0;
    for (const std::string& name : names) {
        if (interrupted)
            break;
        try {
            print_report(
                feeds::update_symbol(session.symbols(), name, net, progress_printer("atc update")));
        } catch (const feeds::FeedError& e) {
            print_failure("atc update", name, e);
            ++failed;
            if (stops_everything(e)) {
                std::fprintf(stderr, "atc update: stopped; the symbols after %s were not updated\n",
                             name.c_str());
                break;
            }
        } catch (const store::StoreError& e) {
            std::fprintf(stderr, "atc update: %s: %s\n", name.c_str(), e.what());
            ++failed;
        }
    }
    if (all) {
        std::printf(
            "%zu downloaded symbol%s checked; %zu without a source record (imported, "
            "sample or generated) cannot be updated\n",
            names.size(), names.size() == 1 ? "" : "s", not_updatable);
    }
    return failed == 0 && !interrupted ? kExitOk : kExitFailure;
}

}  // namespace atc::cli
