// SPDX-License-Identifier: GPL-3.0-or-later
// Where the window's scans run: a oneTBB arena whose threads (the
// calling worker and every oneTBB worker that joins) run at a lower scheduling
// priority than the GUI thread. On a 2-core machine a scan keeps every core
// busy; at equal priority the GUI thread waits for a time slice behind them
// (gaps of 150 ms measured under load), at lower priority it gets the core as
// soon as it has an event to handle. The engine's speed is unchanged when the
// GUI thread is idle. Charts are not computed here: one thread computes a
// chart, which the trader waits for, at the GUI's priority (EngineService).
//
// oneTBB stays out of this header: its headers use `emit` as a name, which Qt
// defines as a macro.
#pragma once

#include <functional>
#include <memory>

namespace atc::ui {

// Lowers the calling thread's priority (Linux: nice +10, which needs no
// privileges). Once per thread; later calls do nothing. False if the system refused.
bool lowerCurrentThreadPriority();

class BackgroundArena {
public:
    BackgroundArena();
    ~BackgroundArena();
    BackgroundArena(const BackgroundArena&) = delete;
    BackgroundArena& operator=(const BackgroundArena&) = delete;

    // Runs `work` in the arena on the calling thread; oneTBB algorithms inside
    // it use this arena's workers.
    void execute(const std::function<void()>& work);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace atc::ui
