// The employer workspace as plain values: the approval inbox, the team table and the compliance
// cockpit that managers and HR use, with the actions that change them and the commands they send.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "compliance.h"
#include "import_plan.h"
#include "kiosk_account_state.h"
#include "message_variant.h"
#include "records.h"
#include "result.h"
#include "team_row.h"
#include "training_plan.h"
#include "year_view.h"

namespace ll::ui {

enum class LoadState { idle, loading, loaded, failed };

// Where a signed-in person is: their own training right, or (managers, HR) the workspace parts.
// data: HR's exports and imports; plan: HR's yearly training plan; messages: everybody's reminders;
// kiosk: everybody's badge and PIN and trainings with places, HR's kiosk displays
enum class Section { mine, approvals, team, compliance, data, plan, messages, kiosk };

struct DecisionNotice {
    int approved = 0, rejected = 0;
};

// The inbox shows the oldest waiting entries a page at a time: a long inbox (thousands after a
// holiday, at HR of a large employer) would otherwise download and draw them all on every visit.
constexpr int inbox_page_size = 100;

struct InboxState {
    LoadState load = LoadState::idle;
    std::vector<ApprovalItem> items;        // the oldest `limit` waiting
    long long total = 0;                    // waiting in all, shown or not
    int limit = inbox_page_size;
    std::set<std::string> selected;         // entry ids ticked for bulk approval
    std::string cursor;                     // the entry keyboard shortcuts act on
    std::optional<std::string> rejecting;   // the entry whose rejection reason is being typed
    std::string reason;
    bool confirm_bulk = false;              // "Approve N trainings?" is asked
    std::set<std::string> busy;             // decisions on their way
    std::optional<std::string> previewing;  // certificate shown large
    std::optional<Error> error;             // the last refusal, shown plainly
    std::optional<DecisionNotice> notice;   // the last decision, confirmed ("2 trainings approved")

    // Waiting beyond the page shown: what "Show more" would load.
    long long unshown() const { return total - static_cast<long long>(items.size()); }
};

enum class TeamColumn { name, department, entitled, used, pending, remaining, period };
enum class RegimeFilter { all, full_time, part_time };

struct TeamFilter {
    std::string search;                       // words in the name
    std::string department_id;                // empty: all
    std::string joint_committee;              // empty: all
    RegimeFilter regime = RegimeFilter::all;
    std::optional<WorkerStatus> status = WorkerStatus::active;
    bool flagged_only = false;                // behind or lapsing
};

struct TeamState {
    LoadState load = LoadState::idle;
    int year = 0;
    std::vector<TeamRow> rows;
    TeamFilter filter;
    bool filters_open = false;                // on phones the filters fold away behind one button
    TeamColumn sort = TeamColumn::name;
    bool ascending = true;
    std::optional<std::string> worker;        // drilled down to this worker's ledger
    std::optional<YearView> worker_view;
    LoadState worker_load = LoadState::idle;
    std::optional<Error> error;
};

struct ComplianceState {
    LoadState load = LoadState::idle;
    std::string date;                         // as typed, ISO; the report is for `report->day`
    std::optional<ComplianceReport> report;
    std::optional<std::string> expanded;      // "obligation_id@trigger" of the group opened
    std::set<std::string> busy;               // fulfilments on their way
    std::optional<Error> error;
};

// A file on its way in (payroll CSV, provider feed, opening balances): picked, planned by the
// server's dry run, then applied as planned.
struct ImportState {
    ImportKind kind = ImportKind::payroll;
    LoadState load = LoadState::idle;   // the dry run
    std::string file_name;
    long long file_size = 0;
    std::optional<ImportPlan> plan;     // what applying would do, row by row
    bool applying = false;
    std::optional<ImportPlan> applied;  // what applying did (the server's answer)
    std::optional<Error> error;
};

struct DataState {
    int year = 0;  // of the exports and statements; 0: the year shown in "My right"
    ImportState import;
};

// The training plan as HR edits it: text as typed (numbers and dates are checked when saving).
struct PlanLineDraft {
    PlanGroup group = PlanGroup::everyone;
    std::string training_type = "formal", description, workers, hours;
};
struct PlanDraft {
    std::string from, to, evaluation, advice_on, filed_on;
    std::vector<PlanLineDraft> lines;
};

struct PlanState {
    int year = 0;
    LoadState load = LoadState::idle;
    std::int64_t version = 0;             // of the plan the draft was made from (0: none stored)
    PlanDraft draft;
    std::vector<LineProgress> progress;   // realised, for the lines as last stored
    bool saving = false, changed = false, saved = false;
    std::optional<Error> error;
};

// The signed-in person's reminders, newest first; marks of read on their way in `busy`.
struct MessagesState {
    LoadState load = LoadState::idle;
    std::vector<NotificationItem> items;
    std::set<std::int64_t> busy;
    std::optional<Error> error;
    int unread() const;
};

struct Workspace {
    InboxState inbox;
    TeamState team;
    ComplianceState compliance;
    DataState data;
    PlanState plan;
    MessagesState messages;
    KioskAccountState kiosk;
};

// --- actions ---
struct SelectSection { Section section; };
struct InboxLoaded { std::vector<ApprovalItem> items; long long total = 0; };
struct ShowMoreApprovals {};
struct ToggleSelected { std::string id; };
struct SelectAllPending { bool select; };
struct MoveCursor { int by; };  // keyboard: next / previous entry
struct StartReject { std::string id; };
struct EditReason { std::string text; };
struct CancelReject {};
struct Decide { std::string id; bool approve; std::string key; };  // key: the host's fresh idempotency key
struct AskBulkApprove {};
struct CancelBulkApprove {};
struct ConfirmBulkApprove { std::string key; };
struct Decided { std::vector<EntryRecord> entries; };
struct DecisionFailed { std::vector<std::string> ids; Error error; };
struct PreviewCertificate { std::optional<std::string> certificate_id; };
struct TeamLoaded { int year; std::vector<TeamRow> rows; };
struct SelectTeamYear { int year; };
struct EditTeamFilter { TeamFilter filter; };
struct ToggleTeamFilters {};
struct SortTeam { TeamColumn column; bool ascending = true; };
struct OpenWorker { std::string worker_id; };
struct CloseWorker {};
struct WorkerYearLoaded { std::string worker_id; YearView view; };
struct EditComplianceDate { std::string text; };
struct ShowCompliance {};  // for the date typed (today when empty)
struct ComplianceLoaded { ComplianceReport report; };
struct ExpandDuty { std::optional<std::string> group; };
struct MarkDone { std::string obligation_id, trigger, worker_id, key; };
struct MarkedDone { std::string obligation_id, trigger, worker_id; };
struct SelectExportYear { int year; };
struct Download { std::string path; };  // an export or statement the browser saves (or opens)
struct SelectImportKind { ImportKind kind; };
struct PickImportFile {};
struct ImportFilePicked { std::string name; long long size = 0; };
struct ImportPlanned { ImportPlan plan; };
struct ApplyImport { std::string key; };
struct ImportApplied { ImportPlan plan; };
struct DiscardImport {};
struct SelectPlanYear { int year; };
struct PlanLoaded { TrainingPlan plan; std::vector<LineProgress> progress; };
struct EditPlan { PlanDraft draft; };
struct SavePlan { std::string key; };
struct PlanSaved { TrainingPlan plan; std::vector<LineProgress> progress; };
struct MessagesLoaded { std::vector<NotificationItem> items; };
struct MarkMessageRead { std::int64_t id = 0; };
struct MessageRead { std::int64_t id = 0; };
enum class WorkspacePart { inbox, team, worker, compliance, import, plan, messages };
struct WorkspaceFailed { WorkspacePart part; Error error; };
struct WorkspaceAction : std::variant<SelectSection, InboxLoaded, ShowMoreApprovals, ToggleSelected, SelectAllPending, MoveCursor, StartReject, EditReason,
                                      CancelReject, Decide, AskBulkApprove, CancelBulkApprove, ConfirmBulkApprove, Decided, DecisionFailed,
                                      PreviewCertificate, TeamLoaded, SelectTeamYear, EditTeamFilter, ToggleTeamFilters, SortTeam, OpenWorker, CloseWorker,
                                      WorkerYearLoaded, EditComplianceDate, ShowCompliance, ComplianceLoaded, ExpandDuty, MarkDone,
                                      MarkedDone, SelectExportYear, Download, SelectImportKind, PickImportFile, ImportFilePicked, ImportPlanned,
                                      ApplyImport, ImportApplied, DiscardImport, SelectPlanYear, PlanLoaded, EditPlan, SavePlan, PlanSaved, MessagesLoaded, MarkMessageRead, MessageRead,
                                      WorkspaceFailed, KioskAccountAction> {
    LL_MESSAGE_VARIANT(WorkspaceAction);
};

// --- commands ---
struct FetchApprovals { int limit = inbox_page_size; };  // the oldest `limit` waiting
struct SendDecision { std::string id; bool approve; std::string reason, key; };
struct SendBulkApprove { std::vector<std::string> ids; std::string key; };
struct FetchTeam { int year; };
struct FetchWorkerYear { std::string worker_id; int year; };
struct FetchCompliance { std::string date; };  // empty: the server's today
struct SendFulfilment { std::string obligation_id, trigger, worker_id, key; };
struct SaveFile { std::string path; };           // the host downloads it with the session's cookie
struct OpenImportPicker { bool json = false; };   // the host's file chooser for a CSV (or a JSON feed)
// The picked file, planned and not written; sent as JSON when it is a .json feed.
struct SendImportDryRun { ImportKind kind = ImportKind::payroll; bool json = false; };
struct SendImportApply { ImportKind kind = ImportKind::payroll; bool json = false; std::string key; };  // the same file, written
struct FetchPlan { int year; };
struct SendPlan { TrainingPlan plan; std::string key; };
struct FetchMessages {};
struct SendMessageRead { std::int64_t id = 0; };
struct WorkspaceCommand : std::variant<FetchApprovals, SendDecision, SendBulkApprove, FetchTeam, FetchWorkerYear, FetchCompliance,
                                       SendFulfilment, SaveFile, OpenImportPicker, SendImportDryRun, SendImportApply,
                                       FetchPlan, SendPlan, FetchMessages, SendMessageRead, KioskAccountCommand> {
    LL_MESSAGE_VARIANT(WorkspaceCommand);
};

// The key of a duty group in ComplianceState::expanded, and of one duty in ComplianceState::busy.
std::string group_key(const DutyGroup& g);
std::string duty_key(const std::string& obligation_id, const std::string& trigger, const std::string& worker_id);

}  // namespace ll::ui
