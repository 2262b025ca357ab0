// Result<T>: a value or an Error naming the field at fault; the core API returns these, never throws.
// Error codes are stable strings shared with the wire format ({"error":{"code","message","field"}}).
#pragma once
#include <string>
#include <utility>
#include <variant>

namespace ll {

struct Error {
    std::string code;     // machine-readable, e.g. "invalid_date"
    std::string message;  // one line for people; never contains personal identifiers
    std::string field;    // the input field at fault, dotted path ("employment[0].start"), may be empty
};

template <class T>
class Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<0>(v_); }
    T& value() & { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }
    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

inline Error make_error(std::string code, std::string message, std::string field = {}) {
    return Error{std::move(code), std::move(message), std::move(field)};
}

// Prefixes a nested field path so errors from inner parsers name the full location.
inline Error at_field(Error e, const std::string& prefix) {
    e.field = e.field.empty() ? prefix : prefix + (e.field.front() == '[' ? "" : ".") + e.field;
    return e;
}

}  // namespace ll
