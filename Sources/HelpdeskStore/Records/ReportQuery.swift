import Foundation
import HelpdeskCore

/// Which tickets a report counts: those submitted in [from, until), narrowed by the filters,
/// read in submission order (`submitted_at`, then id) a batch at a time.
public struct ReportQuery: Sendable, Equatable {
    public var from: Date
    public var until: Date
    public var groupId: Int64?
    public var assigneeId: Int64?
    public var priority: Priority?
    public var categoryId: Int64?
    /// Continue after this ticket (the last of the previous batch).
    public var after: ReportCursor?
    public var limit = 1000

    public init(from: Date, until: Date) {
        self.from = from
        self.until = until
    }
}

/// A position in submission order: the last ticket read.
public struct ReportCursor: Sendable, Equatable {
    public var submittedAt: Date
    public var id: Int64

    public init(submittedAt: Date, id: Int64) {
        self.submittedAt = submittedAt
        self.id = id
    }

    /// `millis.id`, as the API hands it out.
    public var text: String { "\(submittedAt.millis)-\(id)" }

    public init?(text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let millis = Int64(parts[0]), let id = Int64(parts[1]), millis >= 0, id > 0 else {
            return nil
        }
        self.init(submittedAt: Date(millis: millis), id: id)
    }
}
