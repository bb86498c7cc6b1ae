import Foundation
import HelpdeskCore
import Testing

/// R2.4: the priority matrix is versioned like the SLA policies; a ticket records the version it
/// was graded under, and a later grading says which version it used.
@Suite("Priority matrix versions (R2.4)")
struct PriorityMatrixVersionTests {
    typealias F = WorkflowFixture

    static let allLow = try! PriorityMatrix(
        Dictionary(
            uniqueKeysWithValues: Impact.allCases.map { impact in
                (impact, Dictionary(uniqueKeysWithValues: Urgency.allCases.map { ($0, Priority.p3) }))
            }))
    static let version3 = PriorityMatrixVersion(
        version: 3, matrix: allLow, savedById: 500, savedByName: "吴管理员", savedAt: F.opened, note: "2026 Q1 评审")

    @Test(
        "R2.4 a version's note is trimmed, blank is none, and at most 500 characters",
        arguments: [
            (String?.none, String?.none, true), ("", nil, true), ("  \n ", nil, true),
            ("  季度评审  ", "季度评审", true), (String(repeating: "评", count: 500), String(repeating: "评", count: 500), true),
            (String(repeating: "评", count: 501), nil, false),
        ])
    func note(input: String?, stored: String?, accepted: Bool) {
        if accepted {
            #expect((try? PriorityMatrixVersion.cleanNote(input)) == .some(stored))
        } else {
            #expect(throws: WorkflowError.invalidValue(field: "note")) { try PriorityMatrixVersion.cleanNote(input) }
        }
    }

    @Test("R2.4 intake grades under the version it is given and the created event records its number")
    func intakeRecordsVersion() throws {
        let draft = try Intake.draft(
            IntakeFixture.submission(impact: .high, urgency: .high), by: IntakeFixture.agent, at: F.now,
            matrix: Self.version3, policyId: 7)
        #expect(draft.ticket.priority == .p3)
        #expect(draft.ticket.priorityMatrixVersion == 3)
        #expect(draft.event.data["matrix_version"] == "3")
    }

    @Test("R2.4 tickets from before versioned matrices were graded under version 1")
    func olderTicketsAreVersionOne() {
        let ticket = F.ticket()
        #expect(ticket.priorityMatrixVersion == nil)
        #expect(ticket.gradedUnderMatrixVersion == 1)
    }

    @Test("R2.4 re-prioritising grades under the current version; the event keeps the old and the new one")
    func regradeUsesCurrentVersion() throws {
        // given: a ticket graded under version 1 (medium × medium → P2)
        var ticket = F.ticket(status: .inProgress, priority: .p2)
        ticket.priorityMatrixVersion = 1

        // when: the problem manager changes it while version 3 is current
        let change = try TicketOperations.changePriority(
            to: .p1, reason: "影响整个销售部", on: ticket, by: WorkflowActorKind.problemManager.actor, at: F.now,
            rules: F.rules, matrix: Self.version3)

        // then
        #expect(change.ticket.priorityMatrixVersion == 3)
        let data = try #require(change.events.first?.data)
        #expect(data["from_matrix_version"] == "1")
        #expect(data["matrix_version"] == "3")
        #expect(data["matrix_suggests"] == "P3")
    }

    @Test("R2.4 a version round-trips through JSON as the API shows it")
    func codable() throws {
        let data = try JSONEncoder().encode(Self.version3)
        #expect(try JSONDecoder().decode(PriorityMatrixVersion.self, from: data) == Self.version3)
    }
}
