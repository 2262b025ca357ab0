// Fiber hosts in process: each item on a fiber of its own, a waiting fiber lending the thread to the
// next, resumes from other threads (also early), socket waits, work run aside, and stopping.
#include <doctest/doctest.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "request_fiber.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LL_TEST_ASAN 1
#include <sanitizer/asan_interface.h>
#endif
#endif

using namespace ll::server;

namespace {

// What the fibers did, in order, from whichever thread.
struct Journal {
    std::mutex mutex;
    std::vector<std::string> lines;
    void add(const std::string& line) {
        std::lock_guard lock(mutex);
        lines.push_back(line);
    }
    std::vector<std::string> read() {
        std::lock_guard lock(mutex);
        return lines;
    }
};

template <typename Predicate>
bool eventually(Predicate done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!done() && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return done();
}

struct SocketPair {
    int fd[2] = {-1, -1};
    SocketPair() { REQUIRE(socketpair(AF_UNIX, SOCK_STREAM, 0, fd) == 0); }
    ~SocketPair() {
        ::close(fd[0]);
        ::close(fd[1]);
    }
};

}  // namespace

TEST_CASE("a fiber host runs each item on a fiber; one waiting lends the thread to the next until resumed") {
    Journal journal;
    std::atomic<RequestFiber*> waiting{nullptr};
    std::thread::id first_thread, second_thread;
    CHECK(current_fiber() == nullptr);
    {
        FiberHost host([&](void* item) {
            const std::string name = static_cast<const char*>(item);
            RequestFiber* me = current_fiber();
            CHECK(me != nullptr);
            if (!me) return;
            (name == "first" ? first_thread : second_thread) = std::this_thread::get_id();
            journal.add(name + " starts");
            if (name == "first") {
                waiting = me;
                suspend_fiber(*me);
                CHECK(current_fiber() == me);
            }
            journal.add(name + " ends");
        });
        host.post(const_cast<char*>("first"));
        REQUIRE(eventually([&] { return waiting.load() != nullptr; }));
        host.post(const_cast<char*>("second"));
        REQUIRE(eventually([&] { return journal.read().size() == 3; }));
        // Resumed from another thread than the host's.
        std::thread([&] { resume_fiber(*waiting.load()); }).join();
        host.stop();
    }
    CHECK(journal.read() == std::vector<std::string>{"first starts", "second starts", "second ends", "first ends"});
    CHECK(first_thread == second_thread);
    CHECK(first_thread != std::this_thread::get_id());
}

TEST_CASE("a fiber resumed before it suspends is not lost, and stop waits for it") {
    std::atomic<bool> ended{false};
    FiberHost host([&](void*) {
        RequestFiber* me = current_fiber();
        std::thread([me] { resume_fiber(*me); }).join();  // done before the fiber waits
        suspend_fiber(*me);
        ended = true;
    });
    host.post(nullptr);
    host.stop();
    CHECK(ended);
}

TEST_CASE("a fiber waits for its socket without holding the thread, and stops waiting at its time") {
    SocketPair ready_later, never_ready;
    std::promise<bool> readable, timed_out;
    std::atomic<int> others{0};
    FiberHost host([&](void* item) {
        RequestFiber* me = current_fiber();
        const std::string kind = static_cast<const char*>(item);
        if (kind == "reads") readable.set_value(await_fd(*me, ready_later.fd[0], POLLIN, 10000));
        else if (kind == "times out") timed_out.set_value(await_fd(*me, never_ready.fd[0], POLLIN, 50));
        else ++others;
    });
    host.post(const_cast<char*>("reads"));
    host.post(const_cast<char*>("times out"));
    for (int i = 0; i < 5; ++i) host.post(const_cast<char*>("other"));
    CHECK(eventually([&] { return others == 5; }));  // answered while both wait
    auto late = timed_out.get_future();
    CHECK_FALSE(late.get());
    auto ready = readable.get_future();
    CHECK(ready.wait_for(std::chrono::milliseconds(0)) == std::future_status::timeout);
    REQUIRE(::write(ready_later.fd[1], "x", 1) == 1);
    CHECK(ready.get());
    host.stop();
}

TEST_CASE("work run aside leaves the host's thread to other fibers; without a fiber it runs at once") {
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    std::atomic<bool> aside_done{false}, other_done{false};
    std::thread::id aside_thread, host_thread;
    FiberHost host([&](void* item) {
        host_thread = std::this_thread::get_id();
        if (item) {
            run_aside([&] {
                aside_thread = std::this_thread::get_id();
                released.wait();  // holds until the other fiber has run
            });
            aside_done = true;
        } else {
            other_done = true;
        }
    });
    host.post(&host);
    host.post(nullptr);
    CHECK(eventually([&] { return other_done.load(); }));
    CHECK_FALSE(aside_done);
    release.set_value();
    CHECK(eventually([&] { return aside_done.load(); }));
    host.stop();
    CHECK(aside_thread != host_thread);

    std::thread::id ran_on;
    run_aside([&] { ran_on = std::this_thread::get_id(); });
    CHECK(ran_on == std::this_thread::get_id());
}

#ifdef LL_TEST_ASAN
// A fiber never returns from its last frames, so their marks stay on its stack; on the next fiber's
// stack they would make an uninstrumented library's locals there read as out of bounds.
TEST_CASE("under AddressSanitizer, a fiber's stack starts clean, whatever the fiber before it left marked") {
    static char first[] = "first", second[] = "second";
    std::atomic<char*> mark{nullptr};
    std::atomic<char*> second_frame{nullptr};
    std::atomic<bool> clean{false};
    std::atomic<int> done{0};
    {
        FiberHost host([&](void* item) {
            char* frame = static_cast<char*>(__builtin_frame_address(0));
            if (item == first) {
                mark = frame - 512 * 1024;  // deep in the 8 MB, below any frame of this call
                ASAN_POISON_MEMORY_REGION(mark.load(), 64);
            } else {
                second_frame = frame;
                clean = !__asan_address_is_poisoned(mark.load());
            }
            ++done;
        });
        host.post(first);
        REQUIRE(eventually([&] { return done == 1; }));
        host.post(second);
        REQUIRE(eventually([&] { return done == 2; }));
        host.stop();
    }
    // The same stack, taken again from the host's pool.
    REQUIRE(second_frame.load() - mark.load() == 512 * 1024);
    CHECK(clean);
}
#endif
