// Who may move a ledger entry from one status to another. Nobody decides on their own entry;
// only the worker's approvers, their delegates (inside the dates), or HR decide; approved entries
// are final and change only through new correction entries. Hosts ask this before every write.
#pragma once
#include <string>
#include <vector>

#include "civil_date.h"
#include "ledger.h"
#include "result.h"

namespace ll {

enum class Transition { submit, withdraw, approve, reject, register_direct };

struct Actor {
    std::string person_id;
    bool hr = false;  // HR admin (or operator mandated) of the entry's employer; the host checks the employer
};

struct Delegation {
    std::string approver_id;  // who is absent
    std::string delegate_id;  // who decides instead
    CivilDate from, to;       // inclusive
};

struct ApprovalCase {
    std::string owner_id;                // the worker the entry belongs to
    EntryStatus status = EntryStatus::draft;
    std::vector<std::string> approvers;  // the owner's managers
    std::vector<Delegation> delegations;
};

// The new status, or an Error: "forbidden" (actor not allowed), "invalid_transition" (status does
// not allow it), "missing_field" (field "reason": a rejection needs one).
Result<EntryStatus> apply_transition(const ApprovalCase& entry, const Actor& actor, Transition t, const CivilDate& today,
                                     const std::string& reason = {});

// Whether `actor` may decide on entries of `owner_id` today (approver, active delegate or HR).
bool may_decide(const ApprovalCase& entry, const Actor& actor, const CivilDate& today);
// The people (not HR) who may decide today: the owner's approvers and their active delegates.
std::vector<std::string> deciders_on(const ApprovalCase& entry, const CivilDate& today);

const char* to_string(Transition t);

}  // namespace ll
