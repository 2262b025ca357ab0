// WireConnection: blocking loopback sockets with a receive timeout, so a server that never
// answers fails the test instead of hanging it.
#include "wire_connection.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <utility>

namespace ll::test {

WireConnection::WireConnection(int port, int timeout_seconds) : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    timeval timeout{timeout_seconds, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
}

WireConnection::~WireConnection() { close(fd_); }

// A server that closed the connection makes this false, not the test's end by SIGPIPE.
bool WireConnection::send(const std::string& bytes) {
    return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size());
}

void WireConnection::finish_sending() { shutdown(fd_, SHUT_WR); }

std::string WireConnection::answer() {
    std::size_t head_end;
    while ((head_end = pending_.find("\r\n\r\n")) == std::string::npos)
        if (!receive()) return "";
    std::size_t length = 0;
    if (auto at = pending_.find("Content-Length: "); at != std::string::npos && at < head_end) length = std::stoul(pending_.substr(at + 16));
    while (pending_.size() < head_end + 4 + length)
        if (!receive()) return "";
    std::string whole = pending_.substr(0, head_end + 4 + length);
    pending_.erase(0, whole.size());
    return whole;
}

std::string WireConnection::received_until_closed() {
    while (receive()) {}
    return std::exchange(pending_, std::string());
}

bool WireConnection::closed_by_server() {
    received_until_closed();
    return errno_after_read_ == 0;
}

bool WireConnection::receive() {
    char buf[16384];
    const ssize_t n = read(fd_, buf, sizeof buf);
    errno_after_read_ = n < 0 ? errno : 0;
    if (n <= 0) return false;
    pending_.append(buf, static_cast<std::size_t>(n));
    return true;
}

}  // namespace ll::test
