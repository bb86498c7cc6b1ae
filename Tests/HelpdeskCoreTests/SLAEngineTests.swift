import Foundation
import HelpdeskCore
import Testing

/// The SLA engine's pure rules: which timers a ticket has in each state, firing once, and the
/// validation of the engine's ticket operations.
@Suite("SLA engine rules")
struct SLAEngineTests {
    typealias F = WorkflowFixture
    static let handler = WorkflowActorKind.handler.actor

    struct PlanCase: Sendable, CustomTestStringConvertible {
        var name: String
        var status: TicketStatus
        var priority: Priority
        var tier: Tier
        var kinds: Set<SLATimer.Kind>
        /// Recorded with a received time (R1.7, every ticket since M013) and not checked yet.
        var registered = false
        var testDescription: String { name }
    }

    static let plans: [PlanCase] = [
        PlanCase(
            name: "new P2 at L1", status: .new, priority: .p2, tier: .l1,
            kinds: [.l1Escalation, .responseWarning, .responseBreach, .resolutionWarning, .resolutionBreach]),
        PlanCase(
            name: "new P0 at L2", status: .new, priority: .p0, tier: .l2,
            kinds: [
                .p0Alert, .responseWarning, .responseBreach, .resolutionWarning, .resolutionBreach, .hardLimitBreach,
            ]),
        PlanCase(
            name: "assigned P3 at L2 waits for receipt", status: .assigned, priority: .p3, tier: .l2,
            kinds: [
                .responseWarning, .responseBreach, .resolutionWarning, .resolutionBreach, .receiptReminder,
                .receiptOverdue,
            ]),
        PlanCase(
            name: "in progress at L2 owes updates", status: .inProgress, priority: .p2, tier: .l2,
            kinds: [
                .responseWarning, .responseBreach, .resolutionWarning, .resolutionBreach, .updateDue, .updateMissed,
            ]),
        PlanCase(
            name: "waiting on the requester: resolution clock paused, no requester cadence",
            status: .waitingOnRequester, priority: .p2, tier: .l2,
            kinds: [.responseWarning, .responseBreach, .updateDue, .updateMissed]),
        PlanCase(
            name: "R5.1 verifying at L1: the resolution clock runs, no L1 escalation, no cadence", status: .verifying,
            priority: .p2, tier: .l1,
            kinds: [.responseWarning, .responseBreach, .resolutionWarning, .resolutionBreach]),
        PlanCase(
            name: "resolved: follow-up, auto-close and the review reminder only", status: .resolved, priority: .p2,
            tier: .l2, kinds: [.followUp, .autoClose, .reviewDue]),
        PlanCase(
            name: "R5.5 confirmed: the review reminder only", status: .confirmed, priority: .p2, tier: .l2,
            kinds: [.reviewDue]),
        PlanCase(
            name: "R5.5 reviewed, not closed: the review reminder only", status: .reviewed, priority: .p2, tier: .l2,
            kinds: [.reviewDue]),
        PlanCase(name: "R6.1 closed: archive only", status: .closed, priority: .p0, tier: .l1, kinds: [.archive]),
        PlanCase(name: "R6.1 archived: nothing", status: .archived, priority: .p0, tier: .l1, kinds: []),
        PlanCase(
            name: "R1.7 new P2 at L1, information not checked yet", status: .new, priority: .p2, tier: .l1,
            kinds: [
                .l1Escalation, .responseWarning, .responseBreach, .resolutionWarning, .resolutionBreach, .intakeCheck,
            ],
            registered: true),
        PlanCase(
            name: "R1.7 in progress at L2, information not checked yet", status: .inProgress, priority: .p2, tier: .l2,
            kinds: [
                .responseWarning, .responseBreach, .resolutionWarning, .resolutionBreach, .updateDue, .updateMissed,
                .intakeCheck,
            ], registered: true),
        PlanCase(
            name: "R1.7 R6.1 closed before anyone checked: archive only", status: .closed, priority: .p2, tier: .l1,
            kinds: [.archive], registered: true),
    ]

    @Test("R1.7 R3.4 R3.6 R4.2 R4.3 R5.1 R5.4 R5.5 R6.1 the timers a ticket has in each state", arguments: plans)
    func plan(_ c: PlanCase) {
        var ticket = F.ticket(status: c.status, tier: c.tier, priority: c.priority)
        if c.status == .assigned { ticket.assignedAt = F.opened }
        if c.registered { ticket.receivedAt = ticket.submittedAt }
        let kinds = Set(SLAEngine.timers(for: ticket, rules: F.rules).map(\.kind))
        #expect(kinds == c.kinds)
    }

    @Test("a due timer fires once: firing again at the same moment does nothing")
    func firesOnce() throws {
        let ticket = F.ticket(status: .new, assignee: nil, priority: .p2)
        // 30 business minutes after Wednesday 09:00: the L1 rule is due at 09:30.
        let at = F.at("2026-03-04T09:45:00+08:00")
        let first = try #require(SLAEngine.fire(ticket, rules: F.rules, history: [], now: at))
        #expect(first.events.compactMap { $0.data["timer"] } == ["l1_escalation"])
        #expect(first.ticket.tier == .l2 && first.ticket.status == .new)
        #expect(SLAEngine.fire(first.ticket, rules: F.rules, history: [], now: at) == nil)
        #expect(SLAEngine.nextTimer(for: first.ticket, rules: F.rules).map { $0 > at } == true)
    }

    struct CollaborationCase: Sendable, CustomTestStringConvertible {
        var question: String?
        var contact: String?
        var error: WorkflowError
        var testDescription: String { "\(error)" }
    }

    @Test(
        "R4.7 a collaboration request names the field that is missing or too long",
        arguments: [
            CollaborationCase(question: nil, contact: "王工", error: .fieldRequired("question")),
            CollaborationCase(question: "  ", contact: "王工", error: .fieldRequired("question")),
            CollaborationCase(question: "防火墙？", contact: nil, error: .fieldRequired("contact")),
            CollaborationCase(
                question: String(repeating: "问", count: 20_001), contact: "王工", error: .invalidValue(field: "question")),
            CollaborationCase(
                question: "防火墙？", contact: String(repeating: "王", count: 201), error: .invalidValue(field: "contact")),
        ])
    func collaborationValidation(_ c: CollaborationCase) {
        let ticket = F.ticket(status: .inProgress)
        #expect(throws: c.error) {
            try Collaborations.ask(
                groupId: 20, contact: c.contact, question: c.question, on: ticket, by: Self.handler, at: F.now,
                rules: F.rules)
        }
    }
}
