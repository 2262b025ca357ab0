// The training form: validation by the core's decoder as the user types, the balance preview,
// the command it sends, and the two-step upload (certificate, then training) in the API client.
#include <doctest/doctest.h>

#include "api_client.h"
#include "app_frame.h"
#include "demo_year.h"
#include "headless_imgui.h"
#include "imgui.h"
#include "offline_snapshot.h"
#include "submit_form.h"
#include "update.h"
#include "wire.h"

using namespace ll;

namespace {

ui::AppState on_submit_tab() {
    auto s = ui::initial_state(*CivilDate::parse("2026-11-29"), 2023, 2040);
    ui::update(s, ui::SignedIn{test::anna_session()});
    ui::update(s, ui::YearLoaded{test::anna_year(2026)});
    ui::update(s, ui::SelectTab{ui::Tab::submit});
    return s;
}

void type(ui::AppState& s, ui::FormField f, const char* text) { ui::update(s, ui::EditForm{f, text}); }

// A finger pressed on the page's left margin (between controls) at `from`, moved up or down in
// steps of 20 px to `to`, and lifted: one frame per event.
void drag_page(test::HeadlessImGui& gui, const std::function<void(std::vector<ui::Action>&)>& draw, int from, int to) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(4, static_cast<float>(from));
    gui.frame(draw);
    io.AddMouseButtonEvent(0, true);
    gui.frame(draw);
    const int step = to < from ? -20 : 20;
    for (int y = from + step; step < 0 ? y >= to : y <= to; y += step) {
        io.AddMousePosEvent(4, static_cast<float>(y));
        gui.frame(draw);
    }
    io.AddMouseButtonEvent(0, false);
    gui.frame(draw);
}

}  // namespace

TEST_CASE("the form validates like the server and names the field") {
    auto s = on_submit_tab();
    CHECK(s.submit.date == "2026-11-29");  // today by default
    CHECK(ui::update(s, ui::SubmitTraining{"k-1"}).empty());
    CHECK(s.submit.error->field == "hours");  // no duration yet
    type(s, ui::FormField::hours, "25");
    ui::update(s, ui::SubmitTraining{"k-1"});
    CHECK(s.submit.error->field == "title");
    type(s, ui::FormField::title, "Forklift refresher");
    CHECK(ui::update(s, ui::SubmitTraining{"k-1"}).empty());
    CHECK(s.submit.error->field == "hours");  // more than 24 hours on one day
    type(s, ui::FormField::end_date, "2026-11-30");
    type(s, ui::FormField::minutes, "75");
    ui::update(s, ui::SubmitTraining{"k-1"});
    CHECK(s.submit.error->field == "minutes");
    type(s, ui::FormField::minutes, "30");
    type(s, ui::FormField::cost, "12,345");
    ui::update(s, ui::SubmitTraining{"k-1"});
    CHECK(s.submit.error->field == "cost");
    type(s, ui::FormField::cost, "125,50");
    type(s, ui::FormField::date, "2026-02-30");
    ui::update(s, ui::SubmitTraining{"k-1"});
    CHECK(s.submit.error->field == "date");
    type(s, ui::FormField::date, "2026-11-29");
    type(s, ui::FormField::certificate_valid_until, "2026-11-01");
    ui::update(s, ui::SubmitTraining{"k-1"});
    CHECK(s.submit.error->field == "certificate_valid_until");
    CHECK(ui::error_message(*s.submit.error) == "The certificate cannot expire before the training.");
    type(s, ui::FormField::certificate_valid_until, "2029-11-29");
    auto sent = ui::update(s, ui::SubmitTraining{"k-1"});
    REQUIRE(sent.size() == 1);
    auto command = std::get<ui::SendTraining>(sent[0]);
    CHECK_FALSE(command.with_certificate);
    auto body = nlohmann::json::parse(command.body);
    CHECK(body["minutes"] == 25 * 60 + 30);
    CHECK(body["cost_cents"] == 12550);
    CHECK(body["end_date"] == "2026-11-30");
    CHECK(body["certificate_valid_until"] == "2029-11-29");
    CHECK(s.submit.busy);
    CHECK(ui::update(s, ui::SubmitTraining{"k-1"}).empty());  // not twice
}

TEST_CASE("a sent training clears the form, shows the history and reloads the year") {
    auto s = on_submit_tab();
    type(s, ui::FormField::title, "First aid");
    type(s, ui::FormField::hours, "2");
    ui::update(s, ui::PickCertificate{});
    ui::update(s, ui::CertificatePicked{"certificate.png", "image/png", 3000});
    auto sent = ui::update(s, ui::SubmitTraining{"k-1"});
    CHECK(std::get<ui::SendTraining>(sent[0]).with_certificate);
    EntryRecord e;
    e.entry = LedgerEntry{"e-9", EntryKind::training, EntryStatus::submitted, *CivilDate::parse("2026-11-29"), 120, "First aid"};
    auto reload = ui::update(s, ui::TrainingSubmitted{e, "k-1"});
    CHECK(s.tab == ui::Tab::history);
    CHECK(s.submit.title.empty());
    CHECK(s.submit.certificate_name.empty());
    CHECK(*s.submit.sent_title == "First aid");
    REQUIRE(!reload.empty());
    CHECK(std::get<ui::FetchYear>(reload[0]).year == 2026);
    // The history it leads to says so, as an announced outcome (a live region in the browser).
    ui::update(s, ui::YearLoaded{test::anna_year(2026)});
    test::HeadlessImGui gui(390, 1600);
    auto draw = [&](std::vector<ui::Action>& out) { ui::draw_app_frame(s, out); };
    gui.frame(draw);
    const ui::Item* sent_notice = gui.find("text", "Sent: \"First aid\" is waiting for approval.");
    REQUIRE(sent_notice);
    CHECK(sent_notice->live);
    CHECK_FALSE(gui.find("heading", "My training right")->live);
    ui::update(s, ui::SubmitFailed{make_error("server_error", "no"), "k-2"});
    CHECK_FALSE(s.submit.busy);
}

TEST_CASE("the form is drawn with its fields, the preview and the errors") {
    auto s = on_submit_tab();
    type(s, ui::FormField::title, "Safe loading");
    type(s, ui::FormField::hours, "3");
    test::HeadlessImGui gui(390, 1600);
    auto draw = [&](std::vector<ui::Action>& out) { ui::draw_app_frame(s, out); };
    gui.frame(draw);
    gui.frame(draw);
    for (const char* label : {"Title", "Provider", "Date (YYYY-MM-DD)", "Hours", "Minutes", "Cost in euros (optional)"})
        CHECK_MESSAGE(gui.find("textbox", label) != nullptr, label);
    CHECK(gui.find("textbox", "Title")->value == "Safe loading");
    CHECK(gui.find("button", "Add a photo or file") != nullptr);
    bool preview = false;
    for (const auto& i : gui.items()) preview = preview || i.label.rfind("After approval: ", 0) == 0;
    CHECK(preview);
    auto actions = gui.tap(*gui.find("button", "Add a photo or file"), draw);
    REQUIRE(actions.size() == 1);
    CHECK(std::holds_alternative<ui::PickCertificate>(actions[0]));
    type(s, ui::FormField::hours, "x");
    ui::update(s, ui::SubmitTraining{"k-1"});
    gui.frame(draw);
    CHECK(gui.find("text", "Enter the duration: whole hours, and 0 to 59 minutes, at most 24 hours a day.") != nullptr);
}

TEST_CASE("the API client uploads the certificate first, then links it to the training") {
    std::vector<std::pair<int, web::HttpRequest>> sent;
    std::vector<ui::Action> received;
    web::ApiClient api([&](int id, const web::HttpRequest& r) { sent.emplace_back(id, r); },
                       [&](ui::Action a) { received.push_back(std::move(a)); });
    api.send(ui::OpenFilePicker{});  // a host command: nothing goes out
    CHECK(sent.empty());
    api.send(ui::SendTraining{R"({"title":"First aid","date":"2026-11-29","minutes":120})", true, "key-1"});
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].second.path == "/api/v1/certificates");
    CHECK(sent[0].second.file == web::HttpRequest::File::picked);
    api.on_response(sent[0].first, 201, R"({"id":"c-7","sha256":"x","size":3,"content_type":"image/png"})");
    REQUIRE(sent.size() == 2);
    CHECK(sent[1].second.path == "/api/v1/trainings");
    CHECK(nlohmann::json::parse(sent[1].second.body)["certificate_id"] == "c-7");
    bool keyed = false;
    for (const auto& [name, value] : sent[1].second.headers) keyed = keyed || (name == "Idempotency-Key" && value == "key-1");
    CHECK(keyed);
    CHECK(received.empty());
    EntryRecord e;
    e.entry = LedgerEntry{"e-1", EntryKind::training, EntryStatus::submitted, *CivilDate::parse("2026-11-29"), 120, "First aid"};
    e.worker_id = "w-0001";
    api.on_response(sent[1].first, 201, wire::to_json(e).dump());
    REQUIRE(received.size() == 1);
    CHECK(std::get<ui::TrainingSubmitted>(received[0]).entry.entry.id == "e-1");
    CHECK(std::get<ui::TrainingSubmitted>(received[0]).key == "key-1");

    // From the outbox: the file kept on the device under the training's key.
    api.send(ui::SendTraining{R"({"title":"y","date":"2026-11-29","minutes":1})", true, "key-3", true});
    CHECK(sent.back().second.file == web::HttpRequest::File::kept);
    CHECK(sent.back().second.file_key == "key-3");
    const size_t before = sent.size();
    api.send(ui::LoadThumbnail{"c-1"});  // host commands never become API requests
    api.send(ui::KeepCertificate{"key-3"});
    CHECK(sent.size() == before);

    api.send(ui::SendTraining{R"({"title":"x","date":"2026-11-29","minutes":1})", true, "key-2"});
    api.on_response(sent.back().first, 415, R"({"error":{"code":"unsupported_media_type","message":"no","field":"Content-Type"}})");
    CHECK(std::get<ui::SubmitFailed>(received.back()).error.field == "certificate");
}

TEST_CASE("offline: a submission is kept with its key, shown as waiting, and sent once when the network is back") {
    auto s = on_submit_tab();
    type(s, ui::FormField::title, "Stacking course");
    type(s, ui::FormField::hours, "1");
    auto sent = ui::update(s, ui::SubmitTraining{"k-9"});
    REQUIRE(std::get<ui::SendTraining>(sent[0]).key == "k-9");
    auto kept = ui::update(s, ui::SubmitFailed{make_error("offline", "no connection to the server"), "k-9"});
    REQUIRE(s.outbox.size() == 1);
    CHECK(s.outbox[0].key == "k-9");
    CHECK(*s.submit.queued_title == "Stacking course");
    CHECK(s.submit.title.empty());
    REQUIRE(kept.size() == 1);
    CHECK(std::holds_alternative<ui::SaveOffline>(kept[0]));
    CHECK_FALSE(ui::offline_snapshot(s).empty());

    test::HeadlessImGui gui(390, 1600);
    auto draw = [&](std::vector<ui::Action>& out) { ui::draw_app_frame(s, out); };
    ui::update(s, ui::SelectTab{ui::Tab::history});
    gui.frame(draw);
    gui.frame(draw);
    CHECK(gui.find("text", "2026-11-29 \u00b7 1 h \u00b7 waiting to send") != nullptr);

    auto back = ui::update(s, ui::NetworkBack{});
    REQUIRE(back.size() == 1);
    CHECK(std::holds_alternative<ui::CheckSession>(back[0]));  // the session (and its CSRF token) first
    auto count_sends = [](const std::vector<ui::Command>& commands) {
        int sends = 0;
        for (const auto& c : commands)
            if (const auto* t = std::get_if<ui::SendTraining>(&c)) {
                ++sends;
                CHECK(t->key == "k-9");  // the same key: the server stores it once
            }
        return sends;
    };
    CHECK(count_sends(ui::update(s, ui::SessionChecked{test::anna_session()})) == 1);
    CHECK(count_sends(ui::update(s, ui::SessionChecked{test::anna_session()})) == 0);  // already on its way
    ui::update(s, ui::SubmitFailed{make_error("offline", "x"), "k-9"});
    CHECK(s.outbox.size() == 1);  // still kept
    EntryRecord e;
    e.entry = LedgerEntry{"e-5", EntryKind::training, EntryStatus::submitted, *CivilDate::parse("2026-11-29"), 60, "Stacking course"};
    CHECK(count_sends(ui::update(s, ui::SessionChecked{test::anna_session()})) == 1);
    ui::update(s, ui::TrainingSubmitted{e, "k-9"});
    CHECK(s.outbox.empty());
}

TEST_CASE("offline: a certificate waits on the device with its training and goes first when back") {
    auto s = on_submit_tab();
    type(s, ui::FormField::title, "Course");
    type(s, ui::FormField::hours, "1");
    auto picked = ui::update(s, ui::CertificatePicked{"c.png", "image/png", 10});
    REQUIRE(picked.size() == 1);
    CHECK(std::get<ui::LoadThumbnail>(picked[0]).key == ui::picked_certificate);  // the preview
    auto sent = ui::update(s, ui::SubmitTraining{"k-3"});
    REQUIRE(sent.size() == 1);
    CHECK(std::get<ui::SendTraining>(sent[0]).with_certificate);
    auto kept = ui::update(s, ui::SubmitFailed{make_error("offline", "x", "certificate"), "k-3"});
    REQUIRE(s.outbox.size() == 1);
    CHECK(s.outbox[0].with_certificate);
    REQUIRE(kept.size() == 2);
    CHECK(std::get<ui::KeepCertificate>(kept[0]).key == "k-3");  // the file is kept under the same key
    CHECK(std::holds_alternative<ui::SaveOffline>(kept[1]));
    CHECK(s.submit.certificate_name.empty());
    CHECK_FALSE(s.thumbnails.count(ui::picked_certificate));

    // The snapshot remembers that a file goes with it, so a restart sends it too.
    auto restored = ui::restore_offline(ui::offline_snapshot(s));
    REQUIRE(restored.outbox.size() == 1);
    CHECK(restored.outbox[0].with_certificate);

    auto back = ui::update(s, ui::SessionChecked{test::anna_session()});
    bool resent = false;
    for (const auto& c : back)
        if (const auto* t = std::get_if<ui::SendTraining>(&c)) resent = t->with_certificate && t->key == "k-3";
    CHECK(resent);
    EntryRecord e;
    e.entry = LedgerEntry{"e-6", EntryKind::training, EntryStatus::submitted, *CivilDate::parse("2026-11-29"), 60, "Course"};
    auto done = ui::update(s, ui::TrainingSubmitted{e, "k-3"});
    bool forgotten = false;
    for (const auto& c : done)
        if (const auto* f = std::get_if<ui::ForgetCertificate>(&c)) forgotten = f->key == "k-3";
    CHECK(forgotten);  // the device lets the file go once the server has it
}

TEST_CASE("a drag that starts on the page scrolls it; a tap on a control does not") {
    auto s = on_submit_tab();
    test::HeadlessImGui gui(390, 500);  // the form is taller than this display
    auto draw = [&](std::vector<ui::Action>& out) { ui::draw_app_frame(s, out); };
    gui.frame(draw);
    gui.frame(draw);
    CHECK(gui.find("button", "Send for approval") == nullptr);  // below the fold
    const float heading_y = gui.find("heading", "Submit a training")->y;
    for (int drag = 0; drag < 2; ++drag) drag_page(gui, draw, 480, 20);  // twice, up
    gui.frame(draw);
    CHECK(gui.find("heading", "Submit a training") == nullptr);  // scrolled away (it was at heading_y)
    CHECK(heading_y > 0);
    REQUIRE(gui.find("button", "Send for approval") != nullptr);  // scrolled into view
    // A tap on a control, far from where the pointer was, clicks it without scrolling.
    const ui::Item send = *gui.find("button", "Send for approval");
    auto actions = gui.tap(send, draw);
    bool submitted = false;
    for (const auto& a : actions) submitted = submitted || std::holds_alternative<ui::SubmitTraining>(a);
    CHECK(submitted);
}

TEST_CASE("a kept training the server refuses is shown with the reason, not resent, and can be dropped") {
    auto s = on_submit_tab();
    type(s, ui::FormField::title, "Course");
    type(s, ui::FormField::hours, "1");
    ui::update(s, ui::SubmitTraining{"k-4"});
    ui::update(s, ui::SubmitFailed{make_error("offline", "x"), "k-4"});
    ui::update(s, ui::SessionChecked{test::anna_session()});  // back online: sent
    auto saved = ui::update(s, ui::SubmitFailed{make_error("conflict", "the employment ended before this date", "date"), "k-4"});
    REQUIRE(s.outbox.size() == 1);
    REQUIRE(s.outbox[0].refused.has_value());
    REQUIRE(saved.size() == 1);
    CHECK(std::holds_alternative<ui::SaveOffline>(saved[0]));
    CHECK(ui::restore_offline(ui::offline_snapshot(s)).outbox[0].refused->code == "conflict");
    for (const auto& c : ui::update(s, ui::SessionChecked{test::anna_session()}))
        CHECK_FALSE(std::holds_alternative<ui::SendTraining>(c));  // never retried in silence

    ui::update(s, ui::SelectTab{ui::Tab::history});
    test::HeadlessImGui gui(390, 2000);
    auto draw = [&](std::vector<ui::Action>& out) { ui::draw_app_frame(s, out); };
    gui.frame(draw);
    gui.frame(draw);
    CHECK(gui.find("text", "2026-11-29 \u00b7 1 h \u00b7 not sent") != nullptr);
    const ui::Item* discard = gui.find("button", "Discard");
    REQUIRE(discard != nullptr);
    auto actions = gui.tap(*discard, draw);
    REQUIRE(actions.size() == 1);
    auto dropped = ui::update(s, actions[0]);
    CHECK(s.outbox.empty());
    bool forgotten = false;
    for (const auto& c : dropped)
        if (const auto* f = std::get_if<ui::ForgetCertificate>(&c)) forgotten = f->key == "k-4";
    CHECK(forgotten);
}

TEST_CASE("a flick keeps the page moving after the finger lifts, slows down and stops; a press stops it at once; reduced motion has no inertia") {
    auto s = on_submit_tab();
    test::HeadlessImGui gui(390, 400);
    bool moving = false;
    auto draw = [&](std::vector<ui::Action>& out) { moving = ui::draw_app_frame(s, out); };
    auto heading_y = [&] { return gui.find("heading", "Submit a training") ? gui.find("heading", "Submit a training")->y : -1e9f; };
    gui.frame(draw);
    gui.frame(draw);
    const float start = heading_y();
    drag_page(gui, draw, 380, 300);  // a quick upward flick
    const float at_release = heading_y();
    CHECK(at_release < start);
    CHECK(moving);
    gui.frame(draw);
    gui.frame(draw);
    const float coasting = heading_y();
    CHECK(coasting < at_release);  // still moving without a finger
    int frames = 0;
    while (moving && frames < 600) {
        gui.frame(draw);
        ++frames;
    }
    CHECK_FALSE(moving);  // it comes to rest by itself
    CHECK(frames < 300);

    // Another flick, stopped by a press.
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseButtonEvent(0, true);
    gui.frame(draw);
    for (int y = 280; y >= 200; y -= 20) {
        io.AddMousePosEvent(4, static_cast<float>(y));
        gui.frame(draw);
    }
    io.AddMouseButtonEvent(0, false);
    gui.frame(draw);
    REQUIRE(moving);
    io.AddMouseButtonEvent(0, true);
    gui.frame(draw);
    CHECK_FALSE(moving);
    io.AddMouseButtonEvent(0, false);
    gui.frame(draw);

    // With reduced motion asked for, the page follows the finger and stops where it is let go.
    s.reduce_motion = true;
    s.tab = ui::Tab::balance;  // away and back: the tab opens at its top again
    gui.frame(draw);
    s.tab = ui::Tab::submit;
    gui.frame(draw);
    gui.frame(draw);
    const float before_drag = heading_y();
    drag_page(gui, draw, 380, 300);
    CHECK_FALSE(moving);
    gui.frame(draw);  // the last drag shows a frame later
    const float let_go = heading_y();
    CHECK(let_go < before_drag);
    for (int i = 0; i < 5; ++i) gui.frame(draw);
    CHECK(heading_y() == let_go);
}
