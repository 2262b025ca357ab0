// Runs the real learnledger binary for tests: a temporary folder and database, `serve` on a
// free loopback port (read from its first line of output), stopped and cleaned up on scope exit.
#pragma once
#include <string>
#include <vector>

#include <sys/types.h>

namespace ll::test {

struct CommandResult {
    int exit_code = -1;
    std::string out, err;
};

// Runs the learnledger binary with `args` to completion, `input` on its stdin.
CommandResult run_learnledger(const std::vector<std::string>& args, const std::string& input = "");

class TempDir {
public:
    TempDir();
    ~TempDir();
    const std::string& path() const { return path_; }
    std::string file(const std::string& name) const { return path_ + "/" + name; }
    void write(const std::string& name, const std::string& content) const;

private:
    std::string path_;
};

class ServerProcess {
public:
    // Starts `serve --db <db> --port 0 [extra...]` and waits until it listens; its log (stderr) goes
    // to `log_file` when one is named.
    ServerProcess(const std::string& db, const std::vector<std::string>& extra = {}, const std::string& log_file = "");
    ~ServerProcess();
    int port() const { return port_; }
    bool running() const { return port_ > 0; }
    pid_t pid() const { return pid_; }
    void kill_hard();  // SIGKILL, as a crash or power loss would
    int terminate();   // SIGTERM, as a service manager stops it; its exit code (128 + signal if killed)

private:
    pid_t pid_ = -1;
    int port_ = -1;
};

}  // namespace ll::test
