import Foundation
import HelpdeskCore
import Testing

/// The SLA engine's timed rules one by one: when each timer comes due, who it tells and what it
/// changes. Tickets are opened Wednesday 2026-03-04 09:00 Shanghai time (`WorkflowFixture`);
/// the standard calendar works 09:00–12:00 and 13:00–18:00 on weekdays.
@Suite("SLA engine timers")
struct SLAEngineTimerTests {
    typealias F = WorkflowFixture
    static let handler = WorkflowActorKind.handler.actor

    /// Shanghai wall-clock time on a March 2026 day: `at(4, "09:30")` is Wednesday 09:30.
    static func at(_ day: Int, _ time: String) -> Date { F.at("2026-03-0\(day)T\(time):00+08:00") }

    /// The escalation an engine firing at `now` performed, as "tier rule"; nil when none.
    static func escalation(firing ticket: Ticket, at now: Date, rules: TicketRules = F.rules) -> String? {
        SLAEngine.fire(ticket, rules: rules, history: [], now: now)?.events
            .first { $0.action == .escalate }
            .map { "\($0.data["tier"] ?? "") \($0.data["rule"] ?? "")" }
    }

    // MARK: - Core business (R2.2, R4.2)

    struct CoreCase: Sendable, CustomTestStringConvertible {
        var priority: Priority
        /// When the L1 rule sends a new L1 ticket to L2, and under which rule.
        var escalatesAt: Date
        var rule: String
        var testDescription: String { "\(priority.rawValue) leaves L1 at \(escalatesAt.ISO8601Format()) (\(rule))" }
    }

    @Test(
        "R2.2 R4.2: by default only P0 is core business and leaves L1 at intake; P1–P3 after 30 business minutes",
        arguments: [
            CoreCase(priority: .p0, escalatesAt: F.opened, rule: "core_business"),
            CoreCase(priority: .p1, escalatesAt: at(4, "09:30"), rule: "l1_timeout"),
            CoreCase(priority: .p2, escalatesAt: at(4, "09:30"), rule: "l1_timeout"),
            CoreCase(priority: .p3, escalatesAt: at(4, "09:30"), rule: "l1_timeout"),
        ])
    func coreBusinessDefault(_ c: CoreCase) {
        let ticket = F.ticket(status: .new, assignee: nil, priority: c.priority)
        if c.escalatesAt > F.opened {
            #expect(Self.escalation(firing: ticket, at: F.opened) == nil, "escalated at intake")
            #expect(Self.escalation(firing: ticket, at: c.escalatesAt.addingTimeInterval(-1)) == nil)
        }
        #expect(Self.escalation(firing: ticket, at: c.escalatesAt) == "L2 \(c.rule)")
    }

    @Test("R2.2 R4.2: a P1 stays at L1 at intake, so its L1 engineer's escalation sends it to L2, not L3")
    func l1EscalatesP1ToL2() throws {
        // given: a P1 as intake stores it (the engine fires what is due at once), then taken by L1
        var ticket = F.ticket(status: .new, assignee: nil, priority: .p1)
        ticket = SLAEngine.fire(ticket, rules: F.rules, history: [], now: F.opened)?.ticket ?? ticket
        #expect(ticket.tier == .l1)
        ticket = try Workflow.apply(
            TransitionRequest(action: .start), to: ticket, by: Self.handler, at: Self.at(4, "09:05"), rules: F.rules
        ).ticket

        // when
        let escalated = try Workflow.apply(
            TransitionRequest(action: .escalate, reason: "远程排查未解决"), to: ticket, by: Self.handler,
            at: Self.at(4, "09:20"), rules: F.rules)

        // then
        #expect(escalated.ticket.tier == .l2)
        #expect(escalated.events.first?.data["tier"] == "L2")
    }

    // MARK: - L1 30-minute rule and pauses (R3.3, R4.2)

    struct PauseCase: Sendable, CustomTestStringConvertible {
        var name: String
        /// Statuses after the ticket went in progress at 09:00, with the time they were entered (Wednesday unless given).
        var steps: [(TicketStatus, Date)]
        var pauseStatuses: Set<TicketStatus> = [.waitingOnRequester, .blocked]
        /// When the L1 rule fires; nil when it must not while the ticket stays as it is.
        var due: Date?
        var testDescription: String { name }
    }

    static let pauseCases: [PauseCase] = [
        PauseCase(name: "in progress throughout: due at 09:30", steps: [], due: at(4, "09:30")),
        PauseCase(
            name: "waiting on the requester since 09:10: no L1 escalation while it waits",
            steps: [(.waitingOnRequester, at(4, "09:10"))], due: nil),
        PauseCase(
            name: "blocked since 09:10 and the policy pauses blocked: no L1 escalation",
            steps: [(.blocked, at(4, "09:10"))], due: nil),
        PauseCase(
            name: "waited 09:10–10:10: 20 minutes before and 10 after, due 10:30",
            steps: [(.waitingOnRequester, at(4, "09:10")), (.inProgress, at(4, "10:10"))], due: at(4, "10:30")),
        PauseCase(
            name: "waited, then blocked, resumed at 10:10: due 10:30",
            steps: [(.waitingOnRequester, at(4, "09:10")), (.blocked, at(4, "09:40")), (.inProgress, at(4, "10:10"))],
            due: at(4, "10:30")),
        PauseCase(
            name: "waited 09:25–17:58: 25 + 2 minutes on Wednesday, the last 3 on Thursday, due Thursday 09:03",
            steps: [(.waitingOnRequester, at(4, "09:25")), (.inProgress, at(4, "17:58"))], due: at(5, "09:03")),
        PauseCase(
            name: "blocked since 09:10 but the policy does not pause blocked: the clock runs, due 09:30",
            steps: [(.blocked, at(4, "09:10"))], pauseStatuses: [.waitingOnRequester], due: at(4, "09:30")),
    ]

    @Test(
        "R3.3 R4.2: the L1 30-minute rule counts business time like the SLA clock, paused time excluded",
        arguments: pauseCases)
    func l1RuleSkipsPauses(_ c: PauseCase) {
        // given
        let policy = SLAPolicy(targets: SLAPolicy.default.targets, pauseStatuses: c.pauseStatuses)
        let rules = TicketRules(policy: policy, calendar: .standard)
        var ticket = F.ticket(status: .inProgress, priority: .p2)
        for (status, at) in c.steps {
            ticket.sla = ticket.sla.applying(.status(at: at, to: status), policy: policy, calendar: .standard)
            ticket.status = status
        }

        // when
        let planned = SLAEngine.timers(for: ticket, rules: rules).first { $0.kind == .l1Escalation }

        // then
        #expect(planned?.at == c.due)
        if let due = c.due {
            #expect(Self.escalation(firing: ticket, at: due.addingTimeInterval(-1), rules: rules) == nil)
            #expect(Self.escalation(firing: ticket, at: due, rules: rules) == "L2 l1_timeout")
        } else {
            #expect(Self.escalation(firing: ticket, at: Self.at(4, "17:00"), rules: rules) == nil)
        }
    }

    // MARK: - Auto-close and reopen (R4.9, R5.4)

    @Test("R4.9 R5.4: a ticket the engine auto-closed and the requester reopened is no longer marked auto-closed")
    func reopenClearsAutoClosed() throws {
        // given: resolved Wednesday 09:00, never confirmed; a week later the engine has closed it
        let resolved = F.ticket(status: .resolved, tier: .l2)
        let weekLater = F.at("2026-03-11T10:00:00+08:00")
        let closed = try #require(SLAEngine.fire(resolved, rules: F.rules, history: [], now: weekLater)).ticket
        try #require(closed.status == .closed && closed.autoClosed == true)

        // when
        let reopened = try Workflow.apply(
            TransitionRequest(action: .reopen, reason: "问题又出现了"), to: closed, by: WorkflowActorKind.owner.actor,
            at: weekLater.addingTimeInterval(3600), rules: F.rules)

        // then
        #expect(reopened.ticket.status == .inProgress)
        #expect(reopened.ticket.autoClosed != true)
    }

    // MARK: - P0 cadence (R3.6)

    /// The notices of `kind` an engine firing at `now` sent.
    static func notices(_ kind: NoticeKind, firing ticket: Ticket, at now: Date) -> [Notice] {
        SLAEngine.fire(ticket, rules: F.rules, history: [], now: now)?.notices.filter { $0.kind == kind } ?? []
    }

    struct CadenceCase: Sendable, CustomTestStringConvertible {
        var name: String
        /// The last progress update by staff; nil when none since the ticket was taken at 09:00.
        var lastUpdate: Date?
        var kind: NoticeKind
        var due: Date
        var recipients: [Recipient]
        var testDescription: String { name }
    }

    @Test(
        "R3.6: a P0 in progress owes an update every 30 minutes; the handler is told when due, the supervisors and on-duty lead when missed",
        arguments: [
            CadenceCase(
                name: "no update since 09:00: due at 09:30, to the handler", lastUpdate: nil, kind: .updateDue,
                due: at(4, "09:30"), recipients: [.user(handler.id)]),
            CadenceCase(
                name: "no update since 09:00: missed at 10:00, to the supervisors and the on-duty lead",
                lastUpdate: nil, kind: .updateMissed, due: at(4, "10:00"),
                recipients: [.role(.supervisor), .onDutyLead]),
            CadenceCase(
                name: "updated at 09:20: due at 09:50", lastUpdate: at(4, "09:20"), kind: .updateDue,
                due: at(4, "09:50"), recipients: [.user(handler.id)]),
            CadenceCase(
                name: "updated at 09:20: missed at 10:20", lastUpdate: at(4, "09:20"), kind: .updateMissed,
                due: at(4, "10:20"), recipients: [.role(.supervisor), .onDutyLead]),
        ])
    func p0Cadence(_ c: CadenceCase) throws {
        // given
        var ticket = F.ticket(status: .inProgress, tier: .l2, priority: .p0)
        ticket.lastUpdateAt = c.lastUpdate

        // when
        let early = Self.notices(c.kind, firing: ticket, at: c.due.addingTimeInterval(-1))
        let onTime = Self.notices(c.kind, firing: ticket, at: c.due)

        // then
        #expect(early.filter { $0.arguments["cadence"] == "p0" }.isEmpty)
        let notice = try #require(onTime.first { $0.arguments["cadence"] == "p0" })
        #expect(notice.recipients == c.recipients)
        #expect(notice.arguments["due"] == c.due.ISO8601Format())
    }

    @Test("R3.6: a work-log entry restarts the P0 cadence: the next update is due 30 minutes after it")
    func p0CadenceRestarts() throws {
        // given: the 09:30 update notice went out, then the handler logs progress at 09:40
        let ticket = F.ticket(status: .inProgress, tier: .l2, priority: .p0)
        let told = try #require(SLAEngine.fire(ticket, rules: F.rules, history: [], now: Self.at(4, "09:30"))).ticket
        let logged = try TicketOperations.addWorklog(
            "已定位到数据库连接池耗尽", visibility: .internal, to: told, by: Self.handler, at: Self.at(4, "09:40"),
            rules: F.rules
        ).ticket

        // when
        let cadence = SLAEngine.timers(for: logged, rules: F.rules).filter { $0.cadence == .p0 }

        // then
        #expect(cadence.map(\.kind) == [.updateDue, .updateMissed])
        #expect(cadence.map(\.at) == [Self.at(4, "10:10"), Self.at(4, "10:40")])
        #expect(Self.notices(.updateMissed, firing: logged, at: Self.at(4, "10:00")).isEmpty)
    }

    // MARK: - Collaboration (R4.7)

    struct CollaborationCase: Sendable, CustomTestStringConvertible {
        var name: String
        var leadGroupId: Int64?
        var answered: Bool
        /// Who hears that the collaborator is late; nil when nobody must.
        var told: [Recipient]?
        var testDescription: String { name }
    }

    @Test(
        "R4.7: a collaborator who has not answered within 24 hours is flagged once, to the lead department or the supervisors",
        arguments: [
            CollaborationCase(
                name: "no lead department: the supervisors and the handler", leadGroupId: nil, answered: false,
                told: [.role(.supervisor), .user(handler.id)]),
            CollaborationCase(
                name: "lead department 30: its lead and the handler", leadGroupId: 30, answered: false,
                told: [.groupLead(30), .user(handler.id)]),
            CollaborationCase(name: "answered in time: nobody", leadGroupId: 30, answered: true, told: nil),
        ])
    func collaborationOverdue(_ c: CollaborationCase) throws {
        // given: the L2 handler asks the network group at 10:00 Wednesday; due Thursday 10:00
        var ticket = F.ticket(status: .inProgress, tier: .l2)
        ticket.leadGroupId = c.leadGroupId
        ticket = try Collaborations.ask(
            groupId: 20, contact: "网络组 王工", question: "防火墙是否拦截了 8443 端口？", on: ticket, by: Self.handler,
            at: F.now, rules: F.rules
        ).ticket
        if c.answered {
            let networkAgent = WorkflowActorKind.outsideAgent.actor
            ticket = try Collaborations.answer(1, answer: "已放行", on: ticket, by: networkAgent, at: Self.at(5, "09:00"))
                .ticket
        }
        let due = Self.at(5, "10:00")

        // when
        let before = SLAEngine.fire(ticket, rules: F.rules, history: [], now: due.addingTimeInterval(-1))
        let seen = before?.ticket ?? ticket
        let atDue = SLAEngine.fire(seen, rules: F.rules, history: [], now: due)
        let overdue = atDue?.notices.filter { $0.kind == .collaborationOverdue } ?? []

        // then
        #expect(before?.notices.contains { $0.kind == .collaborationOverdue } != true)
        guard let told = c.told else {
            #expect(overdue.isEmpty)
            #expect(SLAEngine.timers(for: ticket, rules: F.rules).allSatisfy { $0.kind != .collaborationOverdue })
            return
        }
        try #require(overdue.count == 1)
        #expect(overdue[0].recipients == told)
        #expect(overdue[0].arguments["contact"] == "网络组 王工")
        let flagged = try #require(atDue?.ticket)
        #expect(flagged.collaborations?.first?.flaggedAt == due)
        // Once: a later pass does not flag it again.
        let later = SLAEngine.fire(flagged, rules: F.rules, history: [], now: due.addingTimeInterval(3600))
        #expect(later?.notices.contains { $0.kind == .collaborationOverdue } != true)
    }
}
