import Foundation
import HelpdeskCore

/// Scheduled report e-mail (issue #13). Part of ``HelpdeskStore``.
public protocol ReportSubscriptionStore: Sendable {
    func createReportSubscription(_ subscription: ReportSubscription) async throws -> ReportSubscription
    /// One user's subscriptions, or everyone's when `userId` is nil, oldest first.
    func reportSubscriptions(userId: Int64?) async throws -> [ReportSubscription]
    func reportSubscription(id: Int64) async throws -> ReportSubscription?
    /// Throws ``StoreError/notFound(_:)`` when there is none.
    func deleteReportSubscription(id: Int64) async throws
    /// Up to `limit` subscriptions whose next run is due by `now`, the most overdue first.
    func dueReportSubscriptions(now: Date, limit: Int) async throws -> [ReportSubscription]
    /// Moves a due subscription on to `nextRunAt` and queues its mail, in one transaction, only
    /// if its next run is still `dueAt`: of several instances that rendered the same run, one
    /// records it and sends it; the others get false. Without `mail` (the subscriber has no
    /// address, or may no longer read reports) the run is skipped and the schedule moves on.
    func recordReportRun(
        id: Int64, dueAt: Date, nextRunAt: Date, period: String, mail: ReportMail?, now: Date
    ) async throws -> Bool
}
