// The workspace's update step. Decisions are sent with idempotency keys and applied when the server
// confirms them (an approval is final, so nothing is shown approved before it is); a refusal is
// shown with its reason, and an entry someone else decided meanwhile disappears on reload.
#include "workspace_update.h"

#include "kiosk_account_update.h"

#include <algorithm>

#include "overloaded.h"
#include "plan_draft.h"

namespace ll::ui {

std::string group_key(const DutyGroup& g) { return g.obligation_id + "@" + g.trigger.iso(); }

std::string duty_key(const std::string& obligation_id, const std::string& trigger, const std::string& worker_id) {
    return obligation_id + "@" + trigger + "@" + worker_id;
}

namespace {

using Commands = std::vector<Command>;

// A provider feed picked as a .json file goes as JSON; everything else is CSV.
bool is_json_feed(const ImportState& import) {
    const std::string& n = import.file_name;
    if (import.kind != ImportKind::trainings || n.size() < 5) return false;
    std::string end = n.substr(n.size() - 5);
    for (char& c : end) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return end == ".json";
}

bool is_blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// Pictures of the inbox's certificates, each asked for once (again after a failure).
void request_thumbnails(AppState& s, Commands& out) {
    for (const auto& item : s.workspace.inbox.items) {
        const std::string& id = item.entry.certificate_id;
        if (id.empty()) continue;
        auto it = s.thumbnails.find(id);
        if (it != s.thumbnails.end() && it->second.kind != Thumbnail::Kind::unavailable) continue;
        s.thumbnails[id] = Thumbnail{};
        out.push_back(LoadThumbnail{id});
    }
}

const ApprovalItem* inbox_item(const InboxState& inbox, const std::string& id) {
    for (const auto& i : inbox.items)
        if (i.entry.entry.id == id) return &i;
    return nullptr;
}

Commands decided(AppState& s, const std::vector<EntryRecord>& entries) {
    InboxState& inbox = s.workspace.inbox;
    int approved = 0, rejected = 0;
    for (const auto& e : entries) {
        inbox.busy.erase(e.entry.id);
        inbox.selected.erase(e.entry.id);
        if (inbox.rejecting == e.entry.id) inbox.rejecting.reset(), inbox.reason.clear();
        (e.entry.status == EntryStatus::approved ? approved : rejected) += 1;
        auto gone = std::remove_if(inbox.items.begin(), inbox.items.end(), [&](const ApprovalItem& i) { return i.entry.entry.id == e.entry.id; });
        if (gone != inbox.items.end()) inbox.total = std::max(0LL, inbox.total - 1);
        inbox.items.erase(gone, inbox.items.end());
    }
    if (!inbox_item(inbox, inbox.cursor)) inbox.cursor = inbox.items.empty() ? "" : inbox.items.front().entry.entry.id;
    inbox.error.reset();
    inbox.notice = DecisionNotice{approved, rejected};
    // Balances changed: the team table and the worker's own view load again when next shown.
    s.workspace.team.load = LoadState::idle;
    if (s.view) s.load = LoadState::idle;
    return {};
}

Commands load_compliance(AppState& s) {
    ComplianceState& c = s.workspace.compliance;
    if (!is_blank(c.date)) {
        auto d = CivilDate::parse(c.date, "date");
        if (!d) {
            c.error = d.error();
            return {};
        }
    }
    c.error.reset();
    c.load = LoadState::loading;
    return {WorkspaceCommand{FetchCompliance{is_blank(c.date) ? std::string() : c.date}}};
}

Commands load_team(AppState& s) {
    TeamState& t = s.workspace.team;
    if (t.year == 0) t.year = std::clamp(s.today.year(), s.first_year, s.last_year);
    t.load = LoadState::loading;
    t.error.reset();
    return {WorkspaceCommand{FetchTeam{t.year}}};
}

Commands failed(AppState& s, const WorkspaceFailed& f) {
    Workspace& w = s.workspace;
    switch (f.part) {
        case WorkspacePart::inbox: {
            w.inbox.busy.clear();
            w.inbox.error = f.error;
            if (w.inbox.load == LoadState::loading) w.inbox.load = LoadState::failed;
            // Someone else decided meanwhile: what the inbox shows is out of date.
            if (f.error.code == "invalid_transition" || f.error.code == "not_found") return {WorkspaceCommand{FetchApprovals{w.inbox.limit}}};
            return {};
        }
        case WorkspacePart::team:
            w.team.load = LoadState::failed;
            w.team.error = f.error;
            return {};
        case WorkspacePart::worker:
            w.team.worker_load = LoadState::failed;
            w.team.error = f.error;
            return {};
        case WorkspacePart::compliance:
            w.compliance.busy.clear();
            if (w.compliance.load == LoadState::loading) w.compliance.load = LoadState::failed;
            w.compliance.error = f.error;
            return {};
        case WorkspacePart::plan:
            w.plan.saving = false;
            if (w.plan.load == LoadState::loading) w.plan.load = LoadState::failed;
            w.plan.error = f.error;
            return {};
        case WorkspacePart::messages:
            w.messages.busy.clear();
            if (w.messages.load == LoadState::loading) w.messages.load = LoadState::failed;
            w.messages.error = f.error;
            return {};
        case WorkspacePart::import:
            w.data.import.error = f.error;
            w.data.import.applying = false;
            if (w.data.import.load == LoadState::loading) w.data.import.load = LoadState::failed;
            return {};
    }
    return {};
}

}  // namespace

bool may_open(const AppState& s, Section section) {
    if (!s.session) return false;
    // An operator (social secretariat) acts for an employer chosen per request; the app does not
    // choose one yet, so it shows them no employer's workspace rather than sections that fail.
    if (section != Section::mine && s.session->employer_id.empty()) return false;
    const std::string& role = s.session->role;
    const bool admin = role == "hr" || role == "operator";
    switch (section) {
        case Section::mine:
        case Section::messages:
        case Section::kiosk: return true;
        case Section::approvals:
        case Section::team: return admin || role == "manager";
        case Section::compliance:
        case Section::data:
        case Section::plan: return admin;
    }
    return false;
}

Commands load_section(AppState& s) {
    switch (s.section) {
        case Section::mine: return {};
        case Section::approvals:
            s.workspace.inbox.load = LoadState::loading;
            return {WorkspaceCommand{FetchApprovals{s.workspace.inbox.limit}}};
        case Section::team: return load_team(s);
        case Section::compliance: return load_compliance(s);
        case Section::data:
            if (s.workspace.data.year == 0) s.workspace.data.year = s.year;
            return {};
        case Section::plan: return load_plan(s);
        case Section::messages: return load_messages(s);
        case Section::kiosk: return load_kiosk_account(s);
    }
    return {};
}

Commands load_plan(AppState& s) {
    PlanState& p = s.workspace.plan;
    if (p.year == 0) p.year = s.year;
    p.load = LoadState::loading;
    p.error.reset();
    return {WorkspaceCommand{FetchPlan{p.year}}};
}

void show_plan(PlanState& p, const TrainingPlan& plan, const std::vector<LineProgress>& progress) {
    p.version = plan.version;
    p.draft = draft_of(plan);
    p.progress = progress;
    p.load = LoadState::loaded;
    p.saving = p.changed = false;
    p.error.reset();
}

Commands load_messages(AppState& s) {
    if (!may_open(s, Section::messages)) return {};
    s.workspace.messages.load = LoadState::loading;
    s.workspace.messages.error.reset();
    return {WorkspaceCommand{FetchMessages{}}};
}

int MessagesState::unread() const {
    return static_cast<int>(std::count_if(items.begin(), items.end(), [](const NotificationItem& n) { return !n.read; }));
}

Commands update_workspace(AppState& s, const WorkspaceAction& action) {
    InboxState& inbox = s.workspace.inbox;
    TeamState& team = s.workspace.team;
    ComplianceState& cockpit = s.workspace.compliance;
    ImportState& import = s.workspace.data.import;
    return std::visit(
        Overloaded{
            [&](const SelectSection& a) -> Commands {
                if (!may_open(s, a.section)) return {};
                // Every entry reloads (an inbox goes stale quickly), so tapping the current section refreshes it.
                s.section = a.section;
                return load_section(s);
            },
            [&](const InboxLoaded& a) -> Commands {
                inbox.items = a.items;
                inbox.total = std::max(a.total, static_cast<long long>(a.items.size()));
                inbox.load = LoadState::loaded;
                std::set<std::string> still;
                for (const auto& id : inbox.selected)
                    if (inbox_item(inbox, id)) still.insert(id);
                inbox.selected = std::move(still);
                if (!inbox_item(inbox, inbox.cursor)) inbox.cursor = inbox.items.empty() ? "" : inbox.items.front().entry.entry.id;
                if (inbox.rejecting && !inbox_item(inbox, *inbox.rejecting)) inbox.rejecting.reset();
                Commands out;
                request_thumbnails(s, out);
                return out;
            },
            [&](const ShowMoreApprovals&) -> Commands {
                // The oldest again and a page more: decisions meanwhile moved every later entry up.
                if (inbox.unshown() <= 0 || inbox.load == LoadState::loading) return {};
                inbox.limit += inbox_page_size;
                inbox.load = LoadState::loading;
                return {WorkspaceCommand{FetchApprovals{inbox.limit}}};
            },
            [&](const ToggleSelected& a) -> Commands {
                if (!inbox_item(inbox, a.id)) return {};
                if (!inbox.selected.erase(a.id)) inbox.selected.insert(a.id);
                inbox.confirm_bulk = false;
                return {};
            },
            [&](const SelectAllPending& a) -> Commands {
                inbox.selected.clear();
                if (a.select)
                    for (const auto& i : inbox.items) inbox.selected.insert(i.entry.entry.id);
                inbox.confirm_bulk = false;
                return {};
            },
            [&](const MoveCursor& a) -> Commands {
                if (inbox.items.empty()) return {};
                int at = 0;
                for (size_t i = 0; i < inbox.items.size(); ++i)
                    if (inbox.items[i].entry.entry.id == inbox.cursor) at = static_cast<int>(i);
                at = std::clamp(at + a.by, 0, static_cast<int>(inbox.items.size()) - 1);
                inbox.cursor = inbox.items[static_cast<size_t>(at)].entry.entry.id;
                return {};
            },
            [&](const StartReject& a) -> Commands {
                if (!inbox_item(inbox, a.id)) return {};
                if (inbox.rejecting != a.id) inbox.reason.clear();
                inbox.rejecting = a.id;
                inbox.cursor = a.id;
                inbox.error.reset();
                return {};
            },
            [&](const EditReason& a) -> Commands {
                inbox.reason = a.text.substr(0, 500);
                return {};
            },
            [&](const CancelReject&) -> Commands {
                inbox.rejecting.reset();
                inbox.reason.clear();
                return {};
            },
            [&](const Decide& a) -> Commands {
                if (!inbox_item(inbox, a.id) || inbox.busy.count(a.id)) return {};
                if (!a.approve && (inbox.rejecting != a.id || is_blank(inbox.reason))) {
                    inbox.rejecting = a.id;
                    inbox.error = make_error("missing_field", "a rejection needs a reason", "reason");
                    return {};
                }
                inbox.busy.insert(a.id);
                inbox.error.reset();
                inbox.notice.reset();
                return {WorkspaceCommand{SendDecision{a.id, a.approve, a.approve ? std::string() : inbox.reason, a.key}}};
            },
            [&](const AskBulkApprove&) -> Commands {
                inbox.confirm_bulk = !inbox.selected.empty();
                return {};
            },
            [&](const CancelBulkApprove&) -> Commands {
                inbox.confirm_bulk = false;
                return {};
            },
            [&](const ConfirmBulkApprove& a) -> Commands {
                inbox.confirm_bulk = false;
                std::vector<std::string> ids;
                for (const auto& i : inbox.items)  // in the order shown; the server takes 200 at a time
                    if (inbox.selected.count(i.entry.entry.id) && !inbox.busy.count(i.entry.entry.id) && ids.size() < 200)
                        ids.push_back(i.entry.entry.id);
                if (ids.empty()) return {};
                inbox.busy.insert(ids.begin(), ids.end());
                inbox.error.reset();
                inbox.notice.reset();
                return {WorkspaceCommand{SendBulkApprove{ids, a.key}}};
            },
            [&](const Decided& a) -> Commands { return decided(s, a.entries); },
            [&](const DecisionFailed& a) -> Commands {
                for (const auto& id : a.ids) inbox.busy.erase(id);
                return failed(s, WorkspaceFailed{WorkspacePart::inbox, a.error});
            },
            [&](const PreviewCertificate& a) -> Commands {
                inbox.previewing = a.certificate_id;
                return {};
            },
            [&](const TeamLoaded& a) -> Commands {
                if (a.year != team.year) return {};
                team.rows = a.rows;
                team.load = LoadState::loaded;
                team.error.reset();
                return {};
            },
            [&](const SelectTeamYear& a) -> Commands {
                const int year = std::clamp(a.year, s.first_year, s.last_year);
                if (year == team.year && team.load == LoadState::loaded) return {};
                team.year = year;
                team.rows.clear();  // the old year's figures must not show under the new year
                team.worker.reset();
                team.worker_view.reset();
                return load_team(s);
            },
            [&](const EditTeamFilter& a) -> Commands {
                team.filter = a.filter;
                team.filter.search = team.filter.search.substr(0, 100);
                return {};
            },
            [&](const ToggleTeamFilters&) -> Commands {
                team.filters_open = !team.filters_open;
                return {};
            },
            [&](const SortTeam& a) -> Commands {
                team.sort = a.column;
                team.ascending = a.ascending;
                return {};
            },
            [&](const OpenWorker& a) -> Commands {
                team.worker = a.worker_id;
                team.worker_view.reset();
                team.worker_load = LoadState::loading;
                Commands out{WorkspaceCommand{FetchWorkerYear{a.worker_id, team.year}}};
                for (auto& c : load_worker_badge(s, a.worker_id)) out.push_back(std::move(c));
                return out;
            },
            [&](const CloseWorker&) -> Commands {
                team.worker.reset();
                team.worker_view.reset();
                team.worker_load = LoadState::idle;
                return {};
            },
            [&](const WorkerYearLoaded& a) -> Commands {
                if (team.worker != a.worker_id || a.view.year != team.year) return {};
                team.worker_view = a.view;
                team.worker_load = LoadState::loaded;
                return {};
            },
            [&](const EditComplianceDate& a) -> Commands {
                cockpit.date = a.text.substr(0, 10);
                return {};
            },
            [&](const ShowCompliance&) -> Commands { return load_compliance(s); },
            [&](const ComplianceLoaded& a) -> Commands {
                cockpit.report = a.report;
                cockpit.date = a.report.day.iso();
                cockpit.load = LoadState::loaded;
                cockpit.error.reset();
                return {};
            },
            [&](const ExpandDuty& a) -> Commands {
                cockpit.expanded = cockpit.expanded == a.group ? std::nullopt : a.group;
                return {};
            },
            [&](const MarkDone& a) -> Commands {
                const std::string busy = duty_key(a.obligation_id, a.trigger, a.worker_id);
                if (cockpit.busy.count(busy)) return {};
                cockpit.busy.insert(busy);
                cockpit.error.reset();
                return {WorkspaceCommand{SendFulfilment{a.obligation_id, a.trigger, a.worker_id, a.key}}};
            },
            [&](const MarkedDone&) -> Commands {
                cockpit.busy.clear();
                return load_compliance(s);
            },
            [&](const SelectExportYear& a) -> Commands {
                s.workspace.data.year = std::clamp(a.year, s.first_year, s.last_year);
                return {};
            },
            [&](const Download& a) -> Commands { return {WorkspaceCommand{SaveFile{a.path}}}; },
            [&](const SelectImportKind& a) -> Commands {
                if (import.applying || import.load == LoadState::loading || import.kind == a.kind) return {};
                import = ImportState{};
                import.kind = a.kind;
                return {};
            },
            [&](const PickImportFile&) -> Commands {
                if (import.applying || import.load == LoadState::loading) return {};
                return {WorkspaceCommand{OpenImportPicker{import.kind == ImportKind::trainings}}};
            },
            [&](const ImportFilePicked& a) -> Commands {
                const ImportKind kind = import.kind;
                import = ImportState{};
                import.kind = kind;
                import.file_name = a.name.substr(0, 200);
                import.file_size = a.size;
                import.load = LoadState::loading;
                return {WorkspaceCommand{SendImportDryRun{kind, is_json_feed(import)}}};
            },
            [&](const ImportPlanned& a) -> Commands {
                import.plan = a.plan;
                import.load = LoadState::loaded;
                import.error.reset();
                return {};
            },
            [&](const ApplyImport& a) -> Commands {
                // Only a plan with something to write, and one apply at a time (a double tap sends once).
                if (!import.plan || import.applying || import.applied || !import.plan->file_problems.empty()) return {};
                if (import.plan->created + import.plan->updated == 0) return {};
                import.applying = true;
                import.error.reset();
                return {WorkspaceCommand{SendImportApply{import.kind, is_json_feed(import), a.key}}};
            },
            [&](const ImportApplied& a) -> Commands {
                import.applying = false;
                import.applied = a.plan;
                return {};
            },
            [&](const DiscardImport&) -> Commands {
                if (import.applying) return {};
                import = ImportState{import.kind};
                return {};
            },
            [&](const SelectPlanYear& a) -> Commands {
                PlanState& p = s.workspace.plan;
                if (p.saving) return {};
                p.year = std::clamp(a.year, s.first_year, s.last_year);
                p.saved = false;
                return load_plan(s);
            },
            [&](const PlanLoaded& a) -> Commands {
                if (a.plan.year != s.workspace.plan.year) return {};  // an answer for a year left meanwhile
                show_plan(s.workspace.plan, a.plan, a.progress);
                s.workspace.plan.saved = false;
                return {};
            },
            [&](const EditPlan& a) -> Commands {
                PlanState& p = s.workspace.plan;
                if (p.saving || p.load != LoadState::loaded) return {};
                p.draft = a.draft;
                p.changed = true;
                p.saved = false;
                return {};
            },
            [&](const SavePlan& a) -> Commands {
                PlanState& p = s.workspace.plan;
                if (p.saving || p.load != LoadState::loaded) return {};
                auto plan = plan_from_draft(p.draft, p.year, p.version);
                if (!plan) {
                    p.error = plan.error();
                    return {};
                }
                p.saving = true;
                p.error.reset();
                return {WorkspaceCommand{SendPlan{*plan, a.key}}};
            },
            [&](const PlanSaved& a) -> Commands {
                show_plan(s.workspace.plan, a.plan, a.progress);
                s.workspace.plan.saved = true;
                return {};
            },
            [&](const MessagesLoaded& a) -> Commands {
                s.workspace.messages.items = a.items;
                s.workspace.messages.load = LoadState::loaded;
                s.workspace.messages.error.reset();
                return {};
            },
            [&](const MarkMessageRead& a) -> Commands {
                MessagesState& m = s.workspace.messages;
                auto it = std::find_if(m.items.begin(), m.items.end(), [&](const NotificationItem& n) { return n.id == a.id; });
                if (it == m.items.end() || it->read || !m.busy.insert(a.id).second) return {};
                return {WorkspaceCommand{SendMessageRead{a.id}}};
            },
            [&](const MessageRead& a) -> Commands {
                MessagesState& m = s.workspace.messages;
                m.busy.erase(a.id);
                for (auto& n : m.items)
                    if (n.id == a.id) n.read = true;
                return {};
            },
            [&](const WorkspaceFailed& a) -> Commands { return failed(s, a); },
            [&](const KioskAccountAction& a) -> Commands { return update_kiosk_account(s, a); },
        },
        action);
}

}  // namespace ll::ui
