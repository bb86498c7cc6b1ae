import Foundation
import HelpdeskCore
import HelpdeskTestSupport
import Testing

@testable import HelpdeskServer

@Suite("The list's hand-written JSON equals JSONEncoder's")
struct JSONWriterTests {
    static let instants: [Double] = [
        0, 1_790_000_000, 1_790_000_000.999, -86_400.5, 951_782_400, 4_102_444_799, 1_709_164_800,
    ]

    @Test("ISO 8601 dates match JSONEncoder's .iso8601", arguments: instants)
    func dates(seconds: Double) throws {
        let date = Date(timeIntervalSince1970: seconds)
        let encoded = try APICoding.encoder.encode([date])
        #expect(String(decoding: encoded, as: UTF8.self) == "[\"\(JSONWriter.iso8601(date))\"]")
    }

    @Test("a list with paused, resolved, external and awkward-text tickets encodes the same both ways")
    func listEquivalence() throws {
        // given
        let rules = TicketRules(policy: .default, calendar: .standard)
        let opened = Shanghai.date("2026-11-20 16:00")
        let viewer = Principal(id: 9, name: "agent", role: .agent, groupIds: [1])
        var paused = SLATrack.opened(at: opened, priority: .p1)
        paused = paused.applying(.firstResponse(at: opened + 600), policy: rules.policy, calendar: rules.calendar)
        paused = paused.applying(
            .status(at: opened + 1800, to: .waitingOnRequester), policy: rules.policy, calendar: rules.calendar)
        var resolved = SLATrack.opened(at: opened, priority: .p0)
        resolved = resolved.applying(
            .status(at: opened + 9000, to: .resolved), policy: rules.policy, calendar: rules.calendar)
        let summaries = [
            TicketSummary(
                id: 1, number: "TS20261120001", title: "引号\"反斜杠\\换行\n制表\t控制\u{01} emoji 🚀", type: .fault,
                status: .waitingOnRequester, priority: .p1, tier: .l2, categoryId: 1, subcategoryId: 2, groupId: 1,
                assigneeId: 9, requesterUserId: 5, requesterName: "王小明", requesterExternal: true, submittedAt: opened,
                updatedAt: opened + 1800.25, slaPolicyId: 1, sla: paused),
            TicketSummary(
                id: 2, number: "IT-2", title: "x", type: .request, status: .resolved, priority: .p0, tier: .l1,
                categoryId: nil, subcategoryId: nil, groupId: nil, assigneeId: nil, requesterUserId: nil,
                requesterName: "Customer Name", requesterExternal: true, submittedAt: opened, updatedAt: opened,
                slaPolicyId: 1, sla: resolved),
        ]
        let list = TicketListResponse(
            items: summaries.map { TicketSummaryResponse($0, viewer: viewer, rules: rules, now: opened + 90_000) },
            nextCursor: "2")
        // when
        let handWritten = try JSONSerialization.jsonObject(with: Data(list.json())) as! NSDictionary
        let foundation = try JSONSerialization.jsonObject(with: APICoding.encoder.encode(list)) as! NSDictionary
        // then
        #expect(handWritten == foundation)
        #expect(((handWritten["items"] as! [NSDictionary])[1]["requesterName"] as? String) == "Cu*")
    }
}

@Suite("The ticket's hand-written JSON equals JSONEncoder's")
struct TicketJSONWriterTests {
    @Test(
        "a ticket with every nested record, seen by its handler and by an outsider, and the create response",
        arguments: TestStores.kinds)
    func ticketEquivalence(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            // given a ticket that has been through most of what the engine records
            let admin = try await api.token("admin")
            let requester = try await api.signUp("xiaoming", role: "requester", admin: admin, external: true)
            let agent = try await api.signUp("li", role: "agent", tier: "L1", admin: admin)
            let created = try await api.call(
                .post, "/api/v1/tickets", token: requester.token,
                json: [
                    "type": "request", "title": "引号\"反斜杠\\换行\n 🚀", "description": "需要 VPN", "impact": "high",
                    "urgency": "medium", "contact": "13812345678", "details": ["system": "VPN", "account": "xm"],
                    "affectedSystem": "VPN",
                ])
            #expect(created.status == .created, "\(created.json)")
            let number = try #require((created["ticket"] as? [String: Any])?["number"] as? String)
            let path = "/api/v1/tickets/\(number)"
            _ = try await api.call(
                .post, path + "/transitions", token: admin, json: ["action": "assign", "assigneeId": agent.id])
            _ = try await api.call(.post, path + "/transitions", token: agent.token, json: ["action": "accept"])
            _ = try await api.call(
                .put, path + "/workaround", token: agent.token,
                json: [
                    "workaround": "先用网页版", "eta": iso(Shanghai.date("2026-11-24 12:00")),
                ])
            _ = try await api.call(
                .post, path + "/collaborators", token: agent.token, json: ["contact": "网络组", "question": "端口开了吗"])
            _ = try await api.call(
                .post, path + "/extensions", token: agent.token,
                json: [
                    "dueAt": iso(Shanghai.date("2026-11-30 12:00")), "reason": "等厂商",
                ])
            _ = try await api.call(.post, path + "/approval", token: agent.token, json: ["change": "重置账号"])
            _ = try await api.call(.post, path + "/approval/decision", token: requester.token, json: ["approve": true])
            api.clock.set(Shanghai.date("2026-11-27 10:00"))
            _ = try await api.store.fireDueTimers(now: api.clock.now, limit: 100)
            let cause = try await api.call(.put, path + "/breach-cause", token: admin, json: ["cause": "厂商延误"])
            #expect(cause.status == .ok, "\(cause.json)")
            let ticket = try #require(try await api.store.ticket(number: number))
            let rules = try await api.store.rules(policyId: ticket.slaPolicyId)
            #expect(ticket.breaches?.isEmpty == false && ticket.approval != nil && ticket.collaborations?.count == 1)
            let outsider = Principal(id: 999, name: "x", role: .agent, groupIds: [ticket.groupId ?? 0])
            for viewer in [try #require(try await api.store.user(id: agent.id)).actor, outsider] {
                // when
                let response = TicketResponse(ticket, viewer: viewer, rules: rules, now: api.clock.now)
                // then
                let expected = try APICoding.encoder.encode(response)
                #expect(
                    String(decoding: try response.json(), as: UTF8.self) == String(decoding: expected, as: UTF8.self))
            }
            // and the create response as a whole
            let view = TicketResponse(ticket, viewer: Principal.system, rules: rules, now: api.clock.now)
            let ack = Acknowledgement(for: ticket, rules: rules, now: api.clock.now)
            let whole = CreatedTicketResponse(
                ticket: view, acknowledgement: AcknowledgementResponse(ack, message: "已收到 \"TS\""),
                warnings: [Warning(code: "title_long", message: "标题\n过长")], suggestedArticles: [])
            let wholeExpected = try APICoding.encoder.encode(whole)
            #expect(String(decoding: try whole.json(), as: UTF8.self) == String(decoding: wholeExpected, as: UTF8.self))
        }
    }
}
