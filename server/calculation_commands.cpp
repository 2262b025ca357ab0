// I/O around the core's calculation requests: read stdin (bounded), load the rule set named in
// the request (a file the user gave) or the shipped one, print the answer.
#include "calculation_commands.h"

#include <fstream>
#include <sstream>
#include <string>

#include "calculation_request.h"
#include "shipped_rules.h"

namespace ll::server {
namespace {

constexpr size_t max_input_bytes = 64u << 20;

std::optional<std::string> read_all(std::FILE* in) {
    std::string text;
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, in)) > 0) {
        text.append(buf, n);
        if (text.size() > max_input_bytes) return std::nullopt;
    }
    return text;
}

int bad_input(std::FILE* err, const Error& e) {
    std::fprintf(err, "learnledger: %s%s%s\n", e.field.c_str(), e.field.empty() ? "" : ": ", e.message.c_str());
    return 2;
}

Result<RuleSet> rules_for(const std::optional<std::string>& path) {
    if (!path) return shipped::belgian_rule_set();
    std::ifstream file(*path, std::ios::binary);
    if (!file) return make_error("not_found", "cannot read the rule-set file", "rules");
    std::ostringstream text;
    text << file.rdbuf();
    return load_rule_set(text.str(), *path);
}

template <class Request, class Parse, class Answer>
int run(std::FILE* in, std::FILE* out, std::FILE* err, Parse parse, Answer answer) {
    auto text = read_all(in);
    if (!text) return bad_input(err, make_error("too_large", "the input is larger than 64 MB"));
    Result<Request> request = parse(*text);
    if (!request) return bad_input(err, request.error());
    auto rules = rules_for(request->rules_path);
    if (!rules) return bad_input(err, rules.error());
    auto result = answer(*rules, *request);
    if (!result) return bad_input(err, result.error());
    std::fprintf(out, "%s\n", result->dump().c_str());
    return 0;
}

}  // namespace

int run_entitlement_command(std::FILE* in, std::FILE* out, std::FILE* err) {
    return run<EntitlementRequest>(in, out, err, parse_entitlement_request, answer_entitlement_request);
}

int run_balance_command(std::FILE* in, std::FILE* out, std::FILE* err) {
    return run<BalanceRequest>(in, out, err, parse_balance_request, answer_balance_request);
}

}  // namespace ll::server
