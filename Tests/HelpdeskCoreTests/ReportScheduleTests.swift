import Foundation
import HelpdeskCore
import HelpdeskTestSupport
import Testing

@Suite("Reports: when a subscribed report is sent, and which period it holds")
struct ReportScheduleTests {
    static func weekly(_ weekday: Int, _ time: String) -> ReportSchedule {
        ReportSchedule(kind: .week, weekday: weekday, minuteOfDay: ReportSchedule.minuteOfDay(time)!)
    }

    static func monthly(_ day: Int, _ time: String) -> ReportSchedule {
        ReportSchedule(kind: .month, dayOfMonth: day, minuteOfDay: ReportSchedule.minuteOfDay(time)!)
    }

    @Test(
        "the next run is the first matching local time strictly after now",
        arguments: [
            (weekly(1, "09:00"), "2026-12-07 08:59", "2026-12-07 09:00"),
            (weekly(1, "09:00"), "2026-12-07 09:00", "2026-12-14 09:00"),
            (weekly(1, "09:00"), "2026-12-06 23:00", "2026-12-07 09:00"),
            (weekly(7, "18:30"), "2026-12-07 10:00", "2026-12-13 18:30"),
            (weekly(3, "00:00"), "2026-12-29 12:00", "2026-12-30 00:00"),
            (weekly(5, "23:59"), "2027-01-01 23:59", "2027-01-08 23:59"),
            (monthly(1, "08:00"), "2026-12-07 10:00", "2027-01-01 08:00"),
            (monthly(1, "08:00"), "2026-12-01 07:59", "2026-12-01 08:00"),
            (monthly(28, "00:00"), "2027-02-27 12:00", "2027-02-28 00:00"),
            (monthly(5, "23:59"), "2026-12-05 23:59", "2027-01-05 23:59"),
        ])
    func nextRun(schedule: ReportSchedule, now: String, expected: String) {
        #expect(
            schedule.nextRun(after: Shanghai.date(now), timeZone: Shanghai.timeZone) == Shanghai.date(expected))
    }

    @Test("a local time that a DST change skips runs at the first minute after the gap")
    func daylightSavingGap() throws {
        let zone = try #require(TimeZone(identifier: "America/New_York"))
        // 2027-03-14 02:30 does not exist in New York: the clocks go from 02:00 to 03:00.
        let saturday = try #require(ISO8601DateFormatter().date(from: "2027-03-13T12:00:00-05:00"))
        let run = Self.weekly(7, "02:30").nextRun(after: saturday, timeZone: zone)
        #expect(run == ISO8601DateFormatter().date(from: "2027-03-14T03:00:00-04:00"))
    }

    @Test(
        "a run reports the last period that has ended by then",
        arguments: [
            (weekly(1, "09:00"), "2026-12-07 09:00", "2026-W49"),
            (weekly(7, "18:00"), "2026-12-13 18:00", "2026-W49"),
            (weekly(1, "00:00"), "2027-01-04 00:00", "2026-W53"),
            (monthly(1, "08:00"), "2027-01-01 08:00", "2026-12"),
            (monthly(15, "08:00"), "2026-12-15 08:00", "2026-11"),
        ])
    func period(schedule: ReportSchedule, run: String, label: String) {
        #expect(schedule.period(sentAt: Shanghai.date(run), timeZone: Shanghai.timeZone).label == label)
    }

    @Test(
        "which field is wrong for the kind",
        arguments: [
            (ReportSchedule(kind: .week, weekday: 1, minuteOfDay: 540), nil),
            (ReportSchedule(kind: .week, weekday: 7, minuteOfDay: 0), nil),
            (ReportSchedule(kind: .week, minuteOfDay: 540), "weekday"),
            (ReportSchedule(kind: .week, weekday: 0, minuteOfDay: 540), "weekday"),
            (ReportSchedule(kind: .week, weekday: 8, minuteOfDay: 540), "weekday"),
            (ReportSchedule(kind: .week, weekday: 1, dayOfMonth: 3, minuteOfDay: 540), "dayOfMonth"),
            (ReportSchedule(kind: .month, dayOfMonth: 1, minuteOfDay: 1439), nil),
            (ReportSchedule(kind: .month, dayOfMonth: 28, minuteOfDay: 540), nil),
            (ReportSchedule(kind: .month, dayOfMonth: 29, minuteOfDay: 540), "dayOfMonth"),
            (ReportSchedule(kind: .month, dayOfMonth: 0, minuteOfDay: 540), "dayOfMonth"),
            (ReportSchedule(kind: .month, minuteOfDay: 540), "dayOfMonth"),
            (ReportSchedule(kind: .month, weekday: 2, dayOfMonth: 1, minuteOfDay: 540), "weekday"),
            (ReportSchedule(kind: .month, dayOfMonth: 1, minuteOfDay: 1440), "time"),
            (ReportSchedule(kind: .week, weekday: 1, minuteOfDay: -1), "time"),
        ] as [(ReportSchedule, String?)])
    func invalidField(schedule: ReportSchedule, field: String?) {
        #expect(schedule.invalidField == field)
    }

    @Test(
        "a time of day as typed",
        arguments: [
            ("09:30", 570), ("9:30", 570), ("00:00", 0), ("23:59", 1439), ("０９：３０", 570), (" 08:05 ", 485),
            ("24:00", nil), ("12:60", nil), ("0930", nil), ("09:3", nil), ("9", nil), ("", nil), ("-1:00", nil),
            ("١٢:٣٠", nil), ("09:30:00", nil),
        ] as [(String, Int?)])
    func minuteOfDay(text: String, minutes: Int?) {
        #expect(ReportSchedule.minuteOfDay(text) == minutes)
        if let minutes {
            #expect(ReportSchedule(kind: .week, weekday: 1, minuteOfDay: minutes).timeText.count == 5)
        }
    }
}
