import Foundation
import HelpdeskCore
import HelpdeskStore

/// Creates tickets through the same intake path the API uses.
public enum TicketFactory {
    public static func input(
        title: String = "财务系统无法登录", requester: Requester, impact: Impact = .medium, urgency: Urgency = .medium,
        groupId: Int64? = nil
    ) -> NewTicket {
        NewTicket(
            type: .request, title: title, description: "3 名销售无法录入客户", requester: requester, contact: "13812345678",
            channel: .portal, impact: impact, urgency: urgency, groupId: groupId)
    }

    @discardableResult
    public static func create(
        in store: any HelpdeskStore, _ input: NewTicket, attachments: [AttachmentUpload] = [], by actor: Principal,
        at now: Date, format: TicketNumberFormat = .default
    ) async throws -> Ticket {
        let policy = try await store.currentSLAPolicy()!
        let draft = try Intake.draft(
            input, by: actor, at: now, matrix: try await store.currentPriorityMatrix(), policyId: policy.id)
        let rules = try await store.rules(policyId: policy.id)
        return try await store.createTicket(
            draft.ticket, event: draft.event, attachments: attachments, format: format, rules: rules
        )
        .ticket
    }

    /// A user of the given role created directly in the store.
    public static func user(
        in store: any HelpdeskStore, _ username: String, role: Role, tier: Tier? = nil, groups: [Int64] = [],
        external: Bool = false
    ) async throws -> User {
        try await store.createUser(
            User(
                username: username, displayName: username, role: role, tier: tier, external: external, groupIds: groups),
            passwordHash: TestStores.adminHash, now: Date())
    }
}
