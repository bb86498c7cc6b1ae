import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@Suite("Tickets on each store: updates, events, list filters")
struct TicketStoreTests {
    @Test(
        "an update writes the ticket and its event together; a failing change writes nothing",
        arguments: TestStores.kinds)
    func updatesAreAtomic(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            // given
            let admin = try await store.user(id: 1)!
            let agent = try await TicketFactory.user(in: store, "agent", role: .agent, groups: [1])
            let ticket = try await TicketFactory.create(
                in: store, TicketFactory.input(requester: admin.asRequester), by: admin.actor,
                at: Shanghai.date("2026-11-23 10:00"))
            // when
            let change = try await store.updateTicket(number: ticket.number) { current, rules in
                try Workflow.apply(
                    TransitionRequest(action: .assign, assigneeId: agent.id), to: current, by: admin.actor,
                    at: Shanghai.date("2026-11-23 10:05"), rules: rules)
            }
            await #expect(throws: WorkflowError.illegalTransition(action: .resolve, from: .assigned)) {
                try await store.updateTicket(number: ticket.number) { current, rules in
                    try Workflow.apply(
                        TransitionRequest(action: .resolve, solution: "x"), to: current, by: admin.actor,
                        at: Shanghai.date("2026-11-23 10:06"), rules: rules)
                }
            }
            // then
            let stored = try await store.ticket(number: ticket.number)!
            #expect(stored == change.ticket)
            #expect(stored.status == .assigned && stored.version == 2)
            let events = try await store.events(ticketId: ticket.id, includeInternal: true)
            #expect(events.map(\.kind) == [.created, .transition])
            #expect(
                events[1].fromStatus == .new && events[1].toStatus == .assigned
                    && events[1].actorName == admin.displayName)
            await #expect(throws: StoreError.notFound("ticket")) {
                try await store.updateTicket(number: "TS000") { current, _ in TicketChange(ticket: current, events: [])
                }
            }
        }
    }

    @Test(
        "R2.2 R4.2: a P1 stays at L1 at intake, and its L1 engineer's escalation sends it to L2",
        arguments: TestStores.kinds)
    func p1EscalatesFromL1ToL2(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            // given: a P1 (high impact, medium urgency) recorded and taken by an L1 engineer
            let admin = try await store.user(id: 1)!
            let l1 = try await TicketFactory.user(in: store, "l1", role: .agent, tier: .l1, groups: [1])
            let created = try await TicketFactory.create(
                in: store,
                TicketFactory.input(requester: admin.asRequester, impact: .high, urgency: .medium, groupId: 1),
                by: admin.actor, at: Shanghai.date("2026-11-23 10:00"))
            #expect(created.priority == .p1)
            #expect(created.tier == .l1)
            func move(_ request: TransitionRequest, by actor: Principal, at time: String) async throws -> Ticket {
                try await store.updateTicket(number: created.number) { current, rules in
                    try Workflow.apply(request, to: current, by: actor, at: Shanghai.date(time), rules: rules)
                }.ticket
            }
            _ = try await move(
                TransitionRequest(action: .assign, assigneeId: l1.id), by: admin.actor, at: "2026-11-23 10:05")
            _ = try await move(TransitionRequest(action: .accept), by: l1.actor, at: "2026-11-23 10:06")

            // when
            let escalated = try await move(
                TransitionRequest(action: .escalate, reason: "远程协助未解决，需二线排查"), by: l1.actor, at: "2026-11-23 10:20")

            // then
            #expect(escalated.tier == .l2)
            let escalations = try await store.events(ticketId: created.id, includeInternal: true).filter {
                $0.action == .escalate
            }
            #expect(escalations.map { $0.data["tier"] } == ["L2"])
            #expect(escalations.map(\.actorName) == [l1.displayName])
        }
    }

    @Test("concurrent updates of one ticket serialize: no lost update", arguments: TestStores.kinds)
    func concurrentUpdatesSerialize(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            let admin = try await store.user(id: 1)!
            let ticket = try await TicketFactory.create(
                in: store, TicketFactory.input(requester: admin.asRequester), by: admin.actor,
                at: Shanghai.date("2026-11-23 10:00"))
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        _ = try await store.updateTicket(number: ticket.number) { current, rules in
                            try TicketOperations.addWorklog(
                                "记录 \(index)", visibility: .internal, to: current, by: admin.actor,
                                at: Shanghai.date("2026-11-23 10:10"), rules: rules)
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await store.ticket(number: ticket.number)?.version == 21)
            #expect(try await store.events(ticketId: ticket.id, includeInternal: true).count == 21)
            #expect(try await store.events(ticketId: ticket.id, includeInternal: false).count == 1)
        }
    }

    @Test(
        "concurrent transactions where some fail: the others commit, the failing ones write nothing",
        arguments: TestStores.kinds)
    func groupedWritesIsolateFailures(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            // given: 40 new tickets
            let admin = try await store.user(id: 1)!
            var numbers: [String] = []
            for _ in 0..<40 {
                numbers.append(
                    try await TicketFactory.create(
                        in: store, TicketFactory.input(requester: admin.asRequester), by: admin.actor,
                        at: Shanghai.date("2026-11-23 10:00")
                    ).number)
            }
            // when: all at once, every fourth asks for an illegal move (resolve a new ticket)
            let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
                for (index, number) in numbers.enumerated() {
                    group.addTask {
                        let action: WorkflowAction = index % 4 == 0 ? .resolve : .start
                        do {
                            _ = try await store.updateTicket(number: number) { current, rules in
                                try Workflow.apply(
                                    TransitionRequest(action: action, solution: "x"), to: current, by: admin.actor,
                                    at: Shanghai.date("2026-11-23 10:05"), rules: rules)
                            }
                            return (index, true)
                        } catch {
                            return (index, false)
                        }
                    }
                }
                return await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
            }
            // then
            for (index, number) in numbers.enumerated() {
                let ticket = try await store.ticket(number: number)!
                let events = try await store.events(ticketId: ticket.id, includeInternal: true)
                if index % 4 == 0 {
                    #expect(
                        outcomes[index] == false && ticket.status == .new && ticket.version == 1 && events.count == 1)
                } else {
                    #expect(
                        outcomes[index] == true && ticket.status == .inProgress && ticket.version == 2
                            && events.count == 2)
                }
            }
        }
    }

    @Test("list filters, scopes, Chinese title search and cursor pages", arguments: TestStores.kinds)
    func listFilters(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            // given: 25 tickets from two requesters in two groups, with various priorities
            let admin = try await store.user(id: 1)!
            let alice = try await TicketFactory.user(in: store, "alice", role: .requester)
            let bob = try await TicketFactory.user(in: store, "bob", role: .requester)
            let agent = try await TicketFactory.user(in: store, "agent", role: .agent, groups: [2])
            for index in 0..<25 {
                let requester = index % 2 == 0 ? alice : bob
                let input = TicketFactory.input(
                    title: index % 5 == 0 ? "财务系统报错 \(index)" : "打印机卡纸 \(index)", requester: requester.asRequester,
                    impact: index % 3 == 0 ? .high : .low, urgency: .high, groupId: index < 10 ? 1 : 2)
                try await TicketFactory.create(
                    in: store, input, by: requester.actor, at: Shanghai.date("2026-11-23 10:00"))
            }
            let now = Shanghai.date("2026-11-23 10:30")
            func count(_ configure: (inout TicketQuery) -> Void, scope: Access.ListScope = .all) async throws -> Int {
                var query = TicketQuery(scope: scope)
                query.limit = 200
                configure(&query)
                return try await store.tickets(query, now: now).tickets.count
            }
            // then
            #expect(try await count { _ in } == 25)
            #expect(try await count({ _ in }, scope: .requester(id: alice.id, department: nil)) == 13)
            #expect(try await count({ _ in }, scope: .agent(id: agent.id, groupIds: [2])) == 15)
            #expect(try await count({ _ in }, scope: .agent(id: agent.id, groupIds: [])) == 0)
            #expect(try await count { $0.priorities = [.p0] } == 9)
            #expect(try await count { $0.groupId = 1 } == 10)
            #expect(try await count { $0.statuses = [.new] } == 25)
            #expect(try await count { $0.statuses = [.closed] } == 0)
            #expect(try await count { $0.text = "财务" } == 5)
            #expect(try await count { $0.text = "TS20261123007" } == 1)
            #expect(try await count { $0.text = "100%" } == 0)
            #expect(try await count { $0.unassigned = true } == 25)
            #expect(try await count { $0.requesterId = bob.id } == 12)
            // P0 is 24×7: 30 minutes to respond, so at 10:30 the P0 tickets are overdue
            #expect(try await count { $0.overdue = true } == 0)
            var late = TicketQuery(scope: .all)
            late.overdue = true
            #expect(try await store.tickets(late, now: Shanghai.date("2026-11-23 10:31")).tickets.count == 9)
            // cursor pagination visits every ticket once, newest first
            var seen: [Int64] = []
            var query = TicketQuery(scope: .all)
            query.limit = 10
            repeat {
                let page = try await store.tickets(query, now: now)
                seen += page.tickets.map(\.id)
                query.before = page.nextCursor
            } while query.before != nil
            #expect(seen.count == 25 && seen == seen.sorted(by: >) && Set(seen).count == 25)
            _ = admin
        }
    }

    @Test("R3.2 editing the calendar recomputes the overdue columns of open tickets", arguments: TestStores.kinds)
    func calendarEditMovesDueTimes(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            // given: a P1 (business time) ticket opened Monday 10:00, response due 15:00
            let admin = try await store.user(id: 1)!
            _ = try await TicketFactory.create(
                in: store, TicketFactory.input(requester: admin.asRequester, urgency: .high), by: admin.actor,
                at: Shanghai.date("2026-11-23 10:00"))
            var query = TicketQuery(scope: .all)
            query.overdue = true
            #expect(try await store.tickets(query, now: Shanghai.date("2026-11-23 14:59")).tickets.isEmpty)
            // when: Monday becomes a public holiday
            var calendar = try await store.calendars()[0]
            calendar.calendar.holidays.insert(LocalDate(year: 2026, month: 11, day: 23))
            _ = try await store.saveCalendar(calendar, now: Shanghai.date("2026-11-23 10:10"))
            // then: the response is due Tuesday 14:00 instead (09–12 and 13–14), so nothing is overdue on Monday at all
            #expect(try await store.tickets(query, now: Shanghai.date("2026-11-24 13:59")).tickets.isEmpty)
            #expect(try await store.tickets(query, now: Shanghai.date("2026-11-24 14:01")).tickets.count == 1)
        }
    }
}
