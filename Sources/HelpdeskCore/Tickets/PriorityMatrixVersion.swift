import Foundation

/// One saved version of the priority matrix (R2.4). Versions are immutable and numbered from 1;
/// every save adds one, and a ticket records the version it was graded under.
public struct PriorityMatrixVersion: Codable, Equatable, Sendable {
    public var version: Int
    public var matrix: PriorityMatrix
    /// Nil for version 1 as the upgrade to versioned matrices made it (M013).
    public var savedById: Int64?
    public var savedByName: String?
    public var savedAt: Date
    /// Why the grading standard changed ("2026 Q4 review"), optional.
    public var note: String?

    public init(
        version: Int, matrix: PriorityMatrix, savedById: Int64? = nil, savedByName: String? = nil, savedAt: Date,
        note: String? = nil
    ) {
        self.version = version
        self.matrix = matrix
        self.savedById = savedById
        self.savedByName = savedByName
        self.savedAt = savedAt
        self.note = note
    }

    /// The default matrix as version 1, before anything was saved.
    public static let initial = PriorityMatrixVersion(
        version: 1, matrix: .default, savedAt: Date(timeIntervalSince1970: 0))

    public static let noteLimit = 500

    /// The note as stored: trimmed, nil when blank; longer than ``noteLimit`` characters is refused.
    public static func cleanNote(_ note: String?) throws(WorkflowError) -> String? {
        guard let note = note.flatMap(Workflow.trimmed) else { return nil }
        guard note.count <= noteLimit else { throw .invalidValue(field: "note") }
        return note
    }
}
