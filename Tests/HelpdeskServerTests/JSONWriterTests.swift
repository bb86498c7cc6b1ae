import Foundation
import HelpdeskCore
import HelpdeskTestSupport
import Testing

@testable import HelpdeskServer

@Suite("The list's hand-written JSON equals JSONEncoder's")
struct JSONWriterTests {
    static let instants: [Double] = [0, 1_790_000_000, 1_790_000_000.999, -86_400.5, 951_782_400, 4_102_444_799, 1_709_164_800]

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
        paused = paused.applying(.status(at: opened + 1800, to: .waitingOnRequester), policy: rules.policy, calendar: rules.calendar)
        var resolved = SLATrack.opened(at: opened, priority: .p0)
        resolved = resolved.applying(.status(at: opened + 9000, to: .resolved), policy: rules.policy, calendar: rules.calendar)
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
