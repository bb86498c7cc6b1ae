/// Impact × urgency → priority (R2.3). The suggestion made at intake; a problem manager
/// confirms or changes it afterwards.
public struct PriorityMatrix: Sendable, Equatable {
    private var cells: [Impact: [Urgency: Priority]]

    public init(_ cells: [Impact: [Urgency: Priority]]) throws(PriorityMatrixError) {
        for impact in Impact.allCases {
            for urgency in Urgency.allCases where cells[impact]?[urgency] == nil {
                throw .missingCell(impact: impact, urgency: urgency)
            }
        }
        self.cells = cells
    }

    public func priority(impact: Impact, urgency: Urgency) -> Priority {
        // init guarantees every cell exists
        cells[impact]![urgency]!
    }

    /// The matrix both source documents agree on: high impact and high urgency is P0,
    /// every step down on either axis lowers the priority by one level, floored at P3.
    public static let `default`: PriorityMatrix = {
        try! PriorityMatrix([
            .high: [.high: .p0, .medium: .p1, .low: .p2],
            .medium: [.high: .p1, .medium: .p2, .low: .p3],
            .low: [.high: .p2, .medium: .p3, .low: .p3],
        ])
    }()
}

public enum PriorityMatrixError: Error, Equatable, Sendable {
    case missingCell(impact: Impact, urgency: Urgency)
}

extension PriorityMatrix: Codable {
    /// Encoded as `{"high": {"high": "P0", …}, …}`, the shape admins edit.
    public init(from decoder: any Decoder) throws {
        let raw = try [String: [String: Priority]](from: decoder)
        var cells: [Impact: [Urgency: Priority]] = [:]
        for (impactKey, row) in raw {
            guard let impact = Impact(rawValue: impactKey) else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "unknown impact \(impactKey)"))
            }
            for (urgencyKey, priority) in row {
                guard let urgency = Urgency(rawValue: urgencyKey) else {
                    throw DecodingError.dataCorrupted(
                        .init(codingPath: decoder.codingPath, debugDescription: "unknown urgency \(urgencyKey)"))
                }
                cells[impact, default: [:]][urgency] = priority
            }
        }
        do {
            try self.init(cells)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "matrix needs all 9 cells"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var raw: [String: [String: Priority]] = [:]
        for (impact, row) in cells {
            for (urgency, priority) in row { raw[impact.rawValue, default: [:]][urgency.rawValue] = priority }
        }
        try raw.encode(to: encoder)
    }
}
