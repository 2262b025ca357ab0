// Implementation of JsonReader: the single gate through which outside JSON enters the core.
// Never calls json accessors that could throw (exceptions are off in the wasm build).
#include "json_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ll {

using nlohmann::json;

Result<json> parse_json(std::string_view text) {
    json j = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return make_error("malformed_json", "the body is not valid JSON");
    return j;
}

JsonReader::JsonReader(const json& object, std::string path) : object_(object), path_(std::move(path)) {
    known_.reserve(32);
    if (!object_.is_object()) fail(make_error("wrong_type", "expected a JSON object", path_));
}

std::string JsonReader::field_path(std::string_view key) const {
    if (path_.empty()) return std::string(key);
    return path_ + "." + std::string(key);
}

void JsonReader::fail(Error e) {
    if (!error_) error_ = std::move(e);
}

const json* JsonReader::find(const char* key, bool required) {
    // Looked up as a view: with a `const char*`, every comparison in the map measured the key again.
    const std::string_view name(key);
    known_.push_back(name);
    if (error_) return nullptr;
    auto it = object_.find(name);
    if (it == object_.end() || it->is_null()) {
        if (required) fail(make_error("missing_field", "this field is required", field_path(key)));
        return nullptr;
    }
    return &*it;
}

std::optional<std::int64_t> JsonReader::integer(const char* key, bool required, std::int64_t min, std::int64_t max) {
    const json* v = find(key, required);
    if (!v) return std::nullopt;
    std::int64_t out = 0;
    if (v->is_number_integer()) {
        out = v->is_number_unsigned() && v->get<std::uint64_t>() > INT64_MAX ? INT64_MAX : v->get<std::int64_t>();
    } else if (v->is_number_float() && std::isfinite(v->get<double>()) && v->get<double>() == std::trunc(v->get<double>()) &&
               std::fabs(v->get<double>()) < 9e15) {
        out = static_cast<std::int64_t>(v->get<double>());
    } else {
        fail(make_error("wrong_type", "expected a whole number", field_path(key)));
        return std::nullopt;
    }
    if (out < min || out > max) {
        fail(make_error("out_of_range",
                        "must be between " + std::to_string(min) + " and " + std::to_string(max), field_path(key)));
        return std::nullopt;
    }
    return out;
}

std::optional<std::string> JsonReader::string(const char* key, bool required, size_t max_length) {
    const json* v = find(key, required);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
        fail(make_error("wrong_type", "expected a string", field_path(key)));
        return std::nullopt;
    }
    const auto& s = v->get_ref<const std::string&>();
    if (s.size() > max_length) {
        fail(make_error("too_long", "at most " + std::to_string(max_length) + " bytes", field_path(key)));
        return std::nullopt;
    }
    return s;
}

std::optional<CivilDate> JsonReader::date(const char* key, bool required) {
    const json* v = find(key, required);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
        fail(make_error("invalid_date", "expected a date as YYYY-MM-DD", field_path(key)));
        return std::nullopt;
    }
    auto d = CivilDate::parse(v->get_ref<const std::string&>());
    if (!d) {
        Error e = d.error();
        e.field = field_path(key);  // built only for an error: most dates are valid
        fail(std::move(e));
        return std::nullopt;
    }
    return *d;
}

std::optional<bool> JsonReader::boolean(const char* key, bool required) {
    const json* v = find(key, required);
    if (!v) return std::nullopt;
    if (!v->is_boolean()) {
        fail(make_error("wrong_type", "expected true or false", field_path(key)));
        return std::nullopt;
    }
    return v->get<bool>();
}

std::optional<Rational> json_to_rational(const json& value) {
    if (value.is_number_integer()) {
        if (value.is_number_unsigned() && value.get<std::uint64_t>() > INT64_MAX) return std::nullopt;
        return Rational(value.get<std::int64_t>());
    }
    if (value.is_number_float()) {
        double d = value.get<double>();
        if (!std::isfinite(d) || std::fabs(d) > 1e9) return std::nullopt;
        // JSON numbers arrive as doubles; the shortest 9-decimal text recovers what was typed (0.8).
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.9f", d);
        std::string s = buf;
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
        return Rational::parse_decimal(s);
    }
    if (value.is_string()) {
        const auto& s = value.get_ref<const std::string&>();
        auto slash = s.find('/');
        if (slash == std::string::npos) return Rational::parse_decimal(s);
        auto n = Rational::parse_decimal(std::string_view(s).substr(0, slash));
        auto d = Rational::parse_decimal(std::string_view(s).substr(slash + 1));
        if (!n || !d || n->den() != 1 || d->den() != 1) return std::nullopt;
        return Rational::make(n->num(), d->num());
    }
    return std::nullopt;
}

std::optional<Rational> JsonReader::rational(const char* key, bool required, Rational min, Rational max,
                                             bool min_exclusive) {
    const json* v = find(key, required);
    if (!v) return std::nullopt;
    auto r = json_to_rational(*v);
    if (!r) {
        fail(make_error("wrong_type", "expected a number", field_path(key)));
        return std::nullopt;
    }
    bool below = min_exclusive ? *r <= min : *r < min;
    if (below || *r > max) {
        fail(make_error("out_of_range",
                        std::string("must be ") + (min_exclusive ? "above " : "at least ") + min.to_decimal(4) +
                            " and at most " + max.to_decimal(4),
                        field_path(key)));
        return std::nullopt;
    }
    return r;
}

const json* JsonReader::member(const char* key, bool required, json::value_t type) {
    const json* v = find(key, required);
    if (!v) return nullptr;
    if (v->type() != type) {
        fail(make_error("wrong_type", type == json::value_t::array ? "expected a list" : "expected an object",
                        field_path(key)));
        return nullptr;
    }
    return v;
}

void JsonReader::reject_unknown_fields() {
    if (error_ || !object_.is_object()) return;
    for (auto it = object_.begin(); it != object_.end(); ++it) {
        if (std::find(known_.begin(), known_.end(), it.key()) == known_.end()) {
            fail(make_error("unknown_field", "this field is not part of the format", field_path(it.key())));
            return;
        }
    }
}

}  // namespace ll
