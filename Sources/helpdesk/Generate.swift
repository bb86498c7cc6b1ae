import ArgumentParser
import Foundation
import HelpdeskCore
import HelpdeskServer
import HelpdeskStore
import Logging

/// Fills a database with generated tickets for the benchmarks (`scripts/bench-search.sh`):
/// realistic Chinese text, submitted over the last `months` months by a few hundred requesters,
/// through the store's own create path (numbering, SLA plan, search index). All but the newest
/// `open` were handled by one of 40 generated engineers and closed and archived with a solution
/// and their history (``GeneratedHistory``), so the reports have real figures and the scheduler
/// has nothing to do with them.
struct Generate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fill an empty database with generated tickets for benchmarks (not for a live desk).")

    @OptionGroup var store: StoreOptions
    @Option(help: "Tickets to end up with.") var tickets: Int = 100_000
    @Option(help: "Months the submission times are spread over, ending now.") var months: Int = 24
    @Option(help: "How many of the newest tickets stay open.") var open: Int = 2_000
    @Option(help: "Seed of the generator, for the same desk again.") var seed: Int = 1
    @Option(help: "Creates in flight.") var concurrency: Int = 4
    @Flag(help: "Add to a database that has tickets already.") var append = false

    func run() async throws {
        try await HelpdeskApp.withDatabase(try store.configuration()) { database, config in
            let sqlStore = SQLStore(database: database)
            try await HelpdeskApp.prepare(database, store: sqlStore, config: config, logger: Logger(label: "helpdesk"))
            let existing = try await Self.ticketCount(sqlStore)
            guard existing == 0 || append else {
                throw ValidationError("the database has \(existing) tickets; pass --append to add to them")
            }
            try await fill(sqlStore, from: existing)
        }
    }

    static func ticketCount(_ store: SQLStore) async throws -> Int {
        try await store.database.read { db in
            Int(try await db.raw("SELECT COUNT(*) AS n FROM tickets").first()!.decode(column: "n", as: Int64.self))
        }
    }

    private func fill(_ store: SQLStore, from existing: Int) async throws {
        srand48(seed)
        let requesters = try await requesters(store)
        let engineers = try await engineers(store)
        let policy = try await store.currentSLAPolicy()!
        let rules = try await store.rules(policyId: policy.id)
        let matrix = try await store.currentPriorityMatrix()
        // Leaf categories: the sub-categories, and the top-level ones without any.
        let all = try await store.categories()
        let parents = Set(all.compactMap(\.parentId))
        let categories = all.filter { !parents.contains($0.id) }
        let parentGroup = Dictionary(all.map { ($0.id, $0.defaultGroupId) }, uniquingKeysWith: { a, _ in a })
        let admin = try await store.user(id: 1)!.actor
        let history = GeneratedHistory(rules: rules, engineers: engineers, uniform: { drand48() })
        let channels: [Channel] = [.portal, .portal, .portal, .email, .email, .phone, .im, .walkIn]
        let types: [TicketType] = [.fault, .fault, .fault, .request, .request, .consultation, .suggestion]
        let now = Date()
        let span = TimeInterval(months) * 30 * 86_400
        let count = max(0, tickets - existing)
        let started = Date()
        // Drafts are made in order on this task (the generator is sequential), written concurrently.
        var next = 0
        try await withThrowingTaskGroup(of: Void.self) { group in
            func draft(_ index: Int) throws -> (Ticket, [TicketEvent]) {
                let text = GeneratedTicketText { Int(drand48() * Double($0)) }.ticket()
                let requester = requesters[Int(drand48() * Double(requesters.count))]
                let fraction = Double(index + 1) / Double(count)
                let submitted = now.addingTimeInterval(-span * (1 - fraction) - 60)
                var input = NewTicket(
                    type: types[Int(drand48() * Double(types.count))], title: text.title, description: text.description,
                    requester: Requester(
                        userId: requester.id, name: requester.displayName, department: text.department),
                    contact: "1380000\(String(format: "%04d", index % 10_000))",
                    channel: channels[Int(drand48() * Double(channels.count))],
                    impact: [.low, .medium, .high][Int(drand48() * 3)],
                    urgency: [.low, .medium, .high][Int(drand48() * 3)])
                if !categories.isEmpty {
                    let category = categories[Int(drand48() * Double(categories.count))]
                    input.categoryId = category.parentId ?? category.id
                    input.subcategoryId = category.parentId == nil ? nil : category.id
                    input.groupId = category.defaultGroupId ?? category.parentId.flatMap { parentGroup[$0] ?? nil }
                }
                let ticket = try Intake.draft(
                    input, by: requester.actor, at: submitted, matrix: matrix, policyId: policy.id
                )
                .ticket
                let created = TicketEvent(kind: .created, toStatus: .new, actor: admin, at: ticket.submittedAt)
                guard index < count - open else { return (ticket, [created]) }
                let handled = history.closed(ticket, solution: text.solution, created: created)
                // A history that would end after now stays open (the newest days' tickets).
                guard let closedAt = handled.0.closedAt, closedAt < now else { return (ticket, [created]) }
                return handled
            }
            func write(_ ticket: (Ticket, [TicketEvent])) async throws {
                _ = try await store.createTicket(
                    ticket.0, events: ticket.1, attachments: [], format: .default, rules: rules)
            }
            while next < min(count, concurrency) {
                let ticket = try draft(next)
                group.addTask { try await write(ticket) }
                next += 1
            }
            while try await group.next() != nil {
                guard next < count else { continue }
                let ticket = try draft(next)
                group.addTask { try await write(ticket) }
                next += 1
                if next % 50_000 == 0 {
                    let rate = Double(next) / Date().timeIntervalSince(started)
                    print("\(existing + next) tickets (\(Int(rate))/s)")
                }
            }
        }
        let seconds = Date().timeIntervalSince(started)
        print("Generated \(count) tickets in \(Int(seconds)) s (\(Int(Double(count) / max(seconds, 0.001)))/s).")
    }

    /// 40 engineers spread over the support groups (L1 mostly), made on the first run and reused after.
    private func engineers(_ store: SQLStore) async throws -> [User] {
        let groups = try await store.groups().map(\.id)
        var users: [User] = []
        for index in 1...40 {
            let name = String(format: "gen-engineer-%02d", index)
            if let user = try await store.user(username: name) {
                users.append(user)
            } else {
                let tier: Tier = index % 5 == 0 ? .l3 : index % 3 == 0 ? .l2 : .l1
                users.append(
                    try await store.createUser(
                        User(
                            username: name, displayName: "工程师\(index)", role: .agent, tier: tier,
                            groupIds: groups.isEmpty ? [] : [groups[index % groups.count]]),
                        passwordHash: "!", now: Date()))
            }
        }
        return users
    }

    /// 300 requesters, made on the first run and reused after.
    private func requesters(_ store: SQLStore) async throws -> [User] {
        var users: [User] = []
        for index in 1...300 {
            let name = String(format: "gen-requester-%03d", index)
            if let user = try await store.user(username: name) {
                users.append(user)
            } else {
                users.append(
                    try await store.createUser(
                        User(username: name, displayName: "员工\(index)", role: .requester), passwordHash: "!",
                        now: Date()))
            }
        }
        return users
    }
}
