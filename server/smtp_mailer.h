// Sending mail over SMTP with libcurl: one plain-text message (UTF-8) to one address. The message
// is built here (RFC 5322 headers, encoded subject, base64 body), so no input can add a header.
#pragma once
#include <cstdint>
#include <string>

#include "result.h"

namespace ll::server {

struct SmtpSettings {
    std::string url;   // smtp://host:port (STARTTLS when offered) or smtps://host:port; empty: no mail
    std::string from;  // the sender address
    std::string user, password;  // when the server asks for a login
    long timeout_seconds = 30;
};

struct Mail {
    std::string to, subject, body;
};

// The message as it goes over the wire (CRLF lines); `now` (unix seconds) dates it.
Result<std::string> mail_message(const SmtpSettings& smtp, const Mail& mail, std::int64_t now);
// Sends it; errors name the field at fault ("to") or carry the SMTP server's refusal. The code is
// `mail_server_unreachable` when no mail could go now (no connection, no answer in time, the login
// refused), else `mail_failed` (this message or address refused).
Result<bool> send_mail(const SmtpSettings& smtp, const Mail& mail, std::int64_t now);

// A plausible address: something@domain, no spaces, brackets or line breaks.
bool is_mail_address(const std::string& address);

}  // namespace ll::server
