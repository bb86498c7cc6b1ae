import Foundation
import HelpdeskCore

/// One ticket of a report's period as the store reads it: a resolved ticket's stored facts, or
/// the reports' part of the ticket when they depend on the report's instant (open) or are not
/// filled yet.
public enum ReportFactsRow: Sendable {
    case settled(SettledFacts)
    case unsettled(ReportTicket)

    /// Where the next batch starts after this row.
    public var cursor: ReportCursor {
        switch self {
        case .settled(let settled): ReportCursor(submittedAt: settled.facts.submittedAt, id: settled.facts.id)
        case .unsettled(let ticket): ReportCursor(submittedAt: ticket.submittedAt, id: ticket.id)
        }
    }
}
