// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/background_arena.hpp"

#include <tbb/task_arena.h>
#include <tbb/task_scheduler_observer.h>

#if defined(__linux__)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace atc::ui {
namespace {

// Ten steps of nice: the GUI thread (nice 0) then weighs about ten times more
// with the kernel's scheduler than an engine thread.
constexpr int kBackgroundNice = 10;

}  // namespace

// Outside the anonymous namespace: BackgroundArena::Impl, which holds one,
// has external linkage (GCC's -Wsubobject-linkage).
class LowerPriorityOnEntry : public tbb::task_scheduler_observer {
public:
    explicit LowerPriorityOnEntry(tbb::task_arena& arena) : tbb::task_scheduler_observer(arena) {
        observe(true);
    }
    ~LowerPriorityOnEntry() override {
        // Before the members go: no notification may reach a half-destroyed observer.
        observe(false);
    }
    void on_scheduler_entry(bool) override { lowerCurrentThreadPriority(); }
};

bool lowerCurrentThreadPriority() {
    thread_local bool lowered = false;
    if (lowered)
        return true;
#if defined(__linux__)
    // On Linux nice is per thread: PRIO_PROCESS with a thread id changes only that thread.
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    const int current = ::getpriority(PRIO_PROCESS, tid);
    lowered = current >= kBackgroundNice || ::setpriority(PRIO_PROCESS, tid, kBackgroundNice) == 0;
#else
    lowered = true;  // elsewhere the default priority is kept
#endif
    return lowered;
}

struct BackgroundArena::Impl {
    tbb::task_arena arena;
    LowerPriorityOnEntry observer{arena};
};

BackgroundArena::BackgroundArena() : impl_(std::make_unique<Impl>()) {}

BackgroundArena::~BackgroundArena() = default;

void BackgroundArena::execute(const std::function<void()>& work) {
    impl_->arena.execute(work);
}

}  // namespace atc::ui
