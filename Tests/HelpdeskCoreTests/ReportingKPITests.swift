import Foundation
import HelpdeskCore
import Testing

/// The golden fixture of `docs/REPORTS.md`: six tickets of December 2026 on the standard
/// calendar (09–12, 13–18, Monday to Friday, Asia/Shanghai), every figure worked out by hand.
enum Golden {
    static let calendar = BusinessCalendar()
    static let policy = SLAPolicy.default
    static let now = CalendarFixture.at("2026-12-07 10:00")
    static func at(_ text: String) -> Date { CalendarFixture.at(text) }

    struct Spec {
        var number: String
        var priority: Priority
        var type: TicketType
        var channel: Channel
        var category: Int64?
        var group: Int64?
        var engineer: Int64?
        var tier: Tier = .l1
        var inputs: [SLAInput]
        var satisfaction: Satisfaction?
        var breachCause: String?
        var outOfScope = false
        var extensions: [ExtensionRequest.Status] = []
    }

    static let specs: [Spec] = [
        // A: answered in 30 min, resolved after 120 business minutes at L1, satisfied.
        Spec(
            number: "A", priority: .p2, type: .fault, channel: .portal, category: 1, group: 10, engineer: 100,
            inputs: [
                .opened(at: at("2026-12-01 09:00"), priority: .p2), .firstResponse(at: at("2026-12-01 09:30")),
                .status(at: at("2026-12-01 11:00"), to: .resolved),
            ], satisfaction: Satisfaction(level: .satisfied, score: 5)),
        // B: 17:00 → 10:00 next day is 120 business minutes; paused Wed 11:00 → Thu 09:00;
        // resolution 60 + 120 + 180 + 60 = 420 minutes; escalated to L2.
        Spec(
            number: "B", priority: .p2, type: .consultation, channel: .email, category: 1, group: 10, engineer: 101,
            tier: .l2,
            inputs: [
                .opened(at: at("2026-12-01 17:00"), priority: .p2), .firstResponse(at: at("2026-12-02 10:00")),
                .status(at: at("2026-12-02 11:00"), to: .waitingOnRequester),
                .status(at: at("2026-12-03 09:00"), to: .inProgress),
                .status(at: at("2026-12-03 14:00"), to: .resolved),
            ], satisfaction: Satisfaction(level: .neutral, score: 3)),
        // C: P1; the response at exactly its 240-minute target is met; resolved after 660
        // minutes (target 480: breached), reopened 12:00–13:00, resolved again at 15:00: 780.
        Spec(
            number: "C", priority: .p1, type: .fault, channel: .phone, category: 2, group: 11, engineer: 102,
            tier: .l3,
            inputs: [
                .opened(at: at("2026-12-01 09:00"), priority: .p1), .firstResponse(at: at("2026-12-01 14:00")),
                .status(at: at("2026-12-02 12:00"), to: .resolved),
                .status(at: at("2026-12-02 13:00"), to: .inProgress),
                .status(at: at("2026-12-02 15:00"), to: .resolved),
            ], satisfaction: Satisfaction(level: .dissatisfied, score: 1), breachCause: "等待厂商",
            extensions: [.rejected]),
        // D: P3, unanswered; 480 of its 1 440 response minutes used by now: undecided; open
        // exactly 3 days.
        Spec(
            number: "D", priority: .p3, type: .request, channel: .portal, category: nil, group: nil, engineer: nil,
            inputs: [.opened(at: at("2026-12-04 10:00"), priority: .p3)]),
        // E: out of scope, closed after half an hour: counted in volume only.
        Spec(
            number: "E", priority: .p3, type: .consultation, channel: .portal, category: 1, group: 10, engineer: 100,
            inputs: [
                .opened(at: at("2026-12-01 10:00"), priority: .p3), .status(at: at("2026-12-01 10:30"), to: .closed),
            ], outOfScope: true),
        // F: answered in 10 minutes, 1 020 of 1 440 resolution minutes used: undecided; open
        // 4 days 1 hour, an extension pending.
        Spec(
            number: "F", priority: .p2, type: .fault, channel: .im, category: 2, group: 11, engineer: 102,
            inputs: [
                .opened(at: at("2026-12-03 09:00"), priority: .p2), .firstResponse(at: at("2026-12-03 09:10")),
                .status(at: at("2026-12-03 09:20"), to: .inProgress),
            ], extensions: [.pending]),
    ]

    static func facts(_ spec: Spec) -> TicketFacts {
        var facts = TicketFacts(ticket: ticket(spec), policy: policy, calendar: calendar, at: now)
        facts.extensions = spec.extensions
        return facts
    }

    static func ticket(_ spec: Spec) -> Ticket {
        let track = SLATrack.replay(spec.inputs, policy: policy, calendar: calendar)!
        var ticket = Ticket(
            type: spec.type, title: "工单 \(spec.number)", description: "描述",
            requester: Requester(userId: 1, name: "张三"), contact: "13812345678", channel: spec.channel,
            impact: .medium, urgency: .medium, priority: spec.priority, suggestedPriority: spec.priority,
            categoryId: spec.category, groupId: spec.group, assigneeId: spec.engineer, tier: spec.tier,
            submittedAt: spec.inputs[0].at, createdById: 1, slaPolicyId: 1, sla: track)
        ticket.number = spec.number
        ticket.satisfaction = spec.satisfaction
        ticket.breachCause = spec.breachCause
        ticket.outOfScope = spec.outOfScope ? true : nil
        return ticket
    }

    static let all = specs.map(facts)
}

@Suite("Reports: KPI definitions (R7.2), the golden fixture")
struct ReportingKPITests {
    @Test(
        "per-ticket facts: business minutes to the minute, pauses excluded, decided or not",
        arguments: [
            ("A", 30, 120, true, true, false), ("B", 120, 420, true, true, false),
            ("C", 240, 780, true, false, true), ("D", nil, nil, nil, nil, false),
            ("F", 10, nil, true, nil, false),
        ] as [(String, Int?, Int?, Bool?, Bool?, Bool)])
    func facts(
        number: String, response: Int?, resolution: Int?, responseMet: Bool?, resolutionMet: Bool?, reopened: Bool
    ) throws {
        let facts = try #require(Golden.all.first { $0.number == number })
        #expect(facts.firstResponseMinutes == response)
        #expect(facts.resolutionMinutes == resolution)
        #expect(facts.responseMet == responseMet)
        #expect(facts.resolutionMet == resolutionMet)
        #expect(facts.reopened == reopened)
    }

    @Test("every KPI of the fixture equals its hand-computed value")
    func kpis() {
        let kpis = KPISet(Golden.all, asOf: Golden.now)
        #expect(kpis.tickets == 6 && kpis.outOfScope == 1)
        #expect(kpis.firstResponse == TimeStatistic(count: 4, mean: 100, median: 75, p90: 240))
        #expect(kpis.resolution == TimeStatistic(count: 3, mean: 440, median: 420, p90: 780))
        #expect(kpis.responseAttainment == Rate(4, of: 4) && kpis.responseAttainment.rate == 1)
        #expect(kpis.resolutionAttainment == Rate(2, of: 3) && kpis.resolutionAttainment.rate == 0.6667)
        #expect(kpis.resolutionRate == Rate(3, of: 5) && kpis.resolutionRate.rate == 0.6)
        #expect(kpis.reopenRate == Rate(1, of: 3))
        #expect(kpis.firstContactResolution == Rate(1, of: 3) && kpis.firstContactResolution.rate == 0.3333)
        #expect(kpis.backlog == ["lt1d": 0, "1to3d": 0, "3to7d": 2, "7to30d": 0, "ge30d": 0])
        #expect(kpis.breachesByCause == ["等待厂商": 1])
        #expect(kpis.escalations == ["L2": 2, "L3": 1])
        #expect(kpis.extensions == ["pending": 1, "approved": 0, "rejected": 1])
        #expect(kpis.satisfaction.rated == 3 && kpis.satisfaction.meanScore == 3)
        #expect(kpis.satisfaction.satisfied == Rate(1, of: 3) && kpis.satisfaction.dissatisfied == Rate(1, of: 3))
        #expect(kpis.volume["channel"] == ["portal": 3, "email": 1, "phone": 1, "im": 1])
        #expect(kpis.volume["type"] == ["fault": 3, "consultation": 2, "request": 1])
        #expect(kpis.volume["priority"] == ["P1": 1, "P2": 3, "P3": 2])
        #expect(kpis.volume["category"] == ["1": 3, "2": 2, "none": 1])
        #expect(kpis.volume["group"] == ["10": 3, "11": 2, "none": 1])
        #expect(kpis.volume["engineer"] == ["100": 2, "101": 1, "102": 2, "none": 1])
    }

    @Test("an empty set has counts of zero and no rates, means or medians")
    func empty() {
        let kpis = KPISet([], asOf: Golden.now)
        #expect(kpis.tickets == 0 && kpis.resolutionRate.rate == nil && kpis.firstResponse.mean == nil)
        #expect(kpis.satisfaction.meanScore == nil && kpis.backlog.values.allSatisfy { $0 == 0 })
    }

    @Test(
        "mean, median and nearest-rank p90",
        arguments: [
            ([5], 5.0, 5.0, 5), ([1, 2], 1.5, 1.5, 2), ([3, 1, 2], 2, 2, 3), ((1...10).map { $0 }, 5.5, 5.5, 9),
            ((1...11).map { $0 }, 6, 6, 10), ([0, 0, 0, 100], 25, 0, 100), ([1, 2, 2], 1.7, 2, 2),
        ] as [([Int], Double, Double, Int)])
    func statistic(values: [Int], mean: Double, median: Double, p90: Int) {
        let statistic = TimeStatistic(values)
        #expect(statistic.count == values.count)
        #expect(statistic.mean == mean && statistic.median == median && statistic.p90 == p90)
    }

    @Test(
        "report periods in the desk's time zone",
        arguments: [
            ("2026-W49", "2026-11-30 00:00", "2026-12-07 00:00"), ("2026-W53", "2026-12-28 00:00", "2027-01-04 00:00"),
            ("2026-W01", "2025-12-29 00:00", "2026-01-05 00:00"), ("2026-12", "2026-12-01 00:00", "2027-01-01 00:00"),
            ("2026-02", "2026-02-01 00:00", "2026-03-01 00:00"), ("1970-W01", "1969-12-29 00:00", "1970-01-05 00:00"),
            ("1970-01", "1970-01-01 00:00", "1970-02-01 00:00"),
        ])
    func periods(label: String, start: String, end: String) throws {
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let period = try #require(
            label.contains("W") ? ReportPeriod(week: label, timeZone: zone) : ReportPeriod(month: label, timeZone: zone)
        )
        #expect(period.start == Golden.at(start) && period.end == Golden.at(end))
        let previous = period.previous(timeZone: zone)
        #expect(previous.end == period.start && previous.label < period.label)
        #expect(ReportPeriod.containing(period.start, kind: period.kind, timeZone: zone) == period)
    }

    @Test(
        "malformed periods are refused",
        arguments: ["2025-W53", "2026-W00", "2026-W54", "2026-W1", "26-W10", "2026-13", "2026-00", "2026-1", "x", ""])
    func badPeriods(label: String) {
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        #expect(ReportPeriod(week: label, timeZone: zone) == nil && ReportPeriod(month: label, timeZone: zone) == nil)
    }
}
