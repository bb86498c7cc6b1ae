import ArgumentParser
import Foundation
import HelpdeskCore
import HelpdeskServer
import HelpdeskStore
import Logging

/// Fills a database with generated tickets for the benchmarks (`scripts/bench-search.sh`):
/// realistic Chinese text, submitted over the last `months` months by a few hundred requesters,
/// through the store's own create path (numbering, SLA plan, search index). All but the newest
/// `open` are closed and archived with a solution, so the scheduler has nothing to do with them.
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
        let policy = try await store.currentSLAPolicy()!
        let rules = try await store.rules(policyId: policy.id)
        let matrix = try await store.currentPriorityMatrix()
        let categories = try await store.categories().filter { $0.parentId != nil }
        let admin = try await store.user(id: 1)!.actor
        let now = Date()
        let span = TimeInterval(months) * 30 * 86_400
        let count = max(0, tickets - existing)
        let started = Date()
        // Drafts are made in order on this task (the generator is sequential), written concurrently.
        var next = 0
        try await withThrowingTaskGroup(of: Void.self) { group in
            func draft(_ index: Int) throws -> Ticket {
                let text = GeneratedTicketText { Int(drand48() * Double($0)) }.ticket()
                let requester = requesters[Int(drand48() * Double(requesters.count))]
                let fraction = Double(index + 1) / Double(count)
                let submitted = now.addingTimeInterval(-span * (1 - fraction) - 60)
                var input = NewTicket(
                    type: .request, title: text.title, description: text.description,
                    requester: Requester(
                        userId: requester.id, name: requester.displayName, department: text.department),
                    contact: "1380000\(String(format: "%04d", index % 10_000))", channel: .portal,
                    impact: [.low, .medium, .high][Int(drand48() * 3)],
                    urgency: [.low, .medium, .high][Int(drand48() * 3)])
                if !categories.isEmpty {
                    let category = categories[Int(drand48() * Double(categories.count))]
                    input.categoryId = category.parentId
                    input.subcategoryId = category.id
                    input.groupId = category.defaultGroupId
                }
                var ticket = try Intake.draft(
                    input, by: requester.actor, at: submitted, matrix: matrix, policyId: policy.id
                )
                .ticket
                if index < count - open {
                    let closed = submitted.addingTimeInterval(3_600 * (1 + drand48() * 48))
                    ticket.status = .closed
                    ticket.solution = text.solution
                    ticket.closedAt = closed
                    ticket.archivedAt = closed
                    ticket.updatedAt = closed
                    ticket.firedTimers = SLAEngine.unfired(for: ticket, rules: rules).map(\.key)
                }
                return ticket
            }
            func write(_ ticket: Ticket) async throws {
                let event = TicketEvent(kind: .created, toStatus: .new, actor: admin, at: ticket.submittedAt)
                _ = try await store.createTicket(ticket, event: event, attachments: [], format: .default, rules: rules)
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
