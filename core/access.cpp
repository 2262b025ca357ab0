// Visibility follows the approval rules: whoever may decide on a worker's entries may read that
// worker's ledger; everybody may read their own. Employers never mix.
#include "access.h"

namespace ll {

const char* to_string(Role r) {
    switch (r) {
        case Role::worker: return "worker";
        case Role::manager: return "manager";
        case Role::hr: return "hr";
        case Role::operator_: return "operator";
        case Role::kiosk: return "kiosk";
        case Role::provider: return "provider";
    }
    return "";
}

bool may_view_worker(const Principal& p, const WorkerScope& w, const CivilDate& today) {
    if (!p.is_person() || p.employer_id.empty() || p.employer_id != w.employer_id) return false;
    if (!p.worker_id.empty() && p.worker_id == w.worker_id) return true;
    if (p.administers()) return true;
    // Managers see their team; anybody sees a team delegated to them while the delegation runs.
    ApprovalCase c{w.worker_id, EntryStatus::submitted, w.approvers, w.delegations};
    return may_decide(c, p.actor(), today);
}

bool may_administer(const Principal& p, const std::string& employer_id) {
    return p.administers() && !p.employer_id.empty() && p.employer_id == employer_id;
}

}  // namespace ll
