// Fiber hosts: a thread that starts a fiber for each request posted to it and runs them in turn,
// resuming those whose wait ended and polling the sockets of those waiting for their client.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LL_FIBER_ASAN 1
#endif
#if __has_feature(thread_sanitizer)
#define LL_FIBER_TSAN 1
#endif
#endif
#include "request_fiber.h"

#include <poll.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <boost/context/fiber.hpp>
#include <boost/context/preallocated.hpp>
#include <boost/context/protected_fixedsize_stack.hpp>
#include <cerrno>
#include <chrono>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#ifdef LL_FIBER_ASAN
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#include <sanitizer/lsan_interface.h>
#endif
#ifdef LL_FIBER_TSAN
#include <sanitizer/tsan_interface.h>
#endif

namespace ll::server {

namespace {

namespace context = boost::context;
using FiberClock = std::chrono::steady_clock;

// As much as a thread's: a request's stack is as deep on a fiber (regular expressions over a path).
constexpr std::size_t fiber_stack_size = 8 << 20;

thread_local RequestFiber* running_fiber = nullptr;

// ThreadSanitizer follows each fiber's history once told of every switch, just before it happens.
#ifdef LL_FIBER_TSAN
void* new_sanitizer_fiber() { return __tsan_create_fiber(0); }
void* this_sanitizer_fiber() { return __tsan_get_current_fiber(); }
void switching_to(void* fiber) { __tsan_switch_to_fiber(fiber, 0); }
void sanitizer_fiber_ended(void* fiber) { __tsan_destroy_fiber(fiber); }
#else
void* new_sanitizer_fiber() { return nullptr; }
void* this_sanitizer_fiber() { return nullptr; }
void switching_to(void*) {}
void sanitizer_fiber_ended(void*) {}
#endif

// AddressSanitizer is told which stack a switch goes to before it, and that it arrived after it.
// `fake_stack` is null on the last switch out of a fiber that ends.
struct StackBounds {
    const void* bottom = nullptr;
    std::size_t size = 0;
};
#ifdef LL_FIBER_ASAN
// While a fiber runs, AddressSanitizer takes its stack for the thread's: LeakSanitizer would then
// miss pointers held on the host thread's own stack, so that is scanned as a root region.
class ScannedThreadStack {
public:
    ScannedThreadStack() {
        pthread_attr_t attributes;
        if (pthread_getattr_np(pthread_self(), &attributes) != 0) return;
        pthread_attr_getstack(&attributes, &bottom_, &size_);
        pthread_attr_destroy(&attributes);
        __lsan_register_root_region(bottom_, size_);
    }
    ~ScannedThreadStack() {
        if (bottom_) __lsan_unregister_root_region(bottom_, size_);
    }

private:
    void* bottom_ = nullptr;
    std::size_t size_ = 0;
};
void asan_leaving_for(void** fake_stack, const StackBounds& to) { __sanitizer_start_switch_fiber(fake_stack, to.bottom, to.size); }
void asan_arrived(void* fake_stack, StackBounds* from) { __sanitizer_finish_switch_fiber(fake_stack, &from->bottom, &from->size); }
#else
struct ScannedThreadStack {};
void asan_leaving_for(void**, const StackBounds&) {}
void asan_arrived(void*, StackBounds*) {}
#endif

}  // namespace

class RequestFiber {
public:
    explicit RequestFiber(FiberHost::State& h) : host(h), sanitizer(new_sanitizer_fiber()) {}
    FiberHost::State& host;
    context::fiber self;  // the fiber while it waits; empty while it runs
    context::fiber back;  // its host while it runs
    bool finished = false;
    void* sanitizer;
    StackBounds stack;
    void* fake_stack = nullptr;  // AddressSanitizer's, while the fiber is switched out
    // While it waits in await_fd:
    int fd = -1;
    short events = 0;
    FiberClock::time_point deadline;
    bool ready = false;
};

struct FiberHost::State {
    std::function<void(void*)> serve;
    std::mutex mutex;
    std::deque<void*> arrived;               // under mutex
    std::vector<RequestFiber*> resumed;      // under mutex
    bool sleeping = false, stopping = false;  // under mutex: sleeping in poll, to be woken by wake_fd
    int wake_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    // The host thread's own:
    std::vector<RequestFiber*> watching;     // in await_fd
    std::vector<context::stack_context> free_stacks;
    int live = 0;                            // fibers started and not ended
    void* sanitizer = nullptr;
    StackBounds stack;  // the host thread's, learnt when a fiber first arrives from it
    std::thread thread;

    void run();
    void start(void* item);
    void switch_to(RequestFiber& f);
    void poll_watched(bool block);
    void wake();  // under mutex
};

namespace {

// Boost.Context gives a stack by its top (it grows down); sanitizers want its lowest address.
char* bottom_of(const context::stack_context& s) { return static_cast<char*>(s.sp) - s.size; }

// A stack handed to a fiber starts clean for AddressSanitizer. A fiber that ended leaves its last
// frames' marks (it never returns from them), and memory unmapped keeps its marks for whatever is
// mapped there next: a request's frames in an uninstrumented library (cpp-httplib) would be read
// as out of bounds. LeakSanitizer looks for pointers on the stack while a fiber has it.
#ifdef LL_FIBER_ASAN
void stack_taken(const context::stack_context& s) {
    __asan_unpoison_memory_region(bottom_of(s), s.size);
    __lsan_register_root_region(bottom_of(s), s.size);
}
void stack_given_back(const context::stack_context& s) { __lsan_unregister_root_region(bottom_of(s), s.size); }
#else
void stack_taken(const context::stack_context&) {}
void stack_given_back(const context::stack_context&) {}
#endif

// The host's stacks, kept for the next fiber: mapping 8 MB and faulting its first pages in again
// for every request would cost more than the fiber saves.
class PooledStack {
public:
    explicit PooledStack(FiberHost::State& host) : host_(&host) {}
    context::stack_context allocate() {
        context::stack_context s;
        if (host_->free_stacks.empty()) {
            s = context::protected_fixedsize_stack(fiber_stack_size).allocate();
        } else {
            s = host_->free_stacks.back();
            host_->free_stacks.pop_back();
        }
        stack_taken(s);
        return s;
    }
    void deallocate(context::stack_context& s) noexcept {
        stack_given_back(s);
        host_->free_stacks.push_back(s);
    }

private:
    FiberHost::State* host_;
};

}  // namespace

RequestFiber* current_fiber() { return running_fiber; }

void suspend_fiber(RequestFiber& f) {
    switching_to(f.host.sanitizer);
    asan_leaving_for(&f.fake_stack, f.host.stack);
    f.back = std::move(f.back).resume();
    asan_arrived(f.fake_stack, &f.host.stack);
}

void resume_fiber(RequestFiber& f) {
    FiberHost::State& host = f.host;
    std::lock_guard lock(host.mutex);
    host.resumed.push_back(&f);
    host.wake();
}

bool await_fd(RequestFiber& f, int fd, short events, int timeout_ms) {
    f.fd = fd;
    f.events = events;
    f.deadline = FiberClock::now() + std::chrono::milliseconds(timeout_ms);
    f.ready = false;
    f.host.watching.push_back(&f);  // on the host's thread: the fiber runs there
    suspend_fiber(f);
    return f.ready;
}

void run_aside(const std::function<void()>& work) {
    RequestFiber* fiber = current_fiber();
    if (!fiber) return work();
    std::thread aside([&] {
        work();
        resume_fiber(*fiber);
    });
    suspend_fiber(*fiber);
    aside.join();  // ending already: it resumed this fiber as its last step
}

FiberHost::FiberHost(std::function<void(void*)> serve) : state_(std::make_unique<State>()) {
    state_->serve = std::move(serve);
    state_->thread = std::thread([s = state_.get()] { s->run(); });
}

FiberHost::~FiberHost() {
    stop();
    for (auto& s : state_->free_stacks) context::protected_fixedsize_stack(fiber_stack_size).deallocate(s);
    ::close(state_->wake_fd);
}

void FiberHost::post(void* item) {
    std::lock_guard lock(state_->mutex);
    state_->arrived.push_back(item);
    state_->wake();
}

void FiberHost::stop() {
    {
        std::lock_guard lock(state_->mutex);
        state_->stopping = true;
        state_->wake();
    }
    if (state_->thread.joinable()) state_->thread.join();
}

void FiberHost::State::wake() {
    if (!std::exchange(sleeping, false)) return;  // busy: it looks at its lists before it sleeps
    const std::uint64_t one = 1;
    (void)!::write(wake_fd, &one, sizeof one);
}

void FiberHost::State::run() {
    sanitizer = this_sanitizer_fiber();
    [[maybe_unused]] ScannedThreadStack scanned;
    for (;;) {
        std::deque<void*> arriving;
        std::vector<RequestFiber*> resuming;
        bool idle;
        {
            std::lock_guard lock(mutex);
            arriving.swap(arrived);
            resuming.swap(resumed);
            idle = arriving.empty() && resuming.empty();
            if (idle && stopping && live == 0) return;
            sleeping = idle;
        }
        if (idle || !watching.empty()) poll_watched(idle);
        for (void* item : arriving) start(item);
        for (RequestFiber* f : resuming) switch_to(*f);
    }
}

void FiberHost::State::start(void* item) {
    auto* f = new RequestFiber(*this);
    PooledStack stacks(*this);
    context::stack_context stack = stacks.allocate();
    f->stack = {bottom_of(stack), stack.size};
    f->self = context::fiber(std::allocator_arg, context::preallocated(stack.sp, stack.size, stack), stacks,
                             [this, f, item](context::fiber&& host) {
                                 asan_arrived(nullptr, &this->stack);
                                 f->back = std::move(host);
                                 serve(item);
                                 f->finished = true;
                                 switching_to(sanitizer);
                                 asan_leaving_for(nullptr, this->stack);
                                 return std::move(f->back);
                             });
    ++live;
    switch_to(*f);
}

void FiberHost::State::switch_to(RequestFiber& f) {
    running_fiber = &f;
    switching_to(f.sanitizer);
    void* fake_stack = nullptr;
    asan_leaving_for(&fake_stack, f.stack);
    f.self = std::move(f.self).resume();
    StackBounds fiber_stack;
    asan_arrived(fake_stack, &fiber_stack);
    running_fiber = nullptr;
    if (!f.finished) return;
    --live;
    sanitizer_fiber_ended(f.sanitizer);
    delete &f;
}

// The fibers waiting for their sockets, polled with the wake-up: blocking when nothing else is
// to be done, else only looked at. Those ready or past their time run again.
void FiberHost::State::poll_watched(bool block) {
    std::vector<pollfd> fds{{wake_fd, POLLIN, 0}};
    auto first_deadline = FiberClock::time_point::max();
    for (RequestFiber* f : watching) {
        fds.push_back({f->fd, f->events, 0});
        first_deadline = std::min(first_deadline, f->deadline);
    }
    int timeout = 0;
    if (block && watching.empty()) timeout = -1;
    else if (block) timeout = static_cast<int>(std::max<std::int64_t>(
        0, std::chrono::ceil<std::chrono::milliseconds>(first_deadline - FiberClock::now()).count()));
    while (::poll(fds.data(), fds.size(), timeout) < 0 && errno == EINTR) {}
    {
        std::lock_guard lock(mutex);
        sleeping = false;
    }
    if (fds[0].revents & POLLIN) {
        std::uint64_t wakes;
        (void)!::read(wake_fd, &wakes, sizeof wakes);
    }
    const auto now = FiberClock::now();
    std::vector<RequestFiber*> due, still;
    for (std::size_t i = 0; i < watching.size(); ++i) {
        RequestFiber* f = watching[i];
        f->ready = (fds[i + 1].revents & f->events) != 0;
        const bool failed = fds[i + 1].revents & (POLLERR | POLLHUP | POLLNVAL);
        (f->ready || failed || now >= f->deadline ? due : still).push_back(f);
    }
    watching.swap(still);
    for (RequestFiber* f : due) switch_to(*f);
}

}  // namespace ll::server
