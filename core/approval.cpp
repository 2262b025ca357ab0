// The approval state machine: draft -> submitted -> approved | rejected, submitted -> withdrawn,
// draft -> approved when HR registers directly. Every other move is refused with a reason.
#include "approval.h"

#include <algorithm>

namespace ll {

const char* to_string(Transition t) {
    switch (t) {
        case Transition::submit: return "submit";
        case Transition::withdraw: return "withdraw";
        case Transition::approve: return "approve";
        case Transition::reject: return "reject";
        case Transition::register_direct: return "register";
    }
    return "";
}

bool may_decide(const ApprovalCase& entry, const Actor& actor, const CivilDate& today) {
    if (actor.person_id.empty() || actor.person_id == entry.owner_id) return false;
    if (actor.hr) return true;
    auto is_approver = [&](const std::string& id) {
        return std::find(entry.approvers.begin(), entry.approvers.end(), id) != entry.approvers.end();
    };
    if (is_approver(actor.person_id)) return true;
    return std::any_of(entry.delegations.begin(), entry.delegations.end(), [&](const Delegation& d) {
        return d.delegate_id == actor.person_id && is_approver(d.approver_id) && d.approver_id != entry.owner_id &&
               today >= d.from && today <= d.to;
    });
}

std::vector<std::string> deciders_on(const ApprovalCase& entry, const CivilDate& today) {
    std::vector<std::string> out;
    auto add = [&](const std::string& id) {
        if (Actor a{id, false}; may_decide(entry, a, today) && std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    };
    for (const auto& a : entry.approvers) add(a);
    for (const auto& d : entry.delegations) add(d.delegate_id);
    return out;
}

Result<EntryStatus> apply_transition(const ApprovalCase& entry, const Actor& actor, Transition t, const CivilDate& today,
                                     const std::string& reason) {
    auto refuse_state = [&](const char* why) -> Result<EntryStatus> { return make_error("invalid_transition", why, "status"); };
    if (entry.status == EntryStatus::approved)
        return refuse_state("approved entries are final; record a correction instead");
    if (entry.status == EntryStatus::rejected || entry.status == EntryStatus::withdrawn)
        return refuse_state("this entry is closed");
    const bool own = !actor.person_id.empty() && actor.person_id == entry.owner_id;
    switch (t) {
        case Transition::submit:
            if (!own) return make_error("forbidden", "only the worker submits their own training");
            if (entry.status != EntryStatus::draft) return refuse_state("only a draft can be submitted");
            return EntryStatus::submitted;
        case Transition::withdraw:
            if (!own) return make_error("forbidden", "only the worker withdraws their own submission");
            if (entry.status != EntryStatus::submitted) return refuse_state("only a pending submission can be withdrawn");
            return EntryStatus::withdrawn;
        case Transition::approve:
        case Transition::reject:
            if (own) return make_error("forbidden", "nobody decides on their own entry");
            if (!may_decide(entry, actor, today)) return make_error("forbidden", "only the worker's approvers or HR decide");
            if (entry.status != EntryStatus::submitted) return refuse_state("only a pending submission can be decided");
            if (t == Transition::reject && reason.find_first_not_of(" \t\r\n") == std::string::npos)
                return make_error("missing_field", "a rejection needs a reason", "reason");
            return t == Transition::approve ? EntryStatus::approved : EntryStatus::rejected;
        case Transition::register_direct:
            if (own) return make_error("forbidden", "nobody registers their own entry as approved");
            if (!actor.hr) return make_error("forbidden", "only HR registers trainings directly");
            if (entry.status != EntryStatus::draft) return refuse_state("only a new entry can be registered");
            return EntryStatus::approved;
    }
    return refuse_state("unknown transition");
}

}  // namespace ll
