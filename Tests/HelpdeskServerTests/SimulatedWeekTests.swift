import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import Logging
import Testing

@testable import HelpdeskServer

/// A week and a half of simulated time, ticked every 5 minutes by the real scheduler, across a
/// weekend, a swapped working day (Sunday 11-29 is worked, 调休) and a public holiday (Monday
/// 11-30). Every timed event must fire exactly once, at the first tick on or after its moment.
@Suite("SLA engine: a simulated week")
struct SimulatedWeekTests {
    struct Fired: Equatable, CustomStringConvertible {
        var timer: String
        var cadence: String?
        var due: String
        var firedAt: String
        var description: String { "\(timer)\(cadence.map { "/\($0)" } ?? "") due \(due) fired \(firedAt)" }
    }

    static let tick: TimeInterval = 300

    @Test(
        "R3.4 R3.6 R4.2 R4.3 R5.4 R5.5 every warning, breach, escalation, reminder and auto-close fires once on time",
        arguments: TestStores.kinds)
    func simulatedWeek(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            let calendarRecord = try await store.calendars().first!
            var calendar = calendarRecord.calendar
            calendar.holidays = [LocalDate(string: "2026-11-30")!]
            calendar.workingDays = [LocalDate(string: "2026-11-29")!]
            _ = try await store.saveCalendar(
                CalendarRecord(id: calendarRecord.id, name: calendarRecord.name, calendar: calendar), now: Date())
            let group = try await store.groups().first!.id
            let requester = try await TicketFactory.user(in: store, "xiaoming", role: .requester)
            let manager = try await TicketFactory.user(in: store, "pm", role: .problemManager)
            let l2 = try await TicketFactory.user(in: store, "l2", role: .agent, tier: .l2, groups: [group])
            let l3 = try await TicketFactory.user(in: store, "l3", role: .agent, tier: .l3, groups: [group])
            let supervisor = try await TicketFactory.user(in: store, "boss", role: .supervisor)

            let clock = TestClock(Shanghai.date("2026-11-27 10:00"))
            let scheduler = SLAScheduler(
                store: store, clock: AppClock { clock.now }, channels: [:], logger: TestStores.logger)

            // A: P3 (low × low) at L1 on Friday morning.
            let a = try await TicketFactory.create(
                in: store,
                TicketFactory.input(
                    title: "打印机无法连接", requester: requester.asRequester, impact: .low, urgency: .low, groupId: group),
                by: requester.actor, at: clock.now)
            #expect(a.priority == .p3)
            var b = ""  // the P0, opened on the swapped Sunday at 03:00

            func move(_ number: String, _ request: TransitionRequest, by user: User) async throws {
                let now = clock.now
                _ = try await store.updateTicket(number: number) { ticket, rules in
                    try Workflow.apply(request, to: ticket, by: user.actor, at: now, rules: rules)
                }
            }
            let actions: [String: () async throws -> Void] = [
                "2026-11-27 11:00": {
                    try await move(a.number, TransitionRequest(action: .assign, assigneeId: l2.id), by: manager)
                },
                "2026-11-27 15:30": { try await move(a.number, TransitionRequest(action: .accept), by: l2) },
                "2026-11-29 03:00": {
                    b = try await TicketFactory.create(
                        in: store,
                        TicketFactory.input(
                            title: "核心交易系统宕机", requester: requester.asRequester, impact: .high, urgency: .high,
                            groupId: group),
                        by: requester.actor, at: clock.now
                    ).number
                },
                "2026-12-02 11:00": { try await move(a.number, TransitionRequest(action: .start), by: l3) },
                "2026-12-02 11:30": {
                    try await move(a.number, TransitionRequest(action: .resolve, solution: "重新安装驱动"), by: l3)
                },
            ]
            let end = Shanghai.date("2026-12-08 12:00")
            while clock.now <= end {
                let label = Self.label(clock.now)
                if let action = actions[label] { try await action() }
                await scheduler.tick()
                clock.advance(by: Self.tick)
            }

            let firedA = try await Self.fired(store, a.number)
            let expectedA: [Fired] = [
                Fired(timer: "l1_escalation", due: "2026-11-27 10:30", firedAt: "2026-11-27 10:30"),
                // R1.7: recorded Friday 10:00 and nobody confirmed the information within the working hour.
                Fired(timer: "intake_check", due: "2026-11-27 11:00", firedAt: "2026-11-27 11:00"),
                Fired(timer: "receipt_reminder", due: "2026-11-27 14:00", firedAt: "2026-11-27 14:00"),
                Fired(timer: "receipt_overdue", due: "2026-11-27 15:00", firedAt: "2026-11-27 15:00"),
                // L2 owes the requester an update 2 working hours after accepting (Fri 17:30) …
                Fired(timer: "update_due", cadence: "requester", due: "2026-11-27 17:30", firedAt: "2026-11-27 17:30"),
                // … and the daily update on the next working day: the swapped Sunday.
                Fired(timer: "update_due", cadence: "daily", due: "2026-11-29 17:00", firedAt: "2026-11-29 17:00"),
                Fired(
                    timer: "update_missed", cadence: "requester", due: "2026-11-29 10:30", firedAt: "2026-11-29 10:30"),
                // Monday is a holiday, so the supervisor hears on Tuesday morning.
                Fired(timer: "update_missed", cadence: "daily", due: "2026-12-01 10:00", firedAt: "2026-12-01 10:00"),
                // 75 % of 3 working days (18 h): Fri 7 h + swapped Sunday 8 h + Tuesday 3 h.
                Fired(timer: "resolution_warning", due: "2026-12-01 12:00", firedAt: "2026-12-01 12:00"),
                Fired(timer: "resolution_breach", due: "2026-12-02 10:00", firedAt: "2026-12-02 10:00"),
                // Resolved Wednesday 11:30: nobody reviews and closes it within 30 working minutes, so
                // the supervisors are reminded at 12:00 (R5.5); follow-up 2 working hours later,
                // auto-close after 3 working days.
                Fired(timer: "review_due", due: "2026-12-02 12:00", firedAt: "2026-12-02 12:00"),
                Fired(timer: "follow_up", due: "2026-12-02 14:30", firedAt: "2026-12-02 14:30"),
                Fired(timer: "auto_close", due: "2026-12-07 11:30", firedAt: "2026-12-07 11:30"),
            ]
            #expect(firedA == Self.ordered(expectedA))

            let closedA = try #require(try await store.ticket(number: a.number))
            #expect(closedA.status == .closed)
            #expect(closedA.autoClosed == true)
            #expect(closedA.breaches?.map(\.target) == [.resolution])
            let escalations = try await store.events(ticketId: a.id, includeInternal: true)
                .filter { $0.action == .escalate }.map { "\($0.data["tier"] ?? "") \($0.data["rule"] ?? "")" }
            #expect(escalations == ["L2 l1_timeout", "L3 resolution_breach"])

            // B: P0 opened on the swapped Sunday at 03:00, 24×7 targets, nobody acts.
            let firedB = try await Self.fired(store, b)
            let expectedB: [Fired] = [
                Fired(timer: "l1_escalation", due: "2026-11-29 03:00", firedAt: "2026-11-29 03:00"),
                Fired(timer: "p0_alert", due: "2026-11-29 03:00", firedAt: "2026-11-29 03:00"),
                Fired(timer: "response_warning", due: "2026-11-29 03:22", firedAt: "2026-11-29 03:25"),
                Fired(timer: "response_breach", due: "2026-11-29 03:30", firedAt: "2026-11-29 03:30"),
                Fired(timer: "resolution_warning", due: "2026-11-29 04:30", firedAt: "2026-11-29 04:30"),
                Fired(timer: "resolution_breach", due: "2026-11-29 05:00", firedAt: "2026-11-29 05:00"),
                Fired(timer: "hard_limit_breach", due: "2026-11-29 07:00", firedAt: "2026-11-29 07:00"),
                // R1.7: the information check is one *working* hour, also for a P0 on 24×7 targets:
                // the swapped Sunday's working day starts at 09:00.
                Fired(timer: "intake_check", due: "2026-11-29 10:00", firedAt: "2026-11-29 10:00"),
            ]
            #expect(firedB == expectedB)
            let ticketB = try #require(try await store.ticket(number: b))
            // A P0 breach tells the on-duty lead instead of moving tiers: it stays at L2.
            #expect(ticketB.tier == .l2)
            #expect(ticketB.breaches?.map(\.target) == [.response, .resolution, .hardLimit])

            // Who heard what: the supervisor got every breach, the L2 agent the P0 alert.
            let bossInbox = try await store.inbox(userId: supervisor.id, unreadOnly: true, before: nil, limit: 200)
            #expect(bossInbox.filter { $0.kind == "resolution_breach" }.count == 2)
            #expect(bossInbox.filter { $0.kind == "receipt_overdue" }.count == 1)
            let l2Inbox = try await store.inbox(userId: l2.id, unreadOnly: false, before: nil, limit: 200)
            #expect(l2Inbox.contains { $0.kind == "p0_alert" && $0.ticketNumber == b })
            #expect(l2Inbox.filter { $0.kind == "receipt_reminder" }.count == 1)
            let requesterInbox = try await store.inbox(userId: requester.id, unreadOnly: false, before: nil, limit: 200)
            #expect(requesterInbox.map(\.kind).sorted() == ["auto_closed", "resolved"])
        }
    }

    static func label(_ date: Date) -> String {
        TimeFormatting.local(date, Shanghai.timeZone)
    }

    static func fired(_ store: SQLStore, _ number: String) async throws -> [Fired] {
        let ticket = try #require(try await store.ticket(number: number))
        let events = try await store.events(ticketId: ticket.id, includeInternal: true).filter { $0.kind == .sla }.map {
            Fired(
                timer: $0.data["timer"] ?? "", cadence: $0.data["cadence"],
                due: label(try Date($0.data["due"] ?? "", strategy: .iso8601)), firedAt: label($0.at))
        }
        return ordered(events)
    }

    static func ordered(_ list: [Fired]) -> [Fired] {
        list.sorted { ($0.firedAt, $0.timer, $0.cadence ?? "") < ($1.firedAt, $1.timer, $1.cadence ?? "") }
    }
}
