// learnledger command line: `serve` runs the HTTP server, `seed-demo` creates demo data,
// `entitlement` and `balance` compute figures from JSON on stdin.
// Every command prints one-line errors to stderr and exits 2 on bad usage or input.

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <map>
#include <string>
#include <vector>

#include <httplib.h>

#include "calculation_commands.h"
#include "demo_data.h"
#include "sqlite_backup.h"
#include "http_api.h"
#include "event_loop_server.h"
#include "reminder_run.h"
#include "shipped_rules.h"
#include "static_files.h"
#include "store.h"

namespace {

using namespace ll;
using namespace ll::server;

constexpr const char* usage =
    "usage: learnledger <command> [options]\n"
    "  serve      --db PATH [--port N (8080; 0 = any free port)] [--host ADDR (127.0.0.1)] [--web DIR]\n"
    "             [--session-idle-seconds N (604800)] [--session-max-seconds N (2592000)] [--secure-cookies true|false]\n"
    "             [--threads N (4): reads answered at once] [--read-only true|false: refuse every change]\n"
    "             [--fiber-threads N (2): threads answering changes with JSON bodies on fibers; 0: 16 threads, one change each]\n"
    "             [--request-buffers-mb N (64): memory for requests still arriving, all together; past it slow senders get 503]\n"
    "             [--retention-years N (5): after a worker left, before HR may erase their personal data]\n"
    "             [--reminders-every N (3600 seconds; 0: only when HR runs them)] [--app-url URL (ends reminder mails)]\n"
    "             [--smtp-url smtp://HOST:PORT] [--mail-from ADDRESS] [--smtp-user NAME] (password: LL_SMTP_PASSWORD)\n"
    "  seed-demo  --db PATH\n"
    "  backup     --db PATH --to FILE   (a consistent copy, also while the server runs)\n"
    "  restore    --from FILE --db PATH (stop the server first)\n"
    "  entitlement   one JSON case on stdin -> the entitlement of a year on stdout\n"
    "  balance       one JSON ledger on stdin -> balances per year, lots and explanations on stdout\n";

// Options as --name value pairs; unknown options are refused so typos do not pass silently.
struct Options {
    std::map<std::string, std::string> values;
    std::string error;

    static Options parse(int argc, char** argv, int first, const std::vector<std::string>& allowed) {
        Options o;
        for (int i = first; i < argc; i += 2) {
            std::string name = argv[i];
            bool known = false;
            for (const auto& a : allowed) known = known || name == "--" + a;
            if (!known) {
                o.error = "unknown option " + name;
                return o;
            }
            if (i + 1 >= argc) {
                o.error = name + " needs a value";
                return o;
            }
            o.values[name.substr(2)] = argv[i + 1];
        }
        return o;
    }
    std::string get(const std::string& name, const std::string& fallback = "") const {
        auto it = values.find(name);
        return it == values.end() ? fallback : it->second;
    }
};

int fail(const std::string& message, int code = 2) {
    std::fprintf(stderr, "learnledger: %s\n", message.c_str());
    return code;
}

Result<std::unique_ptr<Store>> open_store(const Options& o) {
    std::string db = o.get("db");
    if (db.empty()) return make_error("missing_field", "--db PATH is required", "--db");
    return open_sqlite_store(db, o.get("read-only") == "true");
}

EventLoopServer* running_server = nullptr;

void stop_on_signal(int) {
    if (running_server) running_server->stop();
}

int serve(int argc, char** argv) {
    Options o = Options::parse(argc, argv, 2, {"db", "port", "host", "web", "session-idle-seconds", "session-max-seconds", "secure-cookies", "threads", "fiber-threads", "request-buffers-mb", "read-only", "retention-years",
                                                   "reminders-every", "app-url", "smtp-url", "mail-from", "smtp-user"});
    if (!o.error.empty()) return fail(o.error);
    std::string port_text = o.get("port", "8080");
    if (port_text.empty() || port_text.size() > 5 || port_text.find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(port_text) > 65535)
        return fail("--port must be a number from 0 to 65535");
    if (std::string r = o.get("read-only", "false"); r != "true" && r != "false") return fail("--read-only must be true or false");
    auto store = open_store(o);
    if (!store) return fail(store.error().message, 1);

    std::optional<StaticFiles> web;
    if (!o.get("web").empty()) {
        auto loaded = StaticFiles::load(o.get("web"));
        if (!loaded) return fail(loaded.error().message, 1);
        web = std::move(*loaded);
    }
    const auto& rules = shipped::belgian_rule_set();
    if (!rules) return fail(rules.error().message, 1);

    ApiContext ctx;
    for (auto [name, target] : {std::pair<const char*, std::int64_t*>{"session-idle-seconds", &ctx.settings.session_idle_seconds},
                                {"session-max-seconds", &ctx.settings.session_max_seconds}}) {
        std::string v = o.get(name);
        if (v.empty()) continue;
        if (v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos || std::stoll(v) == 0)
            return fail(std::string("--") + name + " must be a positive number of seconds");
        *target = std::stoll(v);
    }
    std::string secure = o.get("secure-cookies", "false");
    if (secure != "true" && secure != "false") return fail("--secure-cookies must be true or false");
    ctx.settings.secure_cookies = secure == "true";
    ctx.store = store->get();
    ctx.web = web ? &*web : nullptr;
    ctx.rule_sets[rules->id] = &*rules;

    if (std::string r = o.get("retention-years"); !r.empty()) {
        if (r.size() > 2 || r.find_first_not_of("0123456789") != std::string::npos)
            return fail("--retention-years must be a number of years from 0 to 99");
        ctx.settings.retention_years = std::stoi(r);
    }
    int reminder_seconds = 3600;
    if (std::string r = o.get("reminders-every"); !r.empty()) {
        if (r.size() > 7 || r.find_first_not_of("0123456789") != std::string::npos)
            return fail("--reminders-every must be a number of seconds (0: off)");
        reminder_seconds = std::stoi(r);
    }
    ctx.settings.app_url = o.get("app-url");
    ctx.settings.smtp.url = o.get("smtp-url");
    ctx.settings.smtp.from = o.get("mail-from");
    ctx.settings.smtp.user = o.get("smtp-user");
    if (const char* password = std::getenv("LL_SMTP_PASSWORD")) ctx.settings.smtp.password = password;
    if (!ctx.settings.smtp.url.empty() && ctx.settings.smtp.url.rfind("smtp://", 0) != 0 && ctx.settings.smtp.url.rfind("smtps://", 0) != 0)
        return fail("--smtp-url must start with smtp:// or smtps://");
    if (!ctx.settings.smtp.url.empty() && !is_mail_address(ctx.settings.smtp.from))
        return fail("--mail-from must be an e-mail address when --smtp-url is given");
    ListenerOptions listener;
    if (std::string t = o.get("threads"); !t.empty()) {
        if (t.size() > 4 || t.find_first_not_of("0123456789") != std::string::npos || std::stoi(t) < 1 || std::stoi(t) > 1024)
            return fail("--threads must be a number from 1 to 1024");
        listener.threads = std::stoi(t);
    }
    if (std::string t = o.get("fiber-threads"); !t.empty()) {
        if (t.size() > 2 || t.find_first_not_of("0123456789") != std::string::npos || std::stoi(t) > 64)
            return fail("--fiber-threads must be a number from 0 to 64");
        listener.fiber_hosts = std::stoi(t);
    }
    if (std::string m = o.get("request-buffers-mb"); !m.empty()) {
        if (m.size() > 5 || m.find_first_not_of("0123456789") != std::string::npos || std::stoi(m) < 1)
            return fail("--request-buffers-mb must be a number of megabytes from 1 to 99999");
        listener.gathered_total = static_cast<std::size_t>(std::stoi(m)) << 20;
    }
    listener.access_log = ctx.access_log;
    EventLoopServer http(listener);
    install_routes(http, ctx);
    std::string host = o.get("host", "127.0.0.1");
    const int port = http.bind(host, std::stoi(port_text));
    if (port <= 0) return fail("cannot listen on " + host + ":" + port_text, 1);
    std::printf("listening on http://%s:%d\n", host.c_str(), port);
    std::fflush(stdout);
    running_server = &http;
    std::signal(SIGINT, stop_on_signal);
    std::signal(SIGTERM, stop_on_signal);
    std::optional<ReminderTimer> reminders;
    if (reminder_seconds > 0 && std::string(o.get("read-only", "false")) == "false") reminders.emplace(ctx, reminder_seconds);
    http.run();
    running_server = nullptr;
    return 0;
}

int seed(int argc, char** argv) {
    Options o = Options::parse(argc, argv, 2, {"db"});
    if (!o.error.empty()) return fail(o.error);
    auto store = open_store(o);
    if (!store) return fail(store.error().message, store.error().code == "missing_field" ? 2 : 1);
    auto created = seed_demo(**store, ApiContext{}.today());
    if (!created) return fail(created.error().message, 1);
    std::printf(*created ? "demo data created\n" : "demo data already present\n");
    return 0;
}

int backup(int argc, char** argv) {
    Options o = Options::parse(argc, argv, 2, {"db", "to"});
    if (!o.error.empty()) return fail(o.error);
    if (o.get("db").empty() || o.get("to").empty()) return fail("backup needs --db PATH and --to FILE");
    auto done = backup_database(o.get("db"), o.get("to"));
    if (!done) return fail(done.error().message, 1);
    std::printf("backup written and checked\n");
    return 0;
}

int restore(int argc, char** argv) {
    Options o = Options::parse(argc, argv, 2, {"from", "db"});
    if (!o.error.empty()) return fail(o.error);
    if (o.get("db").empty() || o.get("from").empty()) return fail("restore needs --from FILE and --db PATH");
    auto done = restore_database(o.get("from"), o.get("db"));
    if (!done) return fail(done.error().message, 1);
    std::printf("database restored and checked\n");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "help") == 0) {
        std::fputs(usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    std::string command = argv[1];
    if (command == "serve") return serve(argc, argv);
    if (command == "seed-demo") return seed(argc, argv);
    if (command == "backup") return backup(argc, argv);
    if (command == "restore") return restore(argc, argv);
    if ((command == "entitlement" || command == "balance") && argc > 2) return fail(command + " takes no options");
    if (command == "entitlement") return run_entitlement_command(stdin, stdout, stderr);
    if (command == "balance") return run_balance_command(stdin, stdout, stderr);
    std::fprintf(stderr, "learnledger: unknown command %s\n%s", command.c_str(), usage);
    return 2;
}
