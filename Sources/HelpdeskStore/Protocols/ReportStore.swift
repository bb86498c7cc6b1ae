import Foundation
import HelpdeskCore

/// What the reports read (issue #13). Part of ``HelpdeskStore``.
public protocol ReportStore: Sendable {
    /// Up to `query.limit` tickets submitted in the query's period, in submission order, as the
    /// tracking table's rows.
    func trackingRecords(_ query: ReportQuery) async throws -> [TrackingRecord]
    /// The facts of the same tickets: stored for resolved ones, the reports' part of the
    /// ticket for the others.
    func reportFacts(_ query: ReportQuery) async throws -> [ReportFactsRow]
    /// The tickets with these ids (those that exist), in id order.
    func reportTickets(ids: [Int64]) async throws -> [Ticket]
    /// Stores the facts of up to `limit` resolved tickets that have none (written before M028,
    /// or their calendar changed); 0 when none is left.
    func fillReportFacts(limit: Int) async throws -> Int
    /// Fills the report columns of up to `limit` tickets written before them; 0 when none is left.
    func fillReportColumns(limit: Int) async throws -> Int
}
