// Requests answered on fibers: a write waiting for its batch to be durable, or for its client to
// take the answer, lends its thread to the next request instead of holding it asleep.
#pragma once
#include <functional>
#include <memory>

namespace ll::server {

class RequestFiber;

// The fiber running on this thread; nullptr on a thread of its own, which then blocks as usual.
RequestFiber* current_fiber();
// On `f`, the current fiber: back to its host until resume_fiber(f), then returns.
void suspend_fiber(RequestFiber& f);
// From any thread, once for each suspension, also before it happens: `f`'s host runs it again.
void resume_fiber(RequestFiber& f);
// On `f`, the current fiber: until `fd` is ready for `events` (poll's) or `timeout_ms` passes.
// Whether it is ready.
bool await_fd(RequestFiber& f, int fd, short events, int timeout_ms);

// Runs `work` on a thread of its own while the current fiber lends its thread to the others; at
// once where no fiber runs. For work long on the CPU (a password's hash, a tenth of a second).
void run_aside(const std::function<void()>& work);

// One thread running requests on fibers (Boost.Context), one at a time, each until it waits: a
// thread switch costs more than a write's work on these machines (bench/RESULTS.md, 2026-12-06).
// A fiber must not wait while it holds a lock or runs a static's initializer: another fiber of its
// thread asking for the same would block the thread, and so the fiber that holds it, for good.
class FiberHost {
public:
    explicit FiberHost(std::function<void(void* item)> serve);
    ~FiberHost();
    FiberHost(const FiberHost&) = delete;
    FiberHost& operator=(const FiberHost&) = delete;

    // From any thread: serve(item) runs on a fiber of its own.
    void post(void* item);
    // Takes no more items and returns once the fibers running have ended.
    void stop();

    struct State;

private:
    std::unique_ptr<State> state_;
};

}  // namespace ll::server
