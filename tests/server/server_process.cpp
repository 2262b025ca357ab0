// posix_spawn-based process control; stdout/stderr captured through pipes.
#include "server_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

extern char** environ;

namespace ll::test {
namespace {

pid_t spawn(const std::vector<std::string>& args, int out_fd, int err_fd, int in_fd = -1) {
    std::vector<std::string> full{LL_SERVER_BINARY};
    full.insert(full.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : full) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    if (in_fd >= 0) posix_spawn_file_actions_adddup2(&fa, in_fd, 0);
    posix_spawn_file_actions_adddup2(&fa, out_fd, 1);
    posix_spawn_file_actions_adddup2(&fa, err_fd, 2);
    pid_t pid = -1;
    if (posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ) != 0) pid = -1;
    posix_spawn_file_actions_destroy(&fa);
    return pid;
}

std::string read_all(int fd) {
    std::string s;
    char buf[4096];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) s.append(buf, static_cast<size_t>(n));
    return s;
}

}  // namespace

CommandResult run_learnledger(const std::vector<std::string>& args, const std::string& input) {
    TempDir tmp;
    tmp.write("in", input);
    int in = open(tmp.file("in").c_str(), O_RDONLY);
    int out = open(tmp.file("out").c_str(), O_CREAT | O_RDWR | O_TRUNC, 0600);
    int err = open(tmp.file("err").c_str(), O_CREAT | O_RDWR | O_TRUNC, 0600);
    CommandResult r;
    pid_t pid = spawn(args, out, err, in);
    close(in);
    int status = 0;
    if (pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
    lseek(out, 0, SEEK_SET);
    lseek(err, 0, SEEK_SET);
    r.out = read_all(out);
    r.err = read_all(err);
    close(out);
    close(err);
    return r;
}

TempDir::TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "learnledger-test-XXXXXX").string();
    path_ = mkdtemp(tmpl.data()) ? tmpl : "";
}

TempDir::~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
}

void TempDir::write(const std::string& name, const std::string& content) const {
    std::ofstream(file(name), std::ios::binary) << content;
}

ServerProcess::ServerProcess(const std::string& db, const std::vector<std::string>& extra, const std::string& log_file) {
    int out[2];
    if (pipe(out) != 0) return;
    std::vector<std::string> args{"serve", "--db", db, "--port", "0"};
    args.insert(args.end(), extra.begin(), extra.end());
    // The reminder timer writes notifications at start: off unless a test asks for it, so that
    // "nothing was written" checks see only what the test did.
    if (std::find(extra.begin(), extra.end(), "--reminders-every") == extra.end()) args.insert(args.end(), {"--reminders-every", "0"});
    int devnull = log_file.empty() ? open("/dev/null", O_WRONLY) : open(log_file.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0600);
    pid_ = spawn(args, out[1], devnull);
    close(out[1]);
    close(devnull);
    // The first line is "listening on http://127.0.0.1:PORT"; read it byte by byte.
    std::string line;
    char c;
    while (read(out[0], &c, 1) == 1 && c != '\n') line += c;
    close(out[0]);
    auto colon = line.rfind(':');
    if (line.rfind("listening on ", 0) == 0 && colon != std::string::npos) port_ = std::atoi(line.c_str() + colon + 1);
}

void ServerProcess::kill_hard() {
    if (pid_ <= 0) return;
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
}

int ServerProcess::terminate() {
    if (pid_ <= 0) return -1;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

ServerProcess::~ServerProcess() { terminate(); }

}  // namespace ll::test
