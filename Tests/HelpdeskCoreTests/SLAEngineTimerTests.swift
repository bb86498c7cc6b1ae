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

    @Test("R2.2 R4.2: by default only P0 is core business and leaves L1 at intake; P1–P3 after 30 business minutes",
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
        PauseCase(name: "waiting on the requester since 09:10: no L1 escalation while it waits",
                  steps: [(.waitingOnRequester, at(4, "09:10"))], due: nil),
        PauseCase(name: "blocked since 09:10 and the policy pauses blocked: no L1 escalation",
                  steps: [(.blocked, at(4, "09:10"))], due: nil),
        PauseCase(name: "waited 09:10–10:10: 20 minutes before and 10 after, due 10:30",
                  steps: [(.waitingOnRequester, at(4, "09:10")), (.inProgress, at(4, "10:10"))], due: at(4, "10:30")),
        PauseCase(name: "waited, then blocked, resumed at 10:10: due 10:30",
                  steps: [(.waitingOnRequester, at(4, "09:10")), (.blocked, at(4, "09:40")), (.inProgress, at(4, "10:10"))],
                  due: at(4, "10:30")),
        PauseCase(name: "waited 09:25–17:58: 25 + 2 minutes on Wednesday, the last 3 on Thursday, due Thursday 09:03",
                  steps: [(.waitingOnRequester, at(4, "09:25")), (.inProgress, at(4, "17:58"))], due: at(5, "09:03")),
        PauseCase(name: "blocked since 09:10 but the policy does not pause blocked: the clock runs, due 09:30",
                  steps: [(.blocked, at(4, "09:10"))], pauseStatuses: [.waitingOnRequester], due: at(4, "09:30")),
    ]

    @Test("R3.3 R4.2: the L1 30-minute rule counts business time like the SLA clock, paused time excluded",
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
}
