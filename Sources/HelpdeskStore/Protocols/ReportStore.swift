import Foundation
import HelpdeskCore

/// What the reports read (issue #13). Part of ``HelpdeskStore``.
public protocol ReportStore: Sendable {
    /// Up to `query.limit` tickets submitted in the query's period, in submission order.
    func reportTickets(_ query: ReportQuery) async throws -> [Ticket]
    /// The same tickets as ``reportTickets(_:)``, as the tracking table's rows.
    func trackingRecords(_ query: ReportQuery) async throws -> [TrackingRecord]
    /// Fills the report columns of up to `limit` tickets written before them; 0 when none is left.
    func fillReportColumns(limit: Int) async throws -> Int
}
