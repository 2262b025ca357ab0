// libcurl speaks SMTP for us (Debian's libcurl4-openssl-dev): envelope, dot-stuffing, STARTTLS and
// login; this file only writes the message and reads it out to curl.
#include "smtp_mailer.h"

#include <curl/curl.h>
#include <sodium.h>

#include <cstring>
#include <ctime>
#include <mutex>

#include "auth.h"

namespace ll::server {
namespace {

std::string base64(const std::string& data) {
    std::string out(sodium_base64_encoded_len(data.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}

// RFC 2047: the subject as one encoded word per 45 bytes, cut between UTF-8 characters.
std::string encoded_header(const std::string& text) {
    std::string out;
    for (size_t at = 0; at < text.size();) {
        size_t n = std::min<size_t>(45, text.size() - at);
        while (at + n < text.size() && (static_cast<unsigned char>(text[at + n]) & 0xC0) == 0x80) --n;
        out += (out.empty() ? "" : "\r\n ") + std::string("=?UTF-8?B?") + base64(text.substr(at, n)) + "?=";
        at += n;
    }
    return out;
}

std::string mail_date(std::int64_t now) {
    const std::time_t t = static_cast<std::time_t>(now);
    std::tm tm{};
    gmtime_r(&t, &tm);
    static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
                  tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buf;
}

// The body as base64 in lines of 76: any text, any line length, no dot or CR question.
std::string body_lines(const std::string& body) {
    std::string text;
    for (size_t i = 0; i < body.size(); ++i) {  // LF to CRLF, as text/plain wants
        if (body[i] == '\n' && (i == 0 || body[i - 1] != '\r')) text += '\r';
        text += body[i];
    }
    const std::string encoded = base64(text);
    std::string out;
    for (size_t i = 0; i < encoded.size(); i += 76) out += encoded.substr(i, 76) + "\r\n";
    return out;
}

struct Reader {
    const std::string& text;
    size_t at = 0;
};

size_t read_message(char* buffer, size_t size, size_t count, void* user) {
    auto* r = static_cast<Reader*>(user);
    const size_t n = std::min(size * count, r->text.size() - r->at);
    std::memcpy(buffer, r->text.data() + r->at, n);
    r->at += n;
    return n;
}

}  // namespace

bool is_mail_address(const std::string& a) {
    const auto at = a.find('@');
    if (a.size() > 254 || at == std::string::npos || at == 0 || at + 1 >= a.size() || a.find('@', at + 1) != std::string::npos) return false;
    for (unsigned char c : a)
        if (c <= ' ' || c == '<' || c == '>' || c == '(' || c == ')' || c == ',' || c == ';' || c == '"' || c == '\\' || c == 0x7f) return false;
    return a.find('.', at) != std::string::npos;
}

Result<std::string> mail_message(const SmtpSettings& smtp, const Mail& mail, std::int64_t now) {
    if (!is_mail_address(mail.to)) return make_error("invalid_address", "not an e-mail address", "to");
    if (!is_mail_address(smtp.from)) return make_error("invalid_address", "not an e-mail address", "from");
    const std::string domain = smtp.from.substr(smtp.from.find('@') + 1);
    return "Date: " + mail_date(now) + "\r\n" +
           "From: learnledger <" + smtp.from + ">\r\n" +
           "To: <" + mail.to + ">\r\n" +
           "Message-ID: <" + random_token().substr(0, 24) + "@" + domain + ">\r\n" +
           "Subject: " + encoded_header(mail.subject) + "\r\n" +
           "MIME-Version: 1.0\r\n"
           "Content-Type: text/plain; charset=UTF-8\r\n"
           "Content-Transfer-Encoding: base64\r\n"
           "Auto-Submitted: auto-generated\r\n"
           "\r\n" +
           body_lines(mail.body);
}

Result<bool> send_mail(const SmtpSettings& smtp, const Mail& mail, std::int64_t now) {
    static std::once_flag curl_ready;
    std::call_once(curl_ready, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    auto message = mail_message(smtp, mail, now);
    if (!message) return message.error();
    CURL* curl = curl_easy_init();
    if (!curl) return make_error("mail_failed", "could not start a mail transfer");
    Reader reader{*message};
    const std::string from = "<" + smtp.from + ">", to = "<" + mail.to + ">";
    curl_slist* recipients = curl_slist_append(nullptr, to.c_str());
    char error[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(curl, CURLOPT_URL, smtp.url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_message);
    curl_easy_setopt(curl, CURLOPT_READDATA, &reader);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, smtp.timeout_seconds);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // called from server threads
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    if (!smtp.user.empty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, smtp.user.c_str());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, smtp.password.c_str());
    }
    const CURLcode sent = curl_easy_perform(curl);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    if (sent == CURLE_OK) return true;
    const bool unreachable = sent == CURLE_COULDNT_RESOLVE_HOST || sent == CURLE_COULDNT_CONNECT || sent == CURLE_OPERATION_TIMEDOUT ||
                             sent == CURLE_SEND_ERROR || sent == CURLE_RECV_ERROR || sent == CURLE_GOT_NOTHING ||
                             sent == CURLE_SSL_CONNECT_ERROR || sent == CURLE_LOGIN_DENIED;
    return make_error(unreachable ? "mail_server_unreachable" : "mail_failed", error[0] ? error : curl_easy_strerror(sent));
}

}  // namespace ll::server
