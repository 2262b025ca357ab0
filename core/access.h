// Who may see and change what: the visibility rules every host applies before it answers.
// A worker sees only their own data, a manager their team (and teams delegated to them), HR and
// mandated operators the whole employer; kiosks and provider feeds never read personal data.
#pragma once
#include <string>
#include <vector>

#include "approval.h"
#include "civil_date.h"

namespace ll {

enum class Role { worker, manager, hr, operator_, kiosk, provider };

struct Principal {
    std::string account_id;   // account, kiosk device or provider key id
    std::string employer_id;  // the employer this request acts for (checked against mandates by the host)
    std::string worker_id;    // the person's own worker record; empty for HR-only accounts, kiosks, providers
    Role role = Role::worker;

    // The id used in approval rules: the worker record when there is one, else the account.
    std::string person_id() const { return worker_id.empty() ? account_id : worker_id; }
    Actor actor() const { return Actor{person_id(), administers()}; }
    bool administers() const { return role == Role::hr || role == Role::operator_; }
    bool is_person() const { return role != Role::kiosk && role != Role::provider; }
};

// The data the rules need about one worker: their employer and approvers.
struct WorkerScope {
    std::string employer_id;
    std::string worker_id;
    std::vector<std::string> approvers;
    std::vector<Delegation> delegations;
};

bool may_view_worker(const Principal& p, const WorkerScope& w, const CivilDate& today);
// Create and edit workers, register trainings directly, corrections, delegations for others, audit.
bool may_administer(const Principal& p, const std::string& employer_id);

const char* to_string(Role r);

}  // namespace ll
