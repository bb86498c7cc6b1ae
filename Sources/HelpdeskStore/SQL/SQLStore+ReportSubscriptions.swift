import Foundation
import HelpdeskCore
import SQLKit

extension SQLStore {
    /// The delivery event of a scheduled report's e-mail: its payload is a ``ReportMail``.
    public static let reportMailEvent = "report"

    public func createReportSubscription(_ subscription: ReportSubscription) async throws -> ReportSubscription {
        try await write { db in
            var saved = subscription
            let schedule = subscription.schedule
            saved.id = try await db.raw(
                """
                INSERT INTO report_subscriptions (user_id, kind, weekday, day_of_month, minute_of_day, group_id,
                    next_run_at, created_at)
                VALUES (\(bind: subscription.userId), \(bind: schedule.kind.rawValue),
                    \(bind: schedule.weekday.map(Int64.init)), \(bind: schedule.dayOfMonth.map(Int64.init)),
                    \(bind: Int64(schedule.minuteOfDay)), \(bind: subscription.groupId),
                    \(bind: subscription.nextRunAt.millis), \(bind: subscription.createdAt.millis)) RETURNING id
                """
            ).first()!.int("id")
            return saved
        }
    }

    public func reportSubscriptions(userId: Int64?) async throws -> [ReportSubscription] {
        try await database.read { db in
            var sql: SQLQueryString = "SELECT * FROM report_subscriptions"
            if let userId { sql += " WHERE user_id = \(bind: userId)" }
            sql += " ORDER BY id"
            return try await db.raw(sql).all().map(Self.reportSubscription(from:))
        }
    }

    public func reportSubscription(id: Int64) async throws -> ReportSubscription? {
        try await database.read { db in
            try await db.raw("SELECT * FROM report_subscriptions WHERE id = \(bind: id)").first()
                .map(Self.reportSubscription(from:))
        }
    }

    public func deleteReportSubscription(id: Int64) async throws {
        try await write { db in
            guard
                try await db.raw("DELETE FROM report_subscriptions WHERE id = \(bind: id) RETURNING id").first() != nil
            else { throw StoreError.notFound("report subscription") }
        }
    }

    public func dueReportSubscriptions(now: Date, limit: Int) async throws -> [ReportSubscription] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT * FROM report_subscriptions WHERE next_run_at <= \(bind: now.millis)
                ORDER BY next_run_at, id LIMIT \(literal: max(1, limit))
                """
            ).all().map(Self.reportSubscription(from:))
        }
    }

    public func recordReportRun(
        id: Int64, dueAt: Date, nextRunAt: Date, period: String, mail: ReportMail?, now: Date
    ) async throws -> Bool {
        try await write { db in
            // The compare-and-set on next_run_at is the claim: one instance moves the run on.
            let claimed = try await db.raw(
                """
                UPDATE report_subscriptions SET next_run_at = \(bind: nextRunAt.millis),
                    last_sent_at = \(bind: mail == nil ? nil : now.millis), last_period = \(bind: period)
                WHERE id = \(bind: id) AND next_run_at = \(bind: dueAt.millis) RETURNING user_id
                """
            ).first()
            guard let claimed else { return false }
            if let mail {
                try await Self.insertDelivery(
                    .email, webhookId: nil, userId: try claimed.int("user_id"), target: mail.to,
                    event: Self.reportMailEvent, payload: try Self.json(mail), now: now, on: db)
            }
            return true
        }
    }

    static func reportSubscription(from row: any SQLRow) throws -> ReportSubscription {
        let kind = ReportPeriod.Kind(rawValue: try row.string("kind")) ?? .week
        return ReportSubscription(
            id: try row.int("id"), userId: try row.int("user_id"),
            schedule: ReportSchedule(
                kind: kind, weekday: try row.optionalInt("weekday").map(Int.init),
                dayOfMonth: try row.optionalInt("day_of_month").map(Int.init),
                minuteOfDay: Int(try row.int("minute_of_day"))),
            groupId: try row.optionalInt("group_id"), nextRunAt: Date(millis: try row.int("next_run_at")),
            lastSentAt: try row.optionalInt("last_sent_at").map(Date.init(millis:)),
            lastPeriod: try row.optionalString("last_period"), createdAt: Date(millis: try row.int("created_at")))
    }
}
