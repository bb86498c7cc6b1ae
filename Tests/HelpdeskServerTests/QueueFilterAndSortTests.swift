import Foundation
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@Suite("Ticket lists: every filter, and soonest due first")
struct QueueFilterAndSortTests {
    /// Creates a ticket as `token` with the given impact/urgency and channel; returns its number.
    static func create(
        _ api: APIHarness, _ token: String, _ title: String, impact: String, urgency: String, channel: String
    ) async throws -> String {
        let created = try await api.call(
            .post, "/api/v1/tickets", token: token,
            json: [
                "title": title, "description": "详情", "impact": impact, "urgency": urgency, "contact": "8001",
                "channel": channel, "categoryId": 6,
            ])
        return try #require((created["ticket"] as? [String: Any])?["number"] as? String)
    }

    @Test("the API filters on channel and sorts by due time, paging by cursor", arguments: TestStores.kinds)
    func channelAndDueOrder(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            let admin = try await api.token("admin")
            // P0 first, then P3, then P1: newest first is P1, P3, P0; soonest due first is P0, P1, P3
            let p0 = try await Self.create(api, admin, "核心系统宕机", impact: "high", urgency: "high", channel: "phone")
            api.clock.advance(by: 60)
            let p3 = try await Self.create(api, admin, "申请新鼠标", impact: "low", urgency: "low", channel: "email")
            api.clock.advance(by: 60)
            let p1 = try await Self.create(api, admin, "打印机卡纸", impact: "high", urgency: "medium", channel: "phone")
            func numbers(_ query: String) async throws -> [String] {
                try await api.call(.get, "/api/v1/tickets?\(query)", token: admin).items.compactMap {
                    $0["number"] as? String
                }
            }
            #expect(try await numbers("") == [p1, p3, p0])
            #expect(try await numbers("channel=phone") == [p1, p0])
            #expect(try await numbers("channel=email") == [p3])
            #expect(try await numbers("sort=due") == [p0, p1, p3])
            #expect(try await numbers("sort=due&channel=phone") == [p0, p1])
            // one at a time, each page continues after the previous page's last ticket
            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await api.call(
                    .get, "/api/v1/tickets?sort=due&limit=1" + (cursor.map { "&cursor=\($0)" } ?? ""), token: admin)
                seen += page.items.compactMap { $0["number"] as? String }
                cursor = page["nextCursor"] as? String
            } while cursor != nil
            #expect(seen == [p0, p1, p3])
            // a ticket whose clock has stopped sorts after every running one
            #expect(
                try await api.call(
                    .post, "/api/v1/tickets/\(p0)/transitions", token: admin,
                    json: ["action": "close", "reason": "重复提交"]
                ).status == .ok)
            #expect(try await numbers("sort=due") == [p1, p3, p0])
            for bad in ["channel=fax", "sort=oldest"] {
                #expect(
                    try await api.call(.get, "/api/v1/tickets?\(bad)", token: admin).errorCode == "invalid_parameter")
            }
        }
    }

    @Test("the web queue offers and applies every filter of the API", arguments: TestStores.kinds)
    func webQueueFilters(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            let admin = try await api.token("admin")
            let owner = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let agent = try await api.signUp("li.l1", role: "agent", tier: "L1", groups: [1], admin: admin)
            let mine = try await api.submitVPNTicket(owner.token)
            let phone = try await Self.create(api, admin, "电话报修打印机", impact: "low", urgency: "low", channel: "phone")
            #expect(
                try await api.call(
                    .post, "/api/v1/tickets/\(phone)/transitions", token: admin,
                    json: ["action": "assign", "assigneeId": agent.id]
                ).status == .ok)
            let browser = WebBrowser(api)
            try await browser.signIn("admin")
            let page = try await browser.get("/queues/groups")
            for control in ["id=\"category\"", "id=\"assignee\"", "id=\"requester\"", "id=\"channel\"", "id=\"sort\""] {
                #expect(page.html.contains(control))
            }
            func listed(_ query: String) async throws -> (mine: Bool, phone: Bool) {
                let html = try await browser.get("/queues/groups?\(query)").html
                return (html.contains("/tickets/\(mine)\""), html.contains("/tickets/\(phone)\""))
            }
            #expect(try await listed("channel=phone") == (false, true))
            #expect(try await listed("channel=portal") == (true, false))
            #expect(try await listed("requester=xiaoming") == (true, false))
            #expect(try await listed("requester=%23\(owner.id)") == (true, false))
            #expect(try await listed("requester=nobody.here") == (false, false))
            #expect(try await listed("assignee=\(agent.id)") == (false, true))
            #expect(try await listed("assignee=none") == (true, false))
            #expect(try await listed("category=6&sort=due") == (true, true))
            #expect(try await browser.get("/queues/groups?channel=fax").status == .badRequest)
        }
    }
}
