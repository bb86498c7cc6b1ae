import Foundation
import HelpdeskCore
import Testing

private let hour: TimeInterval = 3600
private let minute: TimeInterval = 60
private func at(_ text: String) -> Date { CalendarFixture.at(text) }

/// A readable input log line: "2026-03-06 17:00 status waiting_on_requester".
struct SLALog: Sendable, CustomTestStringConvertible {
    var name: String
    var inputs: [SLAInput]
    var testDescription: String { name }
}

struct SLAReading: Sendable, CustomTestStringConvertible {
    var now: String
    var responseRemaining: Int
    var responseBreached: Bool
    var resolutionRemaining: Int
    var resolutionBreached: Bool
    var testDescription: String { "at \(now)" }
}

@Suite("SLA policy and targets")
struct SLAPolicyTests {
    @Test("Raw values are stable", arguments: SLAUnit.allCases)
    func unitRawValues(unit: SLAUnit) throws {
        let expected: [SLAUnit: String] = [.minutes: "minutes", .hours: "hours", .workingDays: "working_days"]
        #expect(unit.rawValue == expected[unit])
        #expect(SLAClockMode.business.rawValue == "business" && SLAClockMode.continuous.rawValue == "continuous")
    }

    @Test(
        "R3.2 target seconds; working days use the calendar's working-day length",
        arguments: [
            (SLATarget.minutes(30), 480, 1800.0), (.hours(4), 480, 14_400), (.workingDays(3), 480, 86_400),
            (.workingDays(1), 420, 25_200), (.hours(2, mode: .continuous), 480, 7200),
        ])
    func targetSeconds(target: SLATarget, workingDayMinutes: Int, seconds: Double) {
        let calendar = BusinessCalendar(workingDayMinutes: workingDayMinutes)
        #expect(target.seconds(calendar: calendar) == seconds)
    }

    @Test(
        "R3.1 default policy targets",
        arguments: [
            (
                Priority.p0, SLATarget.minutes(30, mode: .continuous), SLATarget.hours(2, mode: .continuous),
                SLATarget?.some(.hours(4, mode: .continuous))
            ),
            (.p1, .hours(4), .hours(8), nil), (.p2, .hours(8), .hours(24), nil),
            (.p3, .hours(24), .workingDays(3), nil),
        ])
    func defaultTargets(priority: Priority, response: SLATarget, resolution: SLATarget, hardLimit: SLATarget?) throws {
        let targets = try #require(SLAPolicy.default.targets(for: priority))
        #expect(targets.response == response)
        #expect(targets.resolution == resolution)
        #expect(targets.hardLimit == hardLimit)
        #expect(SLAPolicy.default.pauseStatuses == [.waitingOnRequester, .blocked])
        #expect(throws: Never.self) { try SLAPolicy.default.validate() }
    }

    @Test(
        "SLA policy validation",
        arguments: [
            (
                "missing P3", SLAPolicy(targets: Array(SLAPolicy.default.targets.prefix(3))),
                SLAPolicyError.missingPriority(.p3)
            ),
            (
                "P1 twice", SLAPolicy(targets: SLAPolicy.default.targets + [SLAPolicy.default.targets[1]]),
                .duplicatePriority(.p1)
            ),
            (
                "zero resolution",
                SLAPolicy(
                    targets: SLAPolicy.default.targets.map { t in
                        var t = t
                        if t.priority == .p2 { t.resolution = .hours(0) }
                        return t
                    }), .nonPositiveTarget(.p2)
            ),
            (
                "negative hard limit",
                SLAPolicy(
                    targets: SLAPolicy.default.targets.map { t in
                        var t = t
                        if t.priority == .p0 { t.hardLimit = .hours(-1) }
                        return t
                    }), .nonPositiveTarget(.p0)
            ),
            (
                "resolution beyond a year",
                SLAPolicy(
                    targets: SLAPolicy.default.targets.map { t in
                        var t = t
                        if t.priority == .p2 {
                            t.resolution = SLATarget(value: Int.max, unit: .hours, mode: .continuous)
                        }
                        return t
                    }), .targetTooLong(.p2)
            ),
            (
                "response beyond a year of working days",
                SLAPolicy(
                    targets: SLAPolicy.default.targets.map { t in
                        var t = t
                        if t.priority == .p3 { t.response = .workingDays(367) }
                        return t
                    }), .targetTooLong(.p3)
            ),
            (
                "closed cannot pause",
                SLAPolicy(targets: SLAPolicy.default.targets, pauseStatuses: [.blocked, .closed]),
                .pauseStatusNotOpen(.closed)
            ),
        ])
    func policyValidation(name: String, policy: SLAPolicy, error: SLAPolicyError) {
        #expect(throws: error) { try policy.validate() }
    }

    @Test("SLAPolicy round-trips through JSON; pauseStatuses default when missing")
    func policyCodable() throws {
        let data = try JSONEncoder().encode(SLAPolicy.default)
        #expect(try JSONDecoder().decode(SLAPolicy.self, from: data) == .default)
        let json =
            #"{"targets":[{"priority":"P1","response":{"value":2,"unit":"hours","mode":"business"},"#
            + #""resolution":{"value":3,"unit":"working_days","mode":"business"}}]}"#
        let policy = try JSONDecoder().decode(SLAPolicy.self, from: Data(json.utf8))
        #expect(policy.pauseStatuses == [.waitingOnRequester, .blocked])
        #expect(policy.targets(for: .p1)?.resolution == .workingDays(3))
        #expect(policy.targets(for: .p0) == nil)
    }
}

@Suite("SLA clock")
struct SLAClockTests {
    let policy = SLAPolicy.default
    let calendar = CalendarFixture.china2026

    func track(_ inputs: [SLAInput]) throws -> SLATrack {
        try #require(SLATrack.replay(inputs, policy: policy, calendar: calendar))
    }

    /// P1 opened Friday 2026-03-06 16:00 (Asia/Shanghai).
    var fridayP1: [SLAInput] { [.opened(at: at("2026-03-06 16:00"), priority: .p1)] }

    @Test("R3.1 P1 opened Friday 16:00: response due Monday 11:00, resolution Monday 16:00")
    func p1FridayAfternoon() throws {
        let state = try track(fridayP1).state(at: at("2026-03-06 16:00"), policy: policy, calendar: calendar)
        #expect(state.priority == .p1)
        #expect(state.responseDueAt == at("2026-03-09 11:00"))
        #expect(state.resolutionDueAt == at("2026-03-09 16:00"))
        #expect(state.hardLimitDueAt == nil && !state.hardLimitBreached)
        #expect(state.responseRemainingMinutes == 240 && state.resolutionRemainingMinutes == 480)
        #expect(!state.paused && state.pausedMinutes == 0 && state.pausedSince == nil)
    }

    @Test(
        "R3.4 P1 remaining business minutes and breach flags over time",
        arguments: [
            SLAReading(
                now: "2026-03-06 16:00", responseRemaining: 240, responseBreached: false, resolutionRemaining: 480,
                resolutionBreached: false),
            SLAReading(
                now: "2026-03-06 17:30", responseRemaining: 150, responseBreached: false, resolutionRemaining: 390,
                resolutionBreached: false),
            SLAReading(
                now: "2026-03-07 12:00", responseRemaining: 120, responseBreached: false, resolutionRemaining: 360,
                resolutionBreached: false),
            SLAReading(
                now: "2026-03-09 11:00", responseRemaining: 0, responseBreached: false, resolutionRemaining: 240,
                resolutionBreached: false),
            SLAReading(
                now: "2026-03-09 11:01", responseRemaining: -1, responseBreached: true, resolutionRemaining: 239,
                resolutionBreached: false),
            SLAReading(
                now: "2026-03-09 16:00", responseRemaining: -240, responseBreached: true, resolutionRemaining: 0,
                resolutionBreached: false),
            SLAReading(
                now: "2026-03-09 16:30", responseRemaining: -270, responseBreached: true, resolutionRemaining: -30,
                resolutionBreached: true),
        ])
    func p1Readings(_ r: SLAReading) throws {
        let state = try track(fridayP1).state(at: at(r.now), policy: policy, calendar: calendar)
        #expect(state.responseRemainingMinutes == r.responseRemaining)
        #expect(state.responseBreached == r.responseBreached)
        #expect(state.resolutionRemainingMinutes == r.resolutionRemaining)
        #expect(state.resolutionBreached == r.resolutionBreached)
        #expect(state.responseDueAt == at("2026-03-09 11:00") && state.resolutionDueAt == at("2026-03-09 16:00"))
    }

    @Test("R3.3 pause while waiting on requester Friday 17:00 to Monday 10:00 moves the resolution due")
    func pauseWaitingOnRequester() throws {
        let t = try track(
            fridayP1 + [
                .status(at: at("2026-03-06 16:05"), to: .inProgress),
                .status(at: at("2026-03-06 17:00"), to: .waitingOnRequester),
                .status(at: at("2026-03-09 10:00"), to: .inProgress),
            ])
        let state = t.state(at: at("2026-03-09 10:00"), policy: policy, calendar: calendar)
        #expect(state.responseDueAt == at("2026-03-09 11:00"))  // the response clock never pauses
        #expect(state.resolutionDueAt == at("2026-03-09 18:00"))  // 1 h used, 7 h left from Monday 10:00
        #expect(state.resolutionRemainingMinutes == 420)
        #expect(!state.paused && state.pausedSince == nil)
        #expect(state.pausedMinutes == 65 * 60)
        // Equivalent to the target plus the paused business time, counted from the opening.
        let pausedBusiness = calendar.businessSeconds(from: at("2026-03-06 17:00"), to: at("2026-03-09 10:00"))
        #expect(
            state.resolutionDueAt
                == calendar.adding(businessSeconds: 8 * hour + pausedBusiness, to: at("2026-03-06 16:00")))
    }

    @Test(
        "R3.3 the pause is visible and the due date is projected as if resumed now",
        arguments: [
            ("2026-03-06 17:30", "2026-03-09 16:30", 30), ("2026-03-07 12:00", "2026-03-09 17:00", 19 * 60),
            ("2026-03-09 09:30", "2026-03-09 17:30", 64 * 60 + 30), ("2026-03-09 13:00", "2026-03-10 11:00", 68 * 60),
        ])
    func whilePaused(now: String, projectedDue: String, pausedMinutes: Int) throws {
        let t = try track(fridayP1 + [.status(at: at("2026-03-06 17:00"), to: .waitingOnRequester)])
        let state = t.state(at: at(now), policy: policy, calendar: calendar)
        #expect(state.paused && state.pausedSince == at("2026-03-06 17:00"))
        #expect(state.pausedMinutes == pausedMinutes)
        #expect(state.resolutionRemainingMinutes == 420)  // frozen at 7 h
        #expect(state.resolutionDueAt == at(projectedDue))
        #expect(!state.resolutionBreached)
        #expect(t.status == .waitingOnRequester)
    }

    @Test("R3.3 blocked pauses too; waiting → blocked is one continuous pause")
    func blockedPauses() throws {
        let t = try track(
            fridayP1 + [
                .status(at: at("2026-03-06 17:00"), to: .waitingOnRequester),
                .status(at: at("2026-03-09 09:00"), to: .blocked),
                .status(at: at("2026-03-09 10:00"), to: .inProgress),
            ])
        #expect(t.pauses == [DateInterval(start: at("2026-03-06 17:00"), end: at("2026-03-09 10:00"))])
        #expect(
            t.state(at: at("2026-03-09 10:00"), policy: policy, calendar: calendar).resolutionDueAt
                == at("2026-03-09 18:00"))
    }

    @Test("R3.3 a policy without pause statuses does not pause")
    func noPauseStatuses() throws {
        let noPause = SLAPolicy(targets: policy.targets, pauseStatuses: [])
        let inputs =
            fridayP1 + [
                .status(at: at("2026-03-06 17:00"), to: .waitingOnRequester),
                .status(at: at("2026-03-09 10:00"), to: .inProgress),
            ]
        let t = try #require(SLATrack.replay(inputs, policy: noPause, calendar: calendar))
        let state = t.state(at: at("2026-03-09 10:00"), policy: noPause, calendar: calendar)
        #expect(state.resolutionDueAt == at("2026-03-09 16:00") && state.pausedMinutes == 0 && !state.paused)
    }

    @Test(
        "R3.1 P0 runs 24×7: response 30 min, resolution 2 h, hard limit 4 h",
        arguments: [
            ("2026-03-07 22:20", 10, false, 100, false, false),
            ("2026-03-07 22:45", -15, true, 75, false, false),
            ("2026-03-08 00:00", -90, true, 0, false, false),
            ("2026-03-08 00:30", -120, true, -30, true, false),
            ("2026-03-08 02:00", -210, true, -120, true, false),
            ("2026-03-08 02:01", -211, true, -121, true, true),
        ])
    func p0Continuous(
        now: String, responseRemaining: Int, responseBreached: Bool, resolutionRemaining: Int,
        resolutionBreached: Bool, hardBreached: Bool
    ) throws {
        // Saturday night: business hours do not matter for P0.
        let t = try track([.opened(at: at("2026-03-07 22:00"), priority: .p0)])
        let state = t.state(at: at(now), policy: policy, calendar: calendar)
        #expect(state.responseDueAt == at("2026-03-07 22:30"))
        #expect(state.resolutionDueAt == at("2026-03-08 00:00"))
        #expect(state.hardLimitDueAt == at("2026-03-08 02:00"))
        #expect(state.responseRemainingMinutes == responseRemaining && state.responseBreached == responseBreached)
        #expect(
            state.resolutionRemainingMinutes == resolutionRemaining && state.resolutionBreached == resolutionBreached)
        #expect(state.hardLimitBreached == hardBreached)
    }

    @Test("R3.3 P0 pause extends resolution and hard limit by the wall-clock pause")
    func p0Pause() throws {
        let t = try track([
            .opened(at: at("2026-03-07 22:00"), priority: .p0),
            .status(at: at("2026-03-07 23:00"), to: .blocked),
            .status(at: at("2026-03-08 01:30"), to: .inProgress),
        ])
        let state = t.state(at: at("2026-03-08 01:30"), policy: policy, calendar: calendar)
        #expect(state.resolutionDueAt == at("2026-03-08 02:30"))
        #expect(state.hardLimitDueAt == at("2026-03-08 04:30"))
        #expect(state.responseDueAt == at("2026-03-07 22:30"))
        #expect(state.pausedMinutes == 150)
    }

    @Test("R3.4 the first response meets the response target; later ones are ignored")
    func firstResponse() throws {
        let t = try track(
            fridayP1 + [
                .firstResponse(at: at("2026-03-06 17:00")), .firstResponse(at: at("2026-03-09 15:00")),
            ])
        #expect(t.respondedAt == at("2026-03-06 17:00"))
        let state = t.state(at: at("2026-03-10 12:00"), policy: policy, calendar: calendar)
        #expect(state.respondedAt == at("2026-03-06 17:00"))
        #expect(state.responseRemainingMinutes == 180)  // frozen at response time
        #expect(!state.responseBreached)
    }

    @Test("R3.4 a late first response is a breach with a frozen negative remainder")
    func lateResponse() throws {
        let t = try track(fridayP1 + [.firstResponse(at: at("2026-03-09 11:30"))])
        for now in ["2026-03-09 11:30", "2026-03-12 09:00"] {
            let state = t.state(at: at(now), policy: policy, calendar: calendar)
            #expect(state.responseBreached && state.responseRemainingMinutes == -30)
        }
    }

    @Test("R4.9 resolving stops the clock; reopening resumes it with the consumed time kept")
    func reopenKeepsConsumedTime() throws {
        let opened: [SLAInput] = [
            .opened(at: at("2026-03-09 09:00"), priority: .p1),
            .status(at: at("2026-03-09 09:10"), to: .inProgress),
            .status(at: at("2026-03-09 12:00"), to: .resolved),
        ]
        let resolved = try track(opened).state(at: at("2026-03-09 12:30"), policy: policy, calendar: calendar)
        #expect(resolved.resolvedAt == at("2026-03-09 12:00"))
        #expect(resolved.resolutionRemainingMinutes == 300 && !resolved.resolutionBreached)
        #expect(resolved.resolutionDueAt == at("2026-03-09 18:00"))

        let reopened = try track(opened + [.status(at: at("2026-03-09 14:00"), to: .inProgress)])
        let state = reopened.state(at: at("2026-03-09 15:00"), policy: policy, calendar: calendar)
        #expect(state.resolvedAt == nil)
        #expect(state.resolutionRemainingMinutes == 240)  // 3 h before resolving + 1 h after reopening
        #expect(state.resolutionDueAt == at("2026-03-10 10:00"))
        #expect(state.pausedMinutes == 0 && !state.paused)  // time spent resolved is not a pause
        #expect(
            reopened.resolvedIntervals == [DateInterval(start: at("2026-03-09 12:00"), end: at("2026-03-09 14:00"))])
    }

    @Test(
        "R4.9 confirming, reviewing and closing after resolution keep it met",
        arguments: [[TicketStatus.confirmed], [.confirmed, .reviewed], [.confirmed, .reviewed, .closed], [.closed]])
    func closingKeepsResolution(after: [TicketStatus]) throws {
        var inputs: [SLAInput] = [
            .opened(at: at("2026-03-09 09:00"), priority: .p1), .status(at: at("2026-03-09 12:00"), to: .resolved),
        ]
        for (i, status) in after.enumerated() {
            inputs.append(.status(at: at("2026-03-10 09:00") + Double(i) * hour, to: status))
        }
        let t = try track(inputs)
        let state = t.state(at: at("2026-04-30 09:00"), policy: policy, calendar: calendar)
        #expect(state.resolvedAt == at("2026-03-09 12:00"))
        #expect(!state.resolutionBreached && state.resolutionRemainingMinutes == 300)
        #expect(t.status == after.last)
    }

    @Test(
        "R3.3 a ticket resolved or closed before any reply stops its response clock there, read weeks later",
        arguments: [TicketStatus.resolved, .closed])
    func leavingOpenStopsResponseClock(status: TicketStatus) throws {
        let t = try track([
            .opened(at: at("2026-03-09 09:00"), priority: .p1), .status(at: at("2026-03-09 09:20"), to: status),
        ])
        let early = t.state(at: at("2026-03-09 09:20"), policy: policy, calendar: calendar)
        let late = t.state(at: at("2026-04-30 09:00"), policy: policy, calendar: calendar)
        #expect(!late.responseBreached)
        #expect(late.responseRemainingMinutes == early.responseRemainingMinutes)
    }

    @Test("R3.4 resolving late is a breach that stays recorded")
    func lateResolution() throws {
        let t = try track(fridayP1 + [.status(at: at("2026-03-09 17:00"), to: .resolved)])
        let state = t.state(at: at("2026-03-20 09:00"), policy: policy, calendar: calendar)
        #expect(state.resolutionBreached && state.resolutionRemainingMinutes == -60)
        #expect(state.resolutionDueAt == at("2026-03-09 16:00"))
    }

    @Test("R3.3 resolving while paused ends the pause")
    func resolveWhilePaused() throws {
        let t = try track(
            fridayP1 + [
                .status(at: at("2026-03-06 17:00"), to: .waitingOnRequester),
                .status(at: at("2026-03-06 17:40"), to: .resolved),
            ])
        let state = t.state(at: at("2026-03-09 12:00"), policy: policy, calendar: calendar)
        #expect(!state.paused && state.pausedMinutes == 40 && state.resolvedAt == at("2026-03-06 17:40"))
        #expect(state.resolutionRemainingMinutes == 420)
    }

    @Test("R2.3 a priority change recomputes deadlines from the opening, keeping consumed time")
    func priorityChange() throws {
        let opened: [SLAInput] = [.opened(at: at("2026-03-09 09:00"), priority: .p3)]
        let p3 = try track(opened).state(at: at("2026-03-09 10:00"), policy: policy, calendar: calendar)
        #expect(p3.responseDueAt == at("2026-03-11 18:00"))  // 24 business hours
        #expect(p3.resolutionDueAt == at("2026-03-11 18:00"))  // 3 working days
        #expect(p3.resolutionRemainingMinutes == 1380)

        let p1 = try track(opened + [.priorityChanged(at: at("2026-03-09 10:00"), to: .p1)])
            .state(at: at("2026-03-09 10:00"), policy: policy, calendar: calendar)
        #expect(p1.priority == .p1)
        #expect(p1.responseDueAt == at("2026-03-09 14:00"))
        #expect(p1.resolutionDueAt == at("2026-03-09 18:00"))
        #expect(p1.resolutionRemainingMinutes == 420)
    }

    @Test("R2.3 raising to P0 switches to the 24×7 clock from the opening")
    func raiseToP0() throws {
        let t = try track(fridayP1 + [.priorityChanged(at: at("2026-03-06 16:10"), to: .p0)])
        let state = t.state(at: at("2026-03-06 16:40"), policy: policy, calendar: calendar)
        #expect(state.responseDueAt == at("2026-03-06 16:30") && state.responseBreached)
        #expect(state.resolutionDueAt == at("2026-03-06 18:00"))
        #expect(state.hardLimitDueAt == at("2026-03-06 20:00"))
    }

    @Test("R3.2 P3 three working days span National Day and end on the swapped Saturday")
    func p3OverNationalDay() throws {
        let state = try track([.opened(at: at("2026-09-30 10:00"), priority: .p3)])
            .state(at: at("2026-10-05 10:00"), policy: policy, calendar: calendar)
        #expect(state.resolutionDueAt == at("2026-10-10 10:00"))
        #expect(state.resolutionRemainingMinutes == (24 - 7) * 60)
    }

    @Test("Inputs dated before the last change are clamped, never producing negative intervals")
    func outOfOrderInputs() throws {
        let t = try track(
            fridayP1 + [
                .status(at: at("2026-03-06 17:00"), to: .waitingOnRequester),
                .status(at: at("2026-03-06 16:30"), to: .inProgress),
                .firstResponse(at: at("2026-03-05 09:00")),
            ])
        #expect(t.pauses == [DateInterval(start: at("2026-03-06 17:00"), end: at("2026-03-06 17:00"))])
        #expect(t.respondedAt == at("2026-03-06 16:00"))
    }

    static let logs: [SLALog] = [
        SLALog(
            name: "P1 with pause, response and resolution",
            inputs: [
                .opened(at: CalendarFixture.at("2026-03-06 16:00"), priority: .p1),
                .status(at: CalendarFixture.at("2026-03-06 16:05"), to: .assigned),
                .firstResponse(at: CalendarFixture.at("2026-03-06 16:20")),
                .status(at: CalendarFixture.at("2026-03-06 17:00"), to: .waitingOnRequester),
                .status(at: CalendarFixture.at("2026-03-09 10:00"), to: .inProgress),
                .status(at: CalendarFixture.at("2026-03-09 15:00"), to: .resolved),
            ]),
        SLALog(
            name: "P2 reopened twice and reprioritised",
            inputs: [
                .opened(at: CalendarFixture.at("2026-09-29 11:00"), priority: .p2),
                .priorityChanged(at: CalendarFixture.at("2026-09-29 11:30"), to: .p1),
                .status(at: CalendarFixture.at("2026-09-29 15:00"), to: .resolved),
                .status(at: CalendarFixture.at("2026-09-30 09:00"), to: .inProgress),
                .status(at: CalendarFixture.at("2026-09-30 10:00"), to: .blocked),
                .status(at: CalendarFixture.at("2026-10-08 10:00"), to: .resolved),
                .status(at: CalendarFixture.at("2026-10-09 10:00"), to: .waitingOnRequester),
                .status(at: CalendarFixture.at("2026-10-10 10:00"), to: .closed),
            ]),
        SLALog(
            name: "P0 with hard limit",
            inputs: [
                .opened(at: CalendarFixture.at("2026-03-07 22:00"), priority: .p0),
                .firstResponse(at: CalendarFixture.at("2026-03-07 22:10")),
                .status(at: CalendarFixture.at("2026-03-07 23:00"), to: .blocked),
                .status(at: CalendarFixture.at("2026-03-08 00:00"), to: .inProgress),
            ]),
    ]

    @Test("replay equals applying the inputs one by one", arguments: logs)
    func replayEqualsApplying(_ log: SLALog) throws {
        guard case .opened(let openedAt, let priority) = log.inputs[0] else {
            Issue.record("no opening")
            return
        }
        var step = SLATrack.opened(at: openedAt, priority: priority)
        for input in log.inputs.dropFirst() { step = step.applying(input, policy: policy, calendar: calendar) }
        #expect(SLATrack.replay(log.inputs, policy: policy, calendar: calendar) == step)
        // A second opening is ignored.
        #expect(step.applying(.opened(at: openedAt + hour, priority: .p3), policy: policy, calendar: calendar) == step)
    }

    @Test("replay needs an opening first")
    func replayNeedsOpening() {
        #expect(SLATrack.replay([], policy: policy, calendar: calendar) == nil)
        #expect(
            SLATrack.replay([.status(at: at("2026-03-06 16:00"), to: .new)], policy: policy, calendar: calendar) == nil)
    }

    @Test("SLATrack and SLAState round-trip through JSON", arguments: logs)
    func codableRoundTrip(_ log: SLALog) throws {
        let t = try track(log.inputs)
        let encoder = JSONEncoder()
        let decoded = try JSONDecoder().decode(SLATrack.self, from: encoder.encode(t))
        #expect(decoded == t)
        let state = t.state(at: at("2026-10-12 09:00"), policy: policy, calendar: calendar)
        #expect(try JSONDecoder().decode(SLAState.self, from: encoder.encode(state)) == state)
        #expect(decoded.state(at: at("2026-10-12 09:00"), policy: policy, calendar: calendar) == state)
    }

    @Test("SLAState JSON uses camelCase keys")
    func stateKeys() throws {
        let t = try track(
            fridayP1 + [
                .firstResponse(at: at("2026-03-06 16:30")),
                .status(at: at("2026-03-06 17:00"), to: .waitingOnRequester),
            ])
        let state = t.state(at: at("2026-03-06 17:30"), policy: policy, calendar: calendar)
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(state)) as? [String: Any])
        #expect(
            Set(object.keys) == [
                "priority", "responseDueAt", "respondedAt", "responseRemainingMinutes", "responseBreached",
                "resolutionDueAt", "resolutionRemainingMinutes", "resolutionBreached", "paused", "pausedSince",
                "pausedMinutes", "hardLimitBreached",
            ])
    }

    @Test(
        "SLAInput is Codable with a type tag",
        arguments: [
            (SLAInput.opened(at: CalendarFixture.at("2026-03-06 16:00"), priority: .p1), "opened"),
            (.status(at: CalendarFixture.at("2026-03-06 16:00"), to: .waitingOnRequester), "status"),
            (.firstResponse(at: CalendarFixture.at("2026-03-06 16:00")), "firstResponse"),
            (.priorityChanged(at: CalendarFixture.at("2026-03-06 16:00"), to: .p0), "priorityChanged"),
        ])
    func inputCodable(input: SLAInput, type: String) throws {
        let data = try JSONEncoder().encode(input)
        #expect(try JSONDecoder().decode(SLAInput.self, from: data) == input)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["type"] as? String == type)
        #expect(input.at == CalendarFixture.at("2026-03-06 16:00"))
    }
}
