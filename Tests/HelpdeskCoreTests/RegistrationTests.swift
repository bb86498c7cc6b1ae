import Foundation
import HelpdeskCore
import Testing

/// R1.7 registration: the received time a phone or e-mail request carries, the SLA clock starting
/// then, and the engine's reminder to check the information within one working hour.
@Suite("Registration (R1.7)")
struct RegistrationTests {
    typealias F = WorkflowFixture
    static let now = F.now
    static let day: TimeInterval = 86_400

    struct ReceivedCase: Sendable, CustomTestStringConvertible {
        var name: String
        var channel: Channel
        /// Seconds before now the L1 says the request came in; nil when left empty.
        var ago: TimeInterval?
        /// Seconds before now it is recorded as received; nil when refused.
        var receivedAgo: TimeInterval?
        var testDescription: String { name }
    }

    @Test(
        "R1.7 the received time: default now, phone, e-mail and IM only, not in the future, at most 30 days back",
        arguments: [
            ReceivedCase(name: "left empty on the phone is now", channel: .phone, ago: nil, receivedAgo: 0),
            ReceivedCase(name: "left empty on the portal is now", channel: .portal, ago: nil, receivedAgo: 0),
            ReceivedCase(name: "a call 20 minutes ago", channel: .phone, ago: 1200, receivedAgo: 1200),
            ReceivedCase(name: "an e-mail from yesterday", channel: .email, ago: day, receivedAgo: day),
            ReceivedCase(
                name: "an IM message sent 5 minutes before intake took it", channel: .im, ago: 300, receivedAgo: 300),
            ReceivedCase(name: "exactly now", channel: .phone, ago: 0, receivedAgo: 0),
            ReceivedCase(name: "exactly 30 days back", channel: .email, ago: 30 * day, receivedAgo: 30 * day),
            ReceivedCase(name: "30 days and a second back is refused", channel: .email, ago: 30 * day + 1),
            ReceivedCase(name: "a minute in the future is refused", channel: .phone, ago: -60),
            ReceivedCase(name: "a walk-in says nothing about receipt", channel: .walkIn, ago: 600),
            ReceivedCase(name: "a portal request is received when submitted", channel: .portal, ago: 600),
            ReceivedCase(name: "an API request is received when submitted", channel: .api, ago: 600),
        ])
    func receivedAt(_ c: ReceivedCase) {
        let entered = c.ago.map { Self.now.addingTimeInterval(-$0) }
        if let receivedAgo = c.receivedAgo {
            #expect(
                (try? Registration.receivedAt(entered, channel: c.channel, now: Self.now))
                    == Self.now.addingTimeInterval(-receivedAgo))
        } else {
            #expect(throws: WorkflowError.invalidValue(field: "receivedAt")) {
                try Registration.receivedAt(entered, channel: c.channel, now: Self.now)
            }
        }
    }

    @Test("R1.7 the SLA clock starts when the request was received, the ticket records both times")
    func intakeStartsTheClockAtReceipt() throws {
        // given: a call 40 minutes before the L1 typed it in
        var input = IntakeFixture.submission()
        let received = Self.now.addingTimeInterval(-2400)
        input.receivedAt = received

        // when
        let draft = try IntakeFixture.draft(input)

        // then
        #expect(draft.ticket.receivedAt == received)
        #expect(draft.ticket.submittedAt == Self.now)
        #expect(draft.ticket.sla.openedAt == received)
        #expect(draft.event.data["received_at"] == received.ISO8601Format())
        // P1's 4 working hours from 09:20: 2 h 40 min to noon, 1 h 20 min after lunch.
        let state = draft.ticket.sla.state(at: Self.now, policy: F.rules.policy, calendar: F.rules.calendar)
        #expect(draft.ticket.priority == .p1)
        #expect(state.responseDueAt == Self.at(4, "14:20"))
    }

    @Test("R1.7 without a received time the ticket is received when recorded and the event says nothing more")
    func intakeDefaultsToNow() throws {
        let draft = try IntakeFixture.draft(IntakeFixture.submission())
        #expect(draft.ticket.receivedAt == Self.now)
        #expect(draft.ticket.sla.openedAt == Self.now)
        #expect(draft.event.data["received_at"] == nil)
    }

    // MARK: - Information check timer

    struct CheckCase: Sendable, CustomTestStringConvertible {
        var name: String
        var recorded: Date
        var due: Date
        var testDescription: String { name }
    }

    static func at(_ day: Int, _ time: String) -> Date { F.at("2026-03-0\(day)T\(time):00+08:00") }

    static func recorded(at date: Date, status: TicketStatus = .new, assignee: Int64? = nil, tier: Tier = .l1)
        -> Ticket
    {
        var ticket = F.ticket(status: status, assignee: assignee, tier: tier)
        ticket.submittedAt = date
        ticket.receivedAt = date
        return ticket
    }

    @Test(
        "R1.7 the intake_check timer is one working hour on the ticket's calendar after recording",
        arguments: [
            CheckCase(name: "Wednesday 09:00 → 10:00", recorded: at(4, "09:00"), due: at(4, "10:00")),
            CheckCase(name: "11:30 skips lunch → 13:30", recorded: at(4, "11:30"), due: at(4, "13:30")),
            CheckCase(name: "Friday 17:30 → Monday 09:30", recorded: at(6, "17:30"), due: at(9, "09:30")),
            CheckCase(name: "Saturday 10:00 → Monday 10:00", recorded: at(7, "10:00"), due: at(9, "10:00")),
        ])
    func intakeCheckDue(_ c: CheckCase) {
        let ticket = Self.recorded(at: c.recorded)
        let timers = SLAEngine.timers(for: ticket, rules: F.rules).filter { $0.kind == .intakeCheck }
        #expect(timers.map(\.at) == [c.due])
        #expect(timers.map(\.key) == ["intake_check"])
    }

    @Test("R1.7 no intake_check timer once checked, when closed, or on tickets recorded before registration times")
    func intakeCheckNotPlanned() {
        var checked = Self.recorded(at: Self.at(4, "09:00"))
        checked.informationCheckedAt = Self.at(4, "09:20")
        var old = Self.recorded(at: Self.at(4, "09:00"))
        old.receivedAt = nil
        var closed = Self.recorded(at: Self.at(4, "09:00"), status: .closed)
        closed.receivedAt = Self.at(4, "09:00")
        for ticket in [checked, old, closed] {
            #expect(!SLAEngine.timers(for: ticket, rules: F.rules).contains { $0.kind == .intakeCheck })
        }
    }

    @Test(
        "R1.7 the reminder goes to the handler, or to the group's L1 staff while nobody has the ticket",
        arguments: [
            (WorkflowActorKind.handler.actor.id as Int64?, [Recipient.user(WorkflowActorKind.handler.actor.id)]),
            (nil, [Recipient.group(F.groupId, minimumTier: .l1)]),
        ])
    func intakeCheckFires(assignee: Int64?, recipients: [Recipient]) throws {
        let ticket = Self.recorded(
            // at L2, so the L1 rule's escalation (09:30) does not take the ticket from its handler first
            at: Self.at(4, "09:00"), status: assignee == nil ? .new : .inProgress, assignee: assignee, tier: .l2)
        let early = SLAEngine.fire(ticket, rules: F.rules, history: [], now: Self.at(4, "09:59"))
        #expect(early?.notices.contains { $0.kind == .intakeCheck } != true)
        let change = try #require(SLAEngine.fire(ticket, rules: F.rules, history: [], now: Self.at(4, "10:00")))
        let notice = try #require(change.notices.first { $0.kind == .intakeCheck })
        #expect(notice.recipients == recipients)
        #expect(change.ticket.firedTimers?.contains("intake_check") == true)
        #expect(change.events.contains { $0.kind == .sla && $0.data["timer"] == "intake_check" })
    }

    @Test("R1.7 a ticket checked before the hour never gets the reminder")
    func checkedTicketIsNotReminded() throws {
        let ticket = Self.recorded(at: Self.at(4, "09:00"))
        let checked = try Registration.checkInformation(
            on: ticket, by: WorkflowActorKind.groupAgent.actor, at: Self.at(4, "09:30"))
        #expect(checked.ticket.informationCheckedAt == Self.at(4, "09:30"))
        #expect(checked.events.map(\.kind) == [.informationChecked])
        #expect(checked.events.first?.visibility == .internal)
        let later = SLAEngine.fire(checked.ticket, rules: F.rules, history: [], now: Self.at(4, "11:00"))
        #expect(later?.notices.contains { $0.kind == .intakeCheck } != true)
    }

    struct WhoCase: Sendable, CustomTestStringConvertible {
        var actor: WorkflowActorKind
        var status: TicketStatus = .new
        var alreadyChecked = false
        var error: WorkflowError?
        var testDescription: String {
            "\(actor.rawValue) on a \(status.rawValue)\(alreadyChecked ? " checked" : "") ticket"
        }
    }

    @Test(
        "R1.7 staff who see the ticket check it once, before it is closed",
        arguments: [
            WhoCase(actor: .handler), WhoCase(actor: .groupAgent), WhoCase(actor: .problemManager),
            WhoCase(actor: .supervisor), WhoCase(actor: .handler, status: .inProgress),
            WhoCase(actor: .owner, error: .forbidden(action: "information_check")),
            WhoCase(actor: .outsideAgent, error: .forbidden(action: "information_check")),
            WhoCase(actor: .handler, alreadyChecked: true, error: .alreadyChecked),
            WhoCase(actor: .handler, status: .closed, error: .ticketClosed),
        ])
    func whoChecks(_ c: WhoCase) {
        var ticket = F.ticket(status: c.status)
        ticket.receivedAt = F.opened
        if c.alreadyChecked { ticket.informationCheckedAt = F.opened }
        #expect(Registration.mayCheckInformation(ticket, by: c.actor.actor) == (c.error == nil))
        if let error = c.error {
            #expect(throws: error) { try Registration.checkInformation(on: ticket, by: c.actor.actor, at: F.now) }
        } else {
            #expect((try? Registration.checkInformation(on: ticket, by: c.actor.actor, at: F.now)) != nil)
        }
    }

    @Test("R1.7 R1.3 asking the requester for missing details is the check finding gaps")
    func infoRequestCountsAsChecked() throws {
        let ticket = Self.recorded(at: F.opened, status: .assigned, assignee: WorkflowActorKind.handler.actor.id)
        let change = try InfoRequests.request(
            fields: [], note: "请补充报错截图", on: ticket, by: WorkflowActorKind.handler.actor, at: F.now, rules: F.rules)
        #expect(change.ticket.informationCheckedAt == F.now)
        #expect(!SLAEngine.timers(for: change.ticket, rules: F.rules).contains { $0.kind == .intakeCheck })
    }
}
