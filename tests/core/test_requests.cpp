// Request decoders: the checks between fields (dates, minutes per day) and field names in errors.
#include <doctest/doctest.h>

#include "json_reader.h"
#include "requests.h"

using namespace ll;

namespace {

nlohmann::json body(const char* text) { return *parse_json(text); }

}  // namespace

TEST_CASE("training submissions") {
    auto ok = requests::training(body(R"({"title":"First aid","date":"2026-03-02","end_date":"2026-03-03","minutes":900})"));
    REQUIRE(ok.ok());
    CHECK(ok->training_type == "formal");
    CHECK(ok->counts_for_right);
    // 900 minutes over two days is fine; over one day it is not.
    CHECK(requests::training(body(R"({"title":"x","date":"2026-03-02","minutes":1441})")).error().field == "minutes");
    CHECK(requests::training(body(R"({"title":"x","date":"2026-03-02","end_date":"2026-03-01","minutes":60})")).error().field == "end_date");
    CHECK(requests::training(body(R"({"title":"x","date":"2026-03-02","minutes":60,"training_type":"fun"})")).error().field == "training_type");
    CHECK(requests::training(body(R"({"title":"x","date":"2026-03-02","minutes":60,"cost_cents":-1})")).error().field == "cost_cents");
    CHECK(requests::training(body(R"({"date":"2026-03-02","minutes":60})")).error().field == "title");
}

TEST_CASE("workers: national numbers validated, fields named") {
    auto created = requests::worker(body(R"({"display_name":"Nina","national_number":"85.07.30-033.28","employment":[{"start":"2026-01-01","fraction":0.5}]})"), true);
    REQUIRE(created.ok());
    CHECK(*created->national_number == "85073003328");
    CHECK(created->employment.size() == 1);
    auto bad = requests::worker(body(R"({"national_number":"85073003329"})"), false);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().field == "national_number");
    CHECK(bad.error().message.find("8507") == std::string::npos);
    CHECK(requests::worker(body(R"({"display_name":"X"})"), true).error().field == "employment");
    CHECK(requests::worker(body(R"({"language":"es"})"), false).error().field == "language");
    auto cleared = requests::worker(body(R"({"termination":null})"), false);
    REQUIRE(cleared.ok());
    REQUIRE(cleared->termination.has_value());
    CHECK_FALSE(cleared->termination->has_value());
}

TEST_CASE("e-mail addresses, delegations, ids") {
    CHECK(*requests::normalized_email("Anna.Peeters@Demo.Example") == "anna.peeters@demo.example");
    for (const char* bad : {"anna", "@demo.example", "anna@", "anna@demo", "a b@demo.example", "a@b@c.example"})
        CHECK_MESSAGE(!requests::normalized_email(bad).has_value(), bad);
    CHECK(requests::delegation(body(R"({"delegate_id":"w-2","from":"2026-01-01","to":"2027-06-01"})")).error().field == "to");
    CHECK(requests::entry_ids(body(R"({"ids":[]})")).error().field == "ids");
    CHECK(requests::entry_ids(body(R"({"ids":["a",3]})")).error().field == "ids[1]");
    CHECK(requests::correction(body(R"({"worker_id":"w","date":"2026-01-01","minutes":0,"reason":"x"})")).error().field == "minutes");
}
