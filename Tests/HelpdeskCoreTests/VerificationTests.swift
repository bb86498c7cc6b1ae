import Foundation
import HelpdeskCore
import Testing

/// R5.1 internal verification before the requester is told, and R5.5's review record and reminder.
@Suite("Verification and review")
struct VerificationTests {
    typealias F = WorkflowFixture
    static let category: Int64 = 7
    static let subcategory: Int64 = 71
    static let handler = WorkflowActorKind.handler.actor

    /// Rules where `ids` require verification.
    static func rules(verifying ids: Set<Int64>) -> TicketRules {
        TicketRules(policy: .default, calendar: .standard, verificationCategoryIds: ids)
    }

    /// A ticket in progress with the handler, filed under the category and sub-category.
    static func inProgress(category: Int64? = category, subcategory: Int64? = nil, tier: Tier = .l1) -> Ticket {
        var ticket = F.ticket(status: .inProgress, tier: tier)
        ticket.categoryId = category
        ticket.subcategoryId = subcategory
        return ticket
    }

    static func resolve(_ ticket: Ticket, rules: TicketRules, at time: Date = F.now) throws -> TicketChange {
        try Workflow.apply(
            TransitionRequest(action: .resolve, solution: "更换硒鼓", rootCause: "硒鼓老化"), to: ticket, by: handler,
            at: time, rules: rules)
    }

    /// The handler's ticket waiting for its check.
    static func verifying(tier: Tier = .l1) throws -> Ticket {
        try resolve(inProgress(tier: tier), rules: rules(verifying: [category])).ticket
    }

    struct RequiredCase: Sendable, CustomTestStringConvertible {
        var name: String
        var category: Int64?
        var subcategory: Int64?
        var verifying: Set<Int64>
        var expected: TicketStatus
        var testDescription: String { name }
    }

    @Test(
        "R5.1 resolving goes to verification only when the category or sub-category requires it",
        arguments: [
            RequiredCase(name: "no category", category: nil, subcategory: nil, verifying: [7], expected: .resolved),
            RequiredCase(
                name: "category not verified", category: 7, subcategory: nil, verifying: [], expected: .resolved),
            RequiredCase(
                name: "category verified", category: 7, subcategory: nil, verifying: [7], expected: .verifying),
            RequiredCase(
                name: "top-level requirement covers its sub-category", category: 7, subcategory: 71, verifying: [7],
                expected: .verifying),
            RequiredCase(
                name: "only the sub-category verified", category: 7, subcategory: 71, verifying: [71],
                expected: .verifying),
            RequiredCase(
                name: "another category verified", category: 8, subcategory: 81, verifying: [7], expected: .resolved),
        ])
    func required(_ c: RequiredCase) throws {
        // given
        let ticket = Self.inProgress(category: c.category, subcategory: c.subcategory)

        // when
        let change = try Self.resolve(ticket, rules: Self.rules(verifying: c.verifying))

        // then
        #expect(change.ticket.status == c.expected)
        #expect(change.ticket.solution == "更换硒鼓")
        if c.expected == .verifying {
            // Nobody tells the requester yet; the verifier pool hears of it, the solution stays internal.
            #expect(change.notices.map(\.kind) == [.verificationRequested])
            #expect(change.notices[0].recipients == [.group(F.groupId, minimumTier: .l1), .role(.supervisor)])
            #expect(change.events[0].visibility == .internal)
            #expect(change.ticket.verification == Verification(resolverId: Self.handler.id, requestedAt: F.now))
        } else {
            #expect(change.notices.map(\.kind) == [.resolved])
            #expect(change.ticket.verification == nil)
        }
    }

    struct VerifierCase: Sendable, CustomTestStringConvertible {
        var name: String
        var actor: Principal
        var tier: Tier
        var allowed: Bool
        var testDescription: String { name }
    }

    @Test(
        "R5.1 who may verify: staff other than the resolver who may work on the ticket",
        arguments: [
            VerifierCase(name: "the resolver", actor: WorkflowActorKind.handler.actor, tier: .l1, allowed: false),
            VerifierCase(
                name: "another engineer of the group", actor: WorkflowActorKind.groupAgent.actor, tier: .l1,
                allowed: true),
            VerifierCase(
                name: "an L1 engineer of the group on an L2 ticket", actor: WorkflowActorKind.groupAgent.actor,
                tier: .l2, allowed: false),
            VerifierCase(
                name: "an L3 engineer of the group on an L2 ticket",
                actor: Principal(id: 203, name: "冯工", role: .agent, tier: .l3, groupIds: [F.groupId]), tier: .l2,
                allowed: true),
            VerifierCase(
                name: "an engineer of another group", actor: WorkflowActorKind.outsideAgent.actor, tier: .l1,
                allowed: false),
            VerifierCase(
                name: "the problem manager", actor: WorkflowActorKind.problemManager.actor, tier: .l1, allowed: false),
            VerifierCase(name: "a supervisor", actor: WorkflowActorKind.supervisor.actor, tier: .l1, allowed: true),
            VerifierCase(name: "an admin", actor: WorkflowActorKind.admin.actor, tier: .l3, allowed: true),
            VerifierCase(name: "the requester", actor: WorkflowActorKind.owner.actor, tier: .l1, allowed: false),
        ])
    func verifiers(_ c: VerifierCase) throws {
        // given
        let ticket = try Self.verifying(tier: c.tier)

        // when
        let offered = Workflow.availableActions(for: ticket, by: c.actor, at: F.now, rules: F.rules)
        let verify = { () throws(WorkflowError) -> TicketChange in
            try Workflow.apply(TransitionRequest(action: .verify), to: ticket, by: c.actor, at: F.now, rules: F.rules)
        }

        // then
        #expect(Verifications.mayVerify(ticket, by: c.actor) == c.allowed)
        #expect(offered.contains(.verify) == c.allowed)
        #expect(offered.contains(.failVerification) == c.allowed)
        if c.allowed {
            #expect(try verify().ticket.status == .resolved)
        } else {
            #expect(throws: WorkflowError.forbidden(action: "verify")) { try verify() }
        }
    }

    @Test("R5.1 a supervisor who resolved the ticket does not verify their own solution")
    func supervisorResolver() throws {
        let supervisor = WorkflowActorKind.supervisor.actor
        let ticket = try Workflow.apply(
            TransitionRequest(action: .resolve, solution: "重启服务"), to: Self.inProgress(), by: supervisor, at: F.now,
            rules: Self.rules(verifying: [Self.category])
        ).ticket
        #expect(!Verifications.mayVerify(ticket, by: supervisor))
        #expect(Verifications.mayVerify(ticket, by: WorkflowActorKind.admin.actor))
    }

    @Test("R5.1 passed: resolved, the requester told only now, the verifier recorded, the solution public")
    func passed() throws {
        // given
        let ticket = try Self.verifying()
        let verifier = WorkflowActorKind.groupAgent.actor
        let later = F.now.addingTimeInterval(600)

        // when
        let change = try Workflow.apply(
            TransitionRequest(action: .verify), to: ticket, by: verifier, at: later, rules: F.rules)

        // then
        #expect(change.ticket.status == .resolved)
        #expect(change.notices.map(\.kind) == [.resolved])
        #expect(change.notices[0].recipients == [.user(WorkflowActorKind.owner.actor.id)])
        #expect(change.ticket.verification?.verifierId == verifier.id)
        #expect(change.ticket.verification?.verifiedAt == later)
        #expect(change.events[0].visibility == .public)
        #expect(change.events[0].body == "更换硒鼓")
    }

    @Test("R5.1 failed: back to the handler in progress, the reason internal, the handler told; a reason is required")
    func failed() throws {
        // given
        let ticket = try Self.verifying()
        let verifier = WorkflowActorKind.supervisor.actor

        // when / then
        #expect(throws: WorkflowError.reasonRequired(action: "fail_verification")) {
            try Workflow.apply(
                TransitionRequest(action: .failVerification, reason: "  "), to: ticket, by: verifier, at: F.now,
                rules: F.rules)
        }
        let change = try Workflow.apply(
            TransitionRequest(action: .failVerification, reason: "打印测试页仍卡纸"), to: ticket, by: verifier, at: F.now,
            rules: F.rules)
        #expect(change.ticket.status == .inProgress)
        #expect(change.ticket.assigneeId == Self.handler.id)
        #expect(change.ticket.verification == nil)
        #expect(change.events[0].visibility == .internal)
        #expect(change.events[0].reason == "打印测试页仍卡纸")
        #expect(change.notices.map(\.kind) == [.verificationFailed])
        #expect(change.notices[0].recipients == [.user(Self.handler.id)])
        #expect(change.notices[0].arguments["reason"] == "打印测试页仍卡纸")
    }

    @Test("R5.1 verify is illegal unless the ticket waits for its check")
    func onlyWhileVerifying() {
        let ticket = F.ticket(status: .resolved)
        #expect(throws: WorkflowError.illegalTransition(action: .verify, from: .resolved)) {
            try Workflow.apply(
                TransitionRequest(action: .verify), to: ticket, by: WorkflowActorKind.supervisor.actor, at: F.now,
                rules: F.rules)
        }
    }

    @Test("R5.1 R3.3 the resolution clock keeps running through verification and stops when it passes")
    func clockStopsAtVerification() throws {
        // given: resolved 10:00 into verification, passed 11:30 on a Wednesday (working hours)
        let ticket = try Self.verifying()
        let passedAt = F.at("2026-03-04T11:30:00+08:00")
        let resolved = try Workflow.apply(
            TransitionRequest(action: .verify), to: ticket, by: WorkflowActorKind.supervisor.actor, at: passedAt,
            rules: F.rules
        ).ticket

        // then
        let waiting = ticket.sla.state(at: passedAt, policy: .default, calendar: .standard)
        #expect(waiting.resolvedAt == nil && !waiting.paused)
        let state = resolved.sla.state(at: passedAt.addingTimeInterval(7200), policy: .default, calendar: .standard)
        #expect(state.resolvedAt == passedAt)
        let explanation = SLAExplanation(
            ticket: resolved, events: [], rules: F.rules, now: passedAt.addingTimeInterval(7200))
        #expect(explanation.countedMinutes == 150)  // 09:00 → 11:30
    }

    @Test("R5.1 R3.3 a failed check leaves only running time, no resolved stretch")
    func failedCheckKeepsRunning() throws {
        let ticket = try Self.verifying()
        let back = try Workflow.apply(
            TransitionRequest(action: .failVerification, reason: "未修复"), to: ticket,
            by: WorkflowActorKind.supervisor.actor, at: F.at("2026-03-04T10:30:00+08:00"), rules: F.rules
        ).ticket
        let explanation = SLAExplanation(
            ticket: back, events: [], rules: F.rules, now: F.at("2026-03-04T11:00:00+08:00"))
        #expect(explanation.resolvedIntervals.isEmpty)
        #expect(explanation.countedMinutes == 120)
    }

    @Test("R5.1 R9.1 the requester does not see a solution that waits for its check")
    func requesterDoesNotSeeSolution() throws {
        let ticket = try Self.verifying()
        #expect(Access.presented(ticket, to: WorkflowActorKind.owner.actor).solution == nil)
        #expect(Access.presented(ticket, to: WorkflowActorKind.groupAgent.actor).solution == "更换硒鼓")
    }

    @Test("R5.1 R4.2 a breach while verifying is recorded but does not escalate the ticket away from its check")
    func noEscalationWhileVerifying() throws {
        // given: P2 resolution is 24 business hours; a week later it has passed
        let ticket = try Self.verifying(tier: .l2)
        let weekLater = F.at("2026-03-11T10:00:00+08:00")

        // when
        let change = try #require(SLAEngine.fire(ticket, rules: F.rules, history: [], now: weekLater))

        // then
        #expect(change.ticket.status == .verifying)
        #expect(change.ticket.tier == .l2)
        #expect(change.ticket.breaches?.map(\.target).contains(.resolution) == true)
    }

    @Test(
        "R5.5 the review reminder: the set working minutes after resolution, to the supervisors, once",
        arguments: [(30, "2026-03-04T10:30:00+08:00"), (90, "2026-03-04T11:30:00+08:00")])
    func reviewReminder(minutes: Int, due: String) throws {
        // given: resolved Wednesday 10:00
        var rules = F.rules
        rules.engine.reviewMinutes = minutes
        let resolved = try Self.resolve(Self.inProgress(category: nil), rules: rules).ticket
        let timer = try #require(SLAEngine.timers(for: resolved, rules: rules).first { $0.kind == .reviewDue })

        // then
        #expect(timer.at == F.at(due))
        #expect(SLAEngine.fire(resolved, rules: rules, history: [], now: timer.at.addingTimeInterval(-1)) == nil)
        let fired = try #require(SLAEngine.fire(resolved, rules: rules, history: [], now: timer.at))
        #expect(fired.notices.map(\.kind) == [.reviewDue])
        #expect(fired.notices[0].recipients == [.role(.supervisor)])
        #expect(SLAEngine.fire(fired.ticket, rules: rules, history: [], now: timer.at) == nil)
    }

    @Test("R5.5 the review reminder counts working time: resolved Friday 17:50, due Monday 09:20")
    func reviewReminderWorkingTime() throws {
        let friday = F.at("2026-03-06T17:50:00+08:00")
        let resolved = try Self.resolve(Self.inProgress(category: nil), rules: F.rules, at: friday).ticket
        let timer = SLAEngine.timers(for: resolved, rules: F.rules).first { $0.kind == .reviewDue }
        #expect(timer?.at == F.at("2026-03-09T09:20:00+08:00"))
    }

    @Test("R5.5 the review record: times against targets, pauses, breaches, feedback; none before resolution")
    func reviewRecord() throws {
        // given: opened 09:00, in progress at once (first response 09:00), resolved 10:00, confirmed 10:10
        var ticket = F.ticket(status: .inProgress, priority: .p2)
        ticket.sla = SLATrack.opened(at: F.opened, priority: .p2)
            .applying(.firstResponse(at: F.at("2026-03-04T09:20:00+08:00")), policy: .default, calendar: .standard)
            .applying(.status(at: F.opened, to: .inProgress), policy: .default, calendar: .standard)
        #expect(throws: WorkflowError.notResolved) {
            try TicketReview(ticket: ticket, events: [], rules: F.rules, now: F.now)
        }
        let resolved = try Self.resolve(ticket, rules: F.rules)
        let confirmed = try Workflow.apply(
            TransitionRequest(action: .confirm), to: resolved.ticket, by: WorkflowActorKind.owner.actor,
            at: F.at("2026-03-04T10:10:00+08:00"), rules: F.rules)

        // when
        let review = try TicketReview(
            ticket: confirmed.ticket, events: resolved.events + confirmed.events, rules: F.rules,
            now: F.at("2026-03-04T10:20:00+08:00"))

        // then
        #expect(review.status == .confirmed)
        #expect(review.solution == "更换硒鼓" && review.rootCause == "硒鼓老化")
        #expect(review.response.usedMinutes == 20)
        #expect(review.response.met)
        #expect(review.resolution.usedMinutes == 60)
        #expect(review.resolution.targetMinutes == 24 * 60)
        #expect(review.resolution.met)
        #expect(review.resolution.at == F.now)
        #expect(review.pauses.isEmpty && review.breaches.isEmpty)
        #expect(review.confirmedAt == F.at("2026-03-04T10:10:00+08:00"))
        #expect(review.reviewDueAt == F.at("2026-03-04T10:30:00+08:00"))
        #expect(review.reviewedAt == nil)
    }

    @Test("R5.5 only supervisors and admins read the review record", arguments: WorkflowActorKind.allCases)
    func reviewReaders(kind: WorkflowActorKind) {
        #expect(TicketReview.mayRead(kind.actor) == [.supervisor, .admin].contains(kind))
    }
}
