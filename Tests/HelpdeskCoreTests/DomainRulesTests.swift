import Foundation
import Testing

@testable import HelpdeskCore

/// Rules that the API and the web UI used to decide each on their own, now one function each
/// in the domain: the reason rule, the acknowledgement, category routing, who may approve and
/// be escalated to, and what a closed ticket accepts.
@Suite("Domain rules shared by every front end")
struct DomainRulesTests {
    // MARK: Reasons

    static let reasonCases: [(WorkflowAction, TicketStatus, Bool)] = [
        (.bounce, .assigned, true), (.block, .inProgress, true), (.escalate, .new, true), (.reject, .resolved, true),
        (.reopen, .closed, true), (.close, .new, true), (.close, .assigned, true), (.close, .reviewed, false),
        (.assign, .new, false), (.accept, .assigned, false), (.wait, .inProgress, false),
        (.resolve, .inProgress, false),
        (.rate, .resolved, false), (.review, .resolved, false), (.confirm, .resolved, false),
    ]

    @Test("R4.9 which moves must say why: the same answer the web form marks required", arguments: reasonCases)
    func reasonRule(action: WorkflowAction, status: TicketStatus, required: Bool) throws {
        // An admin who is also the handler may attempt every move.
        let ticket = WorkflowFixture.ticket(status: status, assignee: WorkflowActorKind.admin.actor.id)
        #expect(Workflow.requiresReason(action, on: ticket) == required)
        guard required else { return }
        let withoutReason = TransitionRequest(action: action, assigneeId: nil)
        #expect(throws: WorkflowError.reasonRequired(action: action.rawValue)) {
            try Workflow.apply(
                withoutReason, to: ticket, by: WorkflowActorKind.admin.actor, at: WorkflowFixture.now,
                rules: WorkflowFixture.rules)
        }
    }

    // MARK: Acknowledgement

    struct AckCase: Sendable, CustomTestStringConvertible {
        var submitted: String
        var priority: Priority
        var channel: Channel
        var alwaysOpen: [Channel]
        /// When the desk looks at it; nil inside service hours.
        var lookedAt: String?
        var testDescription: String { "\(priority.rawValue) on \(channel.rawValue) at \(submitted)" }
    }

    static let ackCases: [AckCase] = [
        // Wednesday 10:00: inside the standard calendar's hours.
        AckCase(submitted: "2026-03-04T10:00:00+08:00", priority: .p2, channel: .portal, alwaysOpen: [], lookedAt: nil),
        // Wednesday 20:00: the next working period starts Thursday 09:00.
        AckCase(
            submitted: "2026-03-04T20:00:00+08:00", priority: .p2, channel: .email, alwaysOpen: [],
            lookedAt: "2026-03-05T09:00:00+08:00"),
        // Saturday: Monday morning.
        AckCase(
            submitted: "2026-03-07T10:00:00+08:00", priority: .p3, channel: .portal, alwaysOpen: [],
            lookedAt: "2026-03-09T09:00:00+08:00"),
        // A channel staffed around the clock answers at once.
        AckCase(
            submitted: "2026-03-07T10:00:00+08:00", priority: .p2, channel: .phone, alwaysOpen: [.phone], lookedAt: nil),
        // P0 runs on the 24×7 clock: no waiting for office hours.
        AckCase(submitted: "2026-03-07T03:00:00+08:00", priority: .p0, channel: .portal, alwaysOpen: [], lookedAt: nil),
    ]

    @Test(
        "R1.5 R8.3 the acknowledgement: number, due times, and outside service hours when someone will look",
        arguments: ackCases)
    func acknowledgement(_ c: AckCase) {
        // given
        var engine = SLAEngineSettings.default
        engine.alwaysOpenChannels = c.alwaysOpen
        let rules = TicketRules(policy: .default, calendar: .standard, engine: engine)
        let submitted = WorkflowFixture.at(c.submitted)
        var ticket = WorkflowFixture.ticket(status: .new, assignee: nil, priority: c.priority)
        ticket.channel = c.channel
        ticket.submittedAt = submitted
        ticket.sla = SLATrack.opened(at: submitted, priority: c.priority)
        // when
        let ack = Acknowledgement(for: ticket, rules: rules, now: submitted)
        // then
        let state = ticket.sla.state(at: submitted, policy: rules.policy, calendar: rules.calendar)
        #expect(ack.number == ticket.number)
        #expect(ack.responseDueAt == state.responseDueAt && ack.resolutionDueAt == state.resolutionDueAt)
        #expect(ack.lookedAtFrom == c.lookedAt.map(WorkflowFixture.at))
        #expect(ack.outsideServiceHours == (c.lookedAt != nil))
    }

    @Test("R1.3 the acknowledgement names the missing type-specific details and a long title")
    func acknowledgementWarnings() {
        var ticket = WorkflowFixture.ticket(status: .new)
        ticket.title = String(repeating: "打印机", count: 10)
        let ack = Acknowledgement(for: ticket, rules: WorkflowFixture.rules, now: WorkflowFixture.now)
        #expect(ack.missingDetails == ticket.missingDetails && !ack.missingDetails.isEmpty)
        #expect(ack.titleLong)
    }

    // MARK: Category routing

    static let tree = [
        TicketCategory(id: 1, name: "硬件", defaultGroupId: 10),
        TicketCategory(id: 2, parentId: 1, name: "打印机", defaultGroupId: 20),
        TicketCategory(id: 3, parentId: 1, name: "电脑"),
        TicketCategory(id: 4, name: "软件"),
        TicketCategory(id: 5, parentId: 4, name: "ERP", defaultGroupId: 30),
        TicketCategory(id: 6, name: "停用", defaultGroupId: 40, active: false),
    ]

    /// (category, sub-category) → (category, sub-category, group), or the field refused.
    static let routes: [(Int64?, Int64?, Result<[Int64?], CategoryRouting.InvalidCategory>)] = [
        (nil, nil, .success([nil, nil, nil])),
        (1, nil, .success([1, nil, 10])),
        (1, 2, .success([1, 2, 20])),
        (1, 3, .success([1, 3, 10])),
        // A sub-category chosen as the category is filed under its parent.
        (2, nil, .success([1, 2, 20])),
        (nil, 5, .success([4, 5, 30])),
        (4, nil, .success([4, nil, nil])),
        (1, 5, .failure(.init(field: "subcategoryId"))),
        (nil, 1, .failure(.init(field: "subcategoryId"))),
        (6, nil, .failure(.init(field: "categoryId"))),
        (99, nil, .failure(.init(field: "categoryId"))),
    ]

    @Test(
        "R2.1 R4.1 a category routes to its group; a sub-category's own group wins; bad ids name their field",
        arguments: routes)
    func categoryRouting(category: Int64?, sub: Int64?, expected: Result<[Int64?], CategoryRouting.InvalidCategory>) {
        let result: Result<[Int64?], CategoryRouting.InvalidCategory>
        do {
            let route = try CategoryRouting.route(categoryId: category, subcategoryId: sub, in: Self.tree)
            result = .success([route.categoryId, route.subcategoryId, route.groupId])
        } catch {
            result = .failure(error)
        }
        #expect(result == expected)
    }

    // MARK: Approval and escalation

    @Test("R4.8 who may be asked to approve a change", arguments: WorkflowActorKind.allCases)
    func approvers(kind: WorkflowActorKind) {
        let ticket = WorkflowFixture.ticket(status: .inProgress)
        let expected: Set<WorkflowActorKind> = [.owner, .supervisor, .admin]
        #expect(Approvals.canApprove(kind.actor, ticket) == expected.contains(kind))
        let asked = try? Approvals.request(
            change: "重装系统", approver: kind.actor, on: ticket, by: WorkflowActorKind.handler.actor,
            at: WorkflowFixture.now, rules: WorkflowFixture.rules)
        #expect((asked != nil) == expected.contains(kind))
    }

    @Test(
        "R4.8 a decision only ends the block the request set: a ticket that moved on is not put back to work",
        arguments: [TicketStatus.inProgress, .resolved, .new, .assigned])
    func decisionNeedsTheBlock(status: TicketStatus) throws {
        // given a pending approval on a ticket that is no longer blocked
        var ticket = WorkflowFixture.ticket(status: .inProgress)
        ticket = try Approvals.request(
            change: "重装系统", approver: nil, on: ticket, by: WorkflowActorKind.handler.actor, at: WorkflowFixture.now,
            rules: WorkflowFixture.rules
        ).ticket
        ticket.status = status
        // when the requester decides, then it is refused
        #expect(throws: WorkflowError.illegalTransition(action: .resume, from: status)) {
            try Approvals.decide(
                approve: true, note: nil, on: ticket, by: WorkflowActorKind.owner.actor, at: WorkflowFixture.now,
                rules: WorkflowFixture.rules)
        }
    }

    /// (the named engineer's role and tier, escalating from L1 to L2: accepted)
    static let assignees: [(Role, Tier?, Bool)] = [
        (.agent, .l1, false), (.agent, .l2, true), (.agent, .l3, true), (.supervisor, nil, true),
        (.problemManager, nil, true),
    ]

    @Test("R4.2 escalating to a named engineer needs one at the new tier or above", arguments: assignees)
    func escalationAssignee(role: Role, tier: Tier?, accepted: Bool) {
        let ticket = WorkflowFixture.ticket(status: .inProgress)
        let assignee = Principal(id: 900, name: "专家", role: role, tier: tier)
        let request = TransitionRequest(action: .escalate, reason: "需要专家", assigneeId: assignee.id, assignee: assignee)
        do {
            let change = try Workflow.apply(
                request, to: ticket, by: WorkflowActorKind.handler.actor, at: WorkflowFixture.now,
                rules: WorkflowFixture.rules)
            #expect(accepted && change.ticket.assigneeId == 900 && change.ticket.tier == .l2)
        } catch {
            #expect(!accepted && error == .invalidValue(field: "assigneeId"))
        }
    }

    // MARK: Closed tickets and the creator

    @Test("R4.9 a closed ticket takes no breach cause, lead group, answer, extension decision or file")
    func closedTicketRefusesHandling() {
        let ticket = WorkflowFixture.ticket(status: .closed)
        let boss = WorkflowActorKind.supervisor.actor
        let now = WorkflowFixture.now
        let file = AttachmentUpload(filename: "a.log", contentType: "text/plain", data: Data("x".utf8))
        let rules = WorkflowFixture.rules
        #expect(throws: WorkflowError.ticketClosed) {
            try SLAExtensions.recordBreachCause("厂商", on: ticket, by: boss, at: now)
        }
        #expect(throws: WorkflowError.ticketClosed) {
            try Collaborations.setLeadGroup(10, on: ticket, by: boss, at: now)
        }
        #expect(throws: WorkflowError.ticketClosed) {
            try Collaborations.answer(1, answer: "有", on: ticket, by: boss, at: now)
        }
        #expect(throws: WorkflowError.ticketClosed) {
            try SLAExtensions.decide(1, approve: true, note: nil, on: ticket, by: boss, at: now, rules: rules)
        }
        #expect(throws: WorkflowError.ticketClosed) {
            try TicketOperations.attach([file], maxBytes: 10, to: ticket, by: boss, at: now)
        }
    }

    @Test("R1.1 R9.1 whoever recorded a ticket can open it, wherever it was routed")
    func creatorSeesTicket() {
        let recorder = Principal(id: 700, name: "前台", role: .agent, tier: .l1, groupIds: [99])
        var ticket = WorkflowFixture.ticket(status: .new, assignee: nil)
        #expect(!Access.canView(ticket, by: recorder))
        ticket.createdById = recorder.id
        #expect(Access.canView(ticket, by: recorder))
        #expect(!Access.hasFullAccess(ticket, by: recorder) || recorder.role.seesAllTickets)
    }
}
