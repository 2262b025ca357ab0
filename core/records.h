// The records the API exchanges about people and the ledger: plain values shared by the server's
// storage and the client, with their JSON in wire.h so both sides read the same format.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ledger.h"

namespace ll {

struct WorkerRecord {
    std::string id, employer_id, display_name, department_id, department_name, joint_committee, language;
    std::optional<std::string> national_number;  // 11 digits; never logged, never in URLs, masked on the wire
    std::optional<Termination> termination;
    std::int64_t version = 1;
    std::string gender;  // "female", "male" or "" (not recorded): the social balance sheet splits by it
    std::string site;    // where they work (a kiosk shows its site's aggregates); "" when not recorded
};

struct DepartmentRecord {
    std::string id, name, manager_id;
};

struct EntryRecord {
    LedgerEntry entry;  // id, kind, status, date, minutes, title, counts_for_right, origin_year
    std::string employer_id, worker_id;
    std::optional<CivilDate> end_date;
    std::string provider, training_type = "formal", certificate_id;
    std::optional<CivilDate> certificate_valid_until;  // the certificate's last valid day (reminders before it)
    std::int64_t cost_cents = 0;     // gross cost
    std::int64_t fund_cents = 0;     // contributions to collective training funds
    std::int64_t subsidy_cents = 0;  // subsidies and other financial advantages received
    std::string created_by, created_at, decided_by, decided_at, decision_reason;
    std::int64_t version = 1;
};

struct CommentRecord {
    std::int64_t id = 0;
    std::string author_id, text, created_at;
};

// A submitted entry in an approver's inbox, with what approving it would do to the worker's year.
struct ApprovalItem {
    EntryRecord entry;
    std::string worker_name;
    long long minutes_per_day = 0;
    long long remaining_minutes = 0;        // the worker's remaining time of the entry's year now
    long long remaining_after_minutes = 0;  // and once this entry is approved
};

// The oldest entries waiting for an approver, as many as asked for, and how many wait in all.
struct ApprovalPage {
    std::vector<ApprovalItem> items;
    long long total = 0;
};

// A reminder in the app's notification list (the same words the e-mail had).
struct NotificationItem {
    std::int64_t id = 0;
    std::string kind, subject, body, created_at;
    bool read = false;
};

// Who is signed in, as GET /api/v1/me and sign-in answer it.
struct SessionInfo {
    std::string account_id, email, role, language, worker_id, display_name, employer_id, employer_name, csrf_token;
    std::vector<std::string> mandates;  // operators: the employers they act for
    bool persistent = true;  // signed in with "keep me signed in" (a trusted device)
};

// Bodies of write requests, validated by the decoders in requests.h.
struct TrainingSubmission {
    std::string worker_id;  // empty: the caller's own record
    std::string title, provider, training_type = "formal", certificate_id;
    CivilDate date;
    std::optional<CivilDate> end_date, certificate_valid_until;
    long long minutes = 0;
    bool counts_for_right = true;
    std::int64_t cost_cents = 0, fund_cents = 0, subsidy_cents = 0;
};

struct CorrectionRequest {
    std::string worker_id, reason;
    CivilDate date;
    long long minutes = 0;  // signed: + credit, - debit
};

struct WorkerChange {  // create (all required) or update (only what is given)
    std::optional<std::string> display_name, department_id, joint_committee, language, national_number, gender, site;
    std::optional<std::optional<Termination>> termination;  // present and null: clear it
    std::vector<EmploymentPeriod> employment;               // create only
};

}  // namespace ll
