// A raw loopback connection for tests that speak HTTP byte by byte: slow, partial, pipelined or
// abandoned requests, as a browser, a phone on a train or an attacker would send them.
#pragma once

#include <string>

namespace ll::test {

class WireConnection {
public:
    // `timeout_seconds`: how long a read waits before the test gives up on the server.
    explicit WireConnection(int port, int timeout_seconds = 15);
    ~WireConnection();
    WireConnection(const WireConnection&) = delete;
    WireConnection& operator=(const WireConnection&) = delete;

    bool connected() const { return connected_; }
    bool send(const std::string& bytes);
    void finish_sending();
    // The next answer's status line, headers and body (by its Content-Length); "" when the server
    // closed the connection (or said nothing for the timeout) first.
    std::string answer();
    // Everything the server sends until it closes the connection (or says nothing for the timeout).
    std::string received_until_closed();
    // Whether the server closed the connection (everything it sent before is read and dropped).
    bool closed_by_server();

private:
    bool receive();

    int fd_;
    bool connected_ = false;
    std::string pending_;
    int errno_after_read_ = 0;
};

}  // namespace ll::test
