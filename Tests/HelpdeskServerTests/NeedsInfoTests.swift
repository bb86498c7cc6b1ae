import Foundation
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@testable import HelpdeskServer

@Suite("Needs info: missing details go back to the requester")
struct NeedsInfoTests {
    /// A fault submitted without its environment (the VPN ticket has no details at all).
    static func fault(_ api: APIHarness, _ token: String) async throws -> String {
        let created = try await api.call(
            .post, "/api/v1/tickets", token: token,
            json: [
                "type": "fault", "title": "打印机无法打印", "description": "三楼打印机点打印没反应", "impact": "low",
                "urgency": "medium", "contact": "8001", "categoryId": 6,
                "details": ["error_text": "脱机", "steps": "Word 里点打印"],
            ])
        return try #require((created["ticket"] as? [String: Any])?["number"] as? String)
    }

    @Test(
        "R1.3 the requester is asked for the missing details, fills them in, and the ticket returns to the queue",
        arguments: TestStores.kinds)
    func roundTrip(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            let admin = try await api.token("admin")
            let owner = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let agent = try await api.signUp("li.l1", role: "agent", tier: "L1", groups: [1], admin: admin)
            let number = try await Self.fault(api, owner.token)
            let path = "/api/v1/tickets/\(number)"
            #expect(try await api.call(.get, path, token: admin)["missingDetails"] as? [String] == ["environment"])

            // refusals: a requester may not ask, a key of another type is refused
            #expect(
                try await api.call(.post, path + "/info-request", token: owner.token, json: [:]).status == .forbidden)
            let foreign = try await api.call(
                .post, path + "/info-request", token: agent.token, json: ["fields": ["proposal"]])
            #expect(foreign.errorCode == "invalid_value")
            #expect(
                try await api.call(.post, path + "/details", token: owner.token, json: ["details": [:]]).errorCode
                    == "no_pending_request")

            // the L1 engineer sends it back on the web: the missing field is ticked already
            let engineer = WebBrowser(api)
            try await engineer.signIn("li.l1")
            var page = try await engineer.get("/tickets/\(number)")
            #expect(page.html.contains("name=\"fields\" value=\"environment\" checked"))
            let asked = try await engineer.post(
                "/tickets/\(number)/info-request",
                pairs: [
                    ("_csrf", try #require(page.csrf)), ("fields", "environment"), ("note", "请告诉我们打印机型号"),
                ])
            #expect(asked.location == "/tickets/\(number)")
            var ticket = try await api.call(.get, path, token: admin)
            #expect(ticket["status"] as? String == "waiting_on_requester")
            #expect((ticket["infoRequest"] as? [String: Any])?["fields"] as? [String] == ["environment"])
            // the clock waits with the ticket (the default policy pauses waiting_on_requester)
            #expect((ticket["sla"] as? [String: Any])?["paused"] as? Bool == true)
            #expect(
                try await api.call(.post, path + "/info-request", token: agent.token, json: [:]).errorCode
                    == "request_already_pending")

            // the requester is told which fields, by name
            let scheduler = SLAScheduler(
                store: api.store, clock: AppClock { api.clock.now }, channels: [:], logger: TestStores.logger)
            await scheduler.tick()
            let inbox = try await api.call(.get, "/api/v1/notifications", token: owner.token).items
            let notice = try #require(inbox.first { $0["kind"] as? String == "info_requested" })
            #expect((notice["body"] as? String)?.contains("环境（系统、浏览器、设备型号）") == true)

            // a blank answer is refused; a full one sends the ticket back to the queue
            let requester = WebBrowser(api)
            try await requester.signIn("xiaoming")
            page = try await requester.get("/tickets/\(number)")
            #expect(page.html.contains("id=\"details-form\"") && page.html.contains("name=\"detail_environment\""))
            #expect(!page.html.contains("id=\"info-request-form\""))
            let blank = try await api.call(
                .post, path + "/details", token: owner.token, json: ["details": ["environment": "  "]])
            #expect(blank.errorCode == "field_required")
            let given = try await requester.post(
                "/tickets/\(number)/details",
                ["_csrf": try #require(page.csrf), "detail_environment": "HP LaserJet M404，Windows 11"])
            #expect(given.location == "/tickets/\(number)")
            ticket = try await api.call(.get, path, token: admin)
            #expect(ticket["status"] as? String == "new" && ticket["infoRequest"] == nil)
            #expect((ticket["details"] as? [String: String])?["environment"] == "HP LaserJet M404，Windows 11")
            #expect(ticket["missingDetails"] as? [String] == [])
            #expect((ticket["sla"] as? [String: Any])?["paused"] as? Bool == false)
            let history = try await api.call(.get, path + "/events", token: owner.token).items
            #expect(history.filter { $0["kind"] as? String == "info_request" }.count == 2)
        }
    }
}
