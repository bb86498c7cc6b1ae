import Foundation
import HelpdeskCore
import Testing

enum PriorityMatrixFixture {
    /// The default matrix spelled out row by row.
    static let defaultCells: [Impact: [Urgency: Priority]] = [
        .high: [.high: .p0, .medium: .p1, .low: .p2],
        .medium: [.high: .p1, .medium: .p2, .low: .p3],
        .low: [.high: .p2, .medium: .p3, .low: .p3],
    ]

    static let defaultJSON = """
        {"high":{"high":"P0","low":"P2","medium":"P1"},\
        "low":{"high":"P2","low":"P3","medium":"P3"},\
        "medium":{"high":"P1","low":"P3","medium":"P2"}}
        """

    static func decode(_ json: String) throws -> PriorityMatrix {
        try JSONDecoder().decode(PriorityMatrix.self, from: Data(json.utf8))
    }
}

@Suite("Priority matrix")
struct PriorityMatrixTests {
    @Test(
        "R2.3 default matrix: impact × urgency → priority",
        arguments: [
            (Impact.high, Urgency.high, Priority.p0), (.high, .medium, .p1), (.high, .low, .p2),
            (.medium, .high, .p1), (.medium, .medium, .p2), (.medium, .low, .p3),
            (.low, .high, .p2), (.low, .medium, .p3), (.low, .low, .p3),
        ])
    func defaultCells(impact: Impact, urgency: Urgency, priority: Priority) {
        #expect(PriorityMatrix.default.priority(impact: impact, urgency: urgency) == priority)
    }

    @Test("R2.3 a custom matrix is read back cell by cell")
    func customMatrix() throws {
        // given: every cell P3 except high/high
        var cells = Dictionary(
            uniqueKeysWithValues: Impact.allCases.map { impact in
                (impact, Dictionary(uniqueKeysWithValues: Urgency.allCases.map { ($0, Priority.p3) }))
            })
        cells[.high]![.high] = .p1

        // when
        let matrix = try PriorityMatrix(cells)

        // then
        #expect(matrix.priority(impact: .high, urgency: .high) == .p1)
        #expect(matrix.priority(impact: .high, urgency: .medium) == .p3)
        #expect(matrix != PriorityMatrix.default)
        #expect(try PriorityMatrix(PriorityMatrixFixture.defaultCells) == PriorityMatrix.default)
    }

    @Test(
        "R2.3 every one of the 9 cells is required",
        arguments: Impact.allCases, Urgency.allCases)
    func missingCell(impact: Impact, urgency: Urgency) {
        var cells = PriorityMatrixFixture.defaultCells
        cells[impact]![urgency] = nil
        #expect(throws: PriorityMatrixError.missingCell(impact: impact, urgency: urgency)) {
            try PriorityMatrix(cells)
        }
    }

    @Test(
        "A missing row reports its first cell",
        arguments: [(Impact.high, Urgency.high), (.medium, .high), (.low, .high)])
    func missingRow(impact: Impact, firstCell: Urgency) {
        var cells = PriorityMatrixFixture.defaultCells
        cells[impact] = nil
        #expect(throws: PriorityMatrixError.missingCell(impact: impact, urgency: firstCell)) {
            try PriorityMatrix(cells)
        }
    }

    @Test("Codable: encoded as {impact: {urgency: priority}}, the shape admins edit")
    func encodingShape() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(PriorityMatrix.default), as: UTF8.self)
        #expect(json == PriorityMatrixFixture.defaultJSON)
    }

    @Test("Codable: round trip keeps every cell")
    func roundTrip() throws {
        let data = try JSONEncoder().encode(PriorityMatrix.default)
        let decoded = try JSONDecoder().decode(PriorityMatrix.self, from: data)
        #expect(decoded == PriorityMatrix.default)
        #expect(try PriorityMatrixFixture.decode(PriorityMatrixFixture.defaultJSON) == PriorityMatrix.default)
    }

    @Test(
        "Codable: unknown keys, missing cells and bad priorities are rejected",
        arguments: [
            // unknown impact
            #"{"critical":{"high":"P0","medium":"P0","low":"P0"},"high":{"high":"P0","medium":"P1","low":"P2"},"medium":{"high":"P1","medium":"P2","low":"P3"},"low":{"high":"P2","medium":"P3","low":"P3"}}"#,
            // unknown urgency
            #"{"high":{"high":"P0","medium":"P1","low":"P2","asap":"P0"},"medium":{"high":"P1","medium":"P2","low":"P3"},"low":{"high":"P2","medium":"P3","low":"P3"}}"#,
            // one cell missing
            #"{"high":{"high":"P0","medium":"P1","low":"P2"},"medium":{"high":"P1","medium":"P2","low":"P3"},"low":{"high":"P2","medium":"P3"}}"#,
            // one row missing
            #"{"high":{"high":"P0","medium":"P1","low":"P2"},"medium":{"high":"P1","medium":"P2","low":"P3"}}"#,
            // empty
            #"{}"#,
            // unknown priority
            #"{"high":{"high":"P9","medium":"P1","low":"P2"},"medium":{"high":"P1","medium":"P2","low":"P3"},"low":{"high":"P2","medium":"P3","low":"P3"}}"#,
            // wrong shape
            #"[["P0"]]"#,
        ])
    func decodingRejects(json: String) {
        #expect(throws: DecodingError.self) { try PriorityMatrixFixture.decode(json) }
    }
}
