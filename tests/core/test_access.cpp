// Visibility rules: own record, team, delegated team, HR and operators of the same employer;
// devices never see people; employers never mix.
#include <doctest/doctest.h>

#include "access.h"

using namespace ll;

namespace {

const CivilDate july = *CivilDate::parse("2026-07-15");

WorkerScope anna() {
    return WorkerScope{"demo", "w-1", {"m-1"}, {{"m-1", "deputy", *CivilDate::parse("2026-07-01"), *CivilDate::parse("2026-07-31")}}};
}

}  // namespace

TEST_CASE("who may view a worker") {
    CHECK(may_view_worker({"a", "demo", "w-1", Role::worker}, anna(), july));
    CHECK_FALSE(may_view_worker({"a", "demo", "w-2", Role::worker}, anna(), july));
    CHECK(may_view_worker({"a", "demo", "m-1", Role::manager}, anna(), july));
    CHECK_FALSE(may_view_worker({"a", "demo", "m-2", Role::manager}, anna(), july));
    CHECK(may_view_worker({"a", "demo", "deputy", Role::worker}, anna(), july));
    CHECK_FALSE(may_view_worker({"a", "demo", "deputy", Role::worker}, anna(), *CivilDate::parse("2026-08-01")));
    CHECK(may_view_worker({"a", "demo", "", Role::hr}, anna(), july));
    CHECK(may_view_worker({"a", "demo", "", Role::operator_}, anna(), july));
    CHECK_FALSE(may_view_worker({"a", "bakery", "", Role::hr}, anna(), july));
    CHECK_FALSE(may_view_worker({"a", "", "", Role::operator_}, anna(), july));
    CHECK_FALSE(may_view_worker({"k", "demo", "", Role::kiosk}, anna(), july));
    CHECK_FALSE(may_view_worker({"p", "demo", "", Role::provider}, anna(), july));
    // Same worker id in another employer is somebody else.
    CHECK_FALSE(may_view_worker({"a", "bakery", "w-1", Role::worker}, anna(), july));
}

TEST_CASE("administration and the person behind a principal") {
    CHECK(may_administer({"a", "demo", "", Role::hr}, "demo"));
    CHECK_FALSE(may_administer({"a", "demo", "", Role::hr}, "bakery"));
    CHECK_FALSE(may_administer({"a", "demo", "m-1", Role::manager}, "demo"));
    CHECK(Principal{"acc", "demo", "", Role::hr}.person_id() == "acc");
    CHECK(Principal{"acc", "demo", "w-9", Role::hr}.person_id() == "w-9");
}
