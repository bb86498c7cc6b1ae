import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import Testing

/// The notification dispatch resolves a notice's recipients (roles, groups, the on-duty lead,
/// leadership) to the users whose inboxes it reaches.
@Suite("Notification dispatch: who a notice reaches")
struct NotificationDispatchTests {
    /// Users among `users` with a notice of `kind` about `number` in their inbox, as usernames.
    static func reached(
        _ kind: NoticeKind, _ number: String, among users: [User], in store: SQLStore
    ) async throws -> Set<String> {
        var names: Set<String> = []
        for user in users {
            let inbox = try await store.inbox(userId: user.id, unreadOnly: false, before: nil, limit: 200)
            if inbox.contains(where: { $0.kind == kind.rawValue && $0.ticketNumber == number }) {
                names.insert(user.username)
            }
        }
        return names
    }

    static func dispatchAll(_ store: SQLStore, now: Date) async throws {
        while try await store.dispatchNotifications(now: now, limit: 100, email: false) > 0 {}
    }

    struct LeadCase: Sendable, CustomTestStringConvertible {
        var name: String
        var onDutyLead: Bool
        var leadership: Bool
        /// Who gets the P0 alert and the major-incident update (besides the requester).
        var alerted: Set<String>
        var briefed: Set<String>
        var testDescription: String { name }
    }

    @Test(
        "R4.2 R8.2: the on-duty lead and leadership resolve to the configured users, else to the supervisors",
        arguments: TestStores.kinds,
        [
            LeadCase(
                name: "nothing configured: the supervisors", onDutyLead: false, leadership: false,
                alerted: ["boss1", "boss2"], briefed: ["boss1", "boss2"]),
            LeadCase(
                name: "an on-duty lead: the P0 alert goes to that lead only", onDutyLead: true, leadership: false,
                alerted: ["duty"], briefed: ["boss1", "boss2"]),
            LeadCase(
                name: "leadership named: updates go to the active leaders only", onDutyLead: false, leadership: true,
                alerted: ["boss1", "boss2"], briefed: ["cio", "cto"]),
            LeadCase(
                name: "both configured", onDutyLead: true, leadership: true, alerted: ["duty"], briefed: ["cio", "cto"]),
        ])
    func leadsAndLeadership(kind: StoreKind, _ c: LeadCase) async throws {
        try await TestStores.with(kind) { store in
            // given: supervisors, an on-duty lead, three leaders (one deactivated), a requester
            let requester = try await TicketFactory.user(in: store, "xiaoming", role: .requester)
            let boss1 = try await TicketFactory.user(in: store, "boss1", role: .supervisor)
            let boss2 = try await TicketFactory.user(in: store, "boss2", role: .supervisor)
            let duty = try await TicketFactory.user(in: store, "duty", role: .agent, tier: .l2)
            let cio = try await TicketFactory.user(in: store, "cio", role: .problemManager)
            let cto = try await TicketFactory.user(in: store, "cto", role: .problemManager)
            var retired = try await TicketFactory.user(in: store, "retired", role: .problemManager)
            retired.active = false
            retired = try await store.updateUser(retired, passwordHash: nil)
            let everyone = [requester, boss1, boss2, duty, cio, cto, retired]
            var settings = SLAEngineSettings.default
            if c.onDutyLead { settings.onDutyLeadId = duty.id }
            if c.leadership { settings.leadershipIds = [cio.id, cto.id, retired.id] }
            try await store.saveEngineSettings(settings, now: Date())

            // when: a P0 in a group without members (its alert reaches no L2 staff), declared a
            // major incident, and a status update broadcast
            let now = Shanghai.date("2026-11-23 10:00")
            let group = try await store.saveGroup(SupportGroup(name: "无人组"), now: now)
            let p0 = try await TicketFactory.create(
                in: store,
                TicketFactory.input(
                    title: "支付通道中断", requester: requester.asRequester, impact: .high, urgency: .high, groupId: group.id),
                by: requester.actor, at: now)
            try #require(p0.priority == .p0)
            _ = try await store.updateTicket(number: p0.number) { ticket, _ in
                try MajorIncidents.declare(ticket, by: boss1.actor, at: now.addingTimeInterval(60))
            }
            _ = try await store.updateTicket(number: p0.number) { ticket, _ in
                try MajorIncidents.broadcast(
                    what: "支付通道中断", impact: "全部门店无法收款", expectedRecovery: nil, on: ticket, linkedRequesters: [],
                    by: boss1.actor, at: now.addingTimeInterval(120))
            }
            try await Self.dispatchAll(store, now: now.addingTimeInterval(180))

            // then
            #expect(try await Self.reached(.p0Alert, p0.number, among: everyone, in: store) == c.alerted)
            #expect(
                try await Self.reached(.majorIncidentUpdate, p0.number, among: everyone, in: store)
                    == c.briefed.union(["xiaoming"]))
            #expect(
                try await Self.reached(.majorIncidentDeclared, p0.number, among: everyone, in: store)
                    == c.briefed.union(c.alerted))
        }
    }

    struct BounceCase: Sendable, CustomTestStringConvertible {
        var name: String
        var hasLead: Bool
        var told: Set<String>
        var testDescription: String { name }
    }

    @Test(
        "R4.3: a bounced ticket's notice reaches the group lead, or the whole group when it has none",
        arguments: TestStores.kinds,
        [
            BounceCase(name: "a group with a lead: the lead only", hasLead: true, told: ["lead"]),
            BounceCase(
                name: "a group without a lead: every member", hasLead: false, told: ["lead", "handler", "colleague"]),
        ])
    func bounceReachesGroupLead(kind: StoreKind, _ c: BounceCase) async throws {
        try await TestStores.with(kind) { store in
            // given: a group of three, the ticket assigned to one of them
            let now = Shanghai.date("2026-11-23 10:00")
            var group = try await store.saveGroup(SupportGroup(name: "硬件支持组二"), now: now)
            let lead = try await TicketFactory.user(in: store, "lead", role: .agent, tier: .l2, groups: [group.id])
            let handler = try await TicketFactory.user(
                in: store, "handler", role: .agent, tier: .l1, groups: [group.id])
            let colleague = try await TicketFactory.user(
                in: store, "colleague", role: .agent, tier: .l1, groups: [group.id])
            let manager = try await TicketFactory.user(in: store, "pm", role: .problemManager)
            if c.hasLead {
                group.leadUserId = lead.id
                group = try await store.saveGroup(group, now: now)
            }
            let requester = try await store.user(id: 1)!
            let ticket = try await TicketFactory.create(
                in: store, TicketFactory.input(requester: requester.asRequester, groupId: group.id),
                by: requester.actor,
                at: now)
            _ = try await store.updateTicket(number: ticket.number) { current, rules in
                try Workflow.apply(
                    TransitionRequest(action: .assign, assigneeId: handler.id), to: current, by: manager.actor,
                    at: now.addingTimeInterval(60), rules: rules)
            }
            try await Self.dispatchAll(store, now: now.addingTimeInterval(60))

            // when
            _ = try await store.updateTicket(number: ticket.number) { current, rules in
                try Workflow.apply(
                    TransitionRequest(action: .bounce, reason: "缺少设备型号，无法排查"), to: current, by: handler.actor,
                    at: now.addingTimeInterval(120), rules: rules)
            }
            try await Self.dispatchAll(store, now: now.addingTimeInterval(120))

            // then
            let staff = [lead, handler, colleague, manager]
            #expect(try await Self.reached(.bounced, ticket.number, among: staff, in: store) == c.told)
            let notice = try #require(
                try await store.inbox(userId: lead.id, unreadOnly: false, before: nil, limit: 50).first {
                    $0.kind == "bounced"
                })
            #expect(notice.arguments["reason"] == "缺少设备型号，无法排查")
        }
    }
}
