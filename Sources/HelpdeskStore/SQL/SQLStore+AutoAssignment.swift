import Foundation
import HelpdeskCore
import SQLKit

extension SQLStore {
    /// Assigns a new ticket in its group's mode (R4.1), inside the create's transaction. The
    /// group's row is locked until commit, so concurrent creates on several instances pick one
    /// after another and each sees the loads and the rotation the previous ones left.
    static func autoAssign(_ intake: TicketChange, rules: TicketRules, on db: any SQLDatabase, dialect: Dialect)
        async throws -> TicketChange?
    {
        let ticket = intake.ticket
        guard let groupId = ticket.groupId, ticket.assigneeId == nil, ticket.status == .new else { return nil }
        let lock = dialect == .postgres ? " FOR UPDATE" : ""
        guard
            let group = try await db.raw(
                """
                SELECT assignment_mode, last_assigned_user_id FROM support_groups
                WHERE id = \(bind: groupId)\(unsafeRaw: lock)
                """
            ).first(),
            let mode = AssignmentMode(rawValue: try group.string("assignment_mode")), mode != .manual
        else { return nil }
        let weights = Priority.allCases.map { "WHEN '\($0.rawValue)' THEN \(AutoAssignment.weight(of: $0))" }
            .joined(separator: " ")
        let candidates = try await db.raw(
            """
            SELECT u.id, u.display_name, u.tier,
                COALESCE(SUM(CASE t.priority \(unsafeRaw: weights) ELSE 0 END), 0) AS load, COUNT(t.id) AS open
            FROM users u JOIN user_groups g ON g.user_id = u.id
            LEFT JOIN tickets t ON t.assignee_id = u.id AND t.is_open = 1
            WHERE g.group_id = \(bind: groupId) AND u.active = 1 AND u.away = 0 AND u.role = 'agent'
            GROUP BY u.id, u.display_name, u.tier
            """
        ).all().map {
            AutoAssignment.Candidate(
                id: try $0.int("id"), name: try $0.string("display_name"),
                tier: try $0.optionalString("tier").flatMap(Tier.init(rawValue:)) ?? .l1, load: Int(try $0.int("load")),
                openTickets: Int(try $0.int("open")))
        }
        guard
            let engineer = AutoAssignment.pick(
                mode, tier: ticket.tier, among: candidates, lastAssigned: try group.optionalInt("last_assigned_user_id")
            )
        else { return nil }
        try await db.raw(
            "UPDATE support_groups SET last_assigned_user_id = \(bind: engineer.id) WHERE id = \(bind: groupId)"
        ).run()
        let assigned = try AutoAssignment.assign(
            ticket, to: engineer, mode: mode, at: ticket.submittedAt, rules: rules)
        var change = intake
        change.ticket = assigned.ticket
        change.events += assigned.events
        change.notices += assigned.notices
        return change
    }
}
