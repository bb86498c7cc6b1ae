import Foundation
import HelpdeskCore
import HelpdeskStore

/// Problem management (R6.3, R7.4) for every front end: recurring tickets proposed by
/// detection, confirmed or rejected by a problem manager, investigated to a known error and a
/// permanent fix; the workaround and the fix told to every linked requester; the open tickets
/// resolved with the fix on request.
public struct ProblemService: Sendable {
    let store: any HelpdeskStore
    let clock: AppClock
    let tickets: TicketService

    public init(store: any HelpdeskStore, clock: AppClock, tickets: TicketService) {
        self.store = store
        self.clock = clock
        self.tickets = tickets
    }

    /// How often the scheduler looks for recurring problems, across every instance.
    public static let detectionInterval: TimeInterval = 3_600
    /// Tickets detection reads at most (the newest of the window).
    public static let detectionLimit = 5_000

    /// A problem as a manager writes it; absent fields keep their value. `version` is the one
    /// the manager read (a save over a newer one is refused).
    public struct Command: Decodable, Sendable, Equatable {
        public var title: String?
        public var status: ProblemStatus?
        public var rootCause: String?
        public var workaround: String?
        public var permanentFix: String?
        public var preventiveActions: String?
        public var ownerId: Int64?
        public var articleIds: [Int64]?
        public var ticketNumbers: [String]?
        public var version: Int?

        public init(
            title: String? = nil, status: ProblemStatus? = nil, rootCause: String? = nil, workaround: String? = nil,
            permanentFix: String? = nil, preventiveActions: String? = nil, ownerId: Int64? = nil,
            articleIds: [Int64]? = nil, ticketNumbers: [String]? = nil, version: Int? = nil
        ) {
            self.title = title
            self.status = status
            self.rootCause = rootCause
            self.workaround = workaround
            self.permanentFix = permanentFix
            self.preventiveActions = preventiveActions
            self.ownerId = ownerId
            self.articleIds = articleIds
            self.ticketNumbers = ticketNumbers
            self.version = version
        }
    }

    /// A problem with its tickets.
    public struct View: Sendable {
        public var problem: ProblemRecord
        public var tickets: [LinkedTicket]
    }

    /// What a detection pass did.
    public struct Detection: Sendable, Equatable, Codable {
        public var proposed: [Int64]
        public var updated: [Int64]
    }

    /// What resolving a problem's tickets did: those resolved, and those left with why.
    public struct Resolution: Sendable, Equatable, Codable {
        public struct Skipped: Sendable, Equatable, Codable {
            public var number: String
            public var code: String
        }

        public var resolved: [String]
        public var skipped: [Skipped]
    }

    // MARK: - Reading

    public func list(status: ProblemStatus?, limit: Int = 20, offset: Int = 0, for user: User) async throws
        -> (items: [ProblemRecord], nextOffset: Int?)
    {
        try read(user)
        guard (1...100).contains(limit) else { throw UseCaseError.invalidValue(field: "limit") }
        let page = try await store.problems(statuses: status.map { [$0] } ?? [], limit: limit, offset: offset)
        return (page.items, page.more ? offset + limit : nil)
    }

    public func view(_ id: Int64, for user: User) async throws -> View {
        try read(user)
        guard let problem = try await store.problem(id: id) else { throw UseCaseError.notFound(resource: "problem") }
        // Its readers see every ticket (`read`): each one is listed.
        return View(problem: problem, tickets: try await store.problemTickets(numbers: problem.ticketNumbers))
    }

    /// The problem's retrospective (R7.4): its record, its tickets oldest first, its articles.
    public func retrospective(_ id: Int64, for user: User) async throws -> ProblemRetrospective {
        let view = try await view(id, for: user)
        var articles: [ProblemRetrospective.Article] = []
        for articleId in view.problem.articleIds {
            if let article = try await store.article(id: articleId) {
                articles.append(.init(id: article.id, title: article.content.title))
            }
        }
        return ProblemRetrospective(
            view.problem,
            tickets: view.tickets.map {
                .init(
                    number: $0.number, title: $0.title, status: $0.status, submittedAt: $0.submittedAt,
                    requesterUserId: $0.requesterUserId, isOpen: $0.isOpen)
            }, articles: articles)
    }

    /// The problems a ticket is in, for its page.
    public func problems(ofTicket number: String, for user: User) async throws -> [ProblemRecord] {
        guard user.role.seesAllTickets else { return [] }
        return try await store.problems(ticketNumber: number).filter { $0.status != .rejected }
    }

    // MARK: - Writing

    /// A problem opened by hand: investigating, owned by its opener.
    public func create(_ command: Command, by user: User) async throws -> ProblemRecord {
        try manage(user)
        guard let title = command.title.flatMap({ TextInput.clean($0, max: Problems.titleMaxLength) }) else {
            throw command.title == nil
                ? UseCaseError.fieldRequired(field: "title") : UseCaseError.invalidValue(field: "title")
        }
        var problem = ProblemRecord(
            title: title, status: .investigating, ownerId: user.id, createdAt: clock.now())
        try await apply(command, to: &problem, by: user)
        problem.status = .investigating
        let created = try await store.createProblem(problem)
        if let text = Problems.broadcast(created, resolved: false) { try await tell(created, text, by: user) }
        return created
    }

    /// An update: texts, owner, articles, tickets and status. A new or changed workaround and
    /// the permanent fix on resolving are told to every linked requester.
    public func update(_ id: Int64, _ command: Command, by user: User) async throws -> ProblemRecord {
        try manage(user)
        guard let version = command.version else { throw UseCaseError.fieldRequired(field: "version") }
        guard let current = try await store.problem(id: id) else { throw UseCaseError.notFound(resource: "problem") }
        guard current.status != .proposed, current.status != .rejected else {
            throw UseCaseError.problemRefused(
                .illegalTransition(from: current.status, to: command.status ?? current.status))
        }
        var problem = current
        if let title = command.title {
            guard let clean = TextInput.clean(title, max: Problems.titleMaxLength) else {
                throw UseCaseError.invalidValue(field: "title")
            }
            problem.title = clean
        }
        try await apply(command, to: &problem, by: user)
        if let status = command.status {
            do {
                problem.status = try Problems.move(problem, to: status)
            } catch {
                throw UseCaseError.problemRefused(error)
            }
        }
        let saved = try await save(problem, version: version)
        if saved.workaround != current.workaround, let text = Problems.broadcast(saved, resolved: false) {
            try await tell(saved, text, by: user)
        }
        if saved.status == .resolved, current.status != .resolved, let text = Problems.broadcast(saved, resolved: true)
        {
            try await tell(saved, text, by: user)
        }
        return saved
    }

    /// Confirms a proposal: investigating, owned by the confirmer, its tickets linked.
    public func confirm(_ id: Int64, version: Int?, by user: User) async throws -> ProblemRecord {
        try await decide(id, confirm: true, reason: nil, version: version, by: user)
    }

    /// Rejects a proposal with a reason; its tickets are not proposed together again.
    public func reject(_ id: Int64, reason: String?, version: Int?, by user: User) async throws -> ProblemRecord {
        try await decide(id, confirm: false, reason: reason, version: version, by: user)
    }

    /// Resolves every open linked ticket with the problem's permanent fix and root cause; a
    /// ticket that cannot be resolved now (not yet accepted, waiting for approval, …) is left,
    /// with the reason.
    public func resolveTickets(_ id: Int64, by user: User) async throws -> Resolution {
        try manage(user)
        guard let problem = try await store.problem(id: id) else { throw UseCaseError.notFound(resource: "problem") }
        guard let fix = problem.permanentFix, problem.status == .resolved || problem.status == .closed else {
            throw UseCaseError.problemRefused(.missing(["permanentFix"]))
        }
        var resolution = Resolution(resolved: [], skipped: [])
        for ticket in try await store.problemTickets(numbers: problem.ticketNumbers) where ticket.isOpen {
            do {
                _ = try await tickets.transition(
                    TicketRef(number: ticket.number),
                    TransitionCommand(action: .resolve, solution: fix, rootCause: problem.rootCause), by: user)
                resolution.resolved.append(ticket.number)
            } catch let error as WorkflowError {
                resolution.skipped.append(.init(number: ticket.number, code: error.code))
            } catch let error as UseCaseError {
                resolution.skipped.append(.init(number: ticket.number, code: error.code))
            } catch {
                // Changed meanwhile, or the store refused: left for another try.
                resolution.skipped.append(.init(number: ticket.number, code: "not_resolved"))
            }
        }
        return resolution
    }

    // MARK: - Detection

    /// Looks for recurring problems among the window's tickets (R6.3) when it is this
    /// instance's turn (once an hour across instances), as the scheduler calls it.
    public func detectIfDue() async throws -> Detection? {
        let now = clock.now()
        guard try await store.claimDetectionRun(now: now, every: Self.detectionInterval) else { return nil }
        return try await exclusively(now: now) { try await detect(now: now) }
    }

    /// Looks now, at a problem manager's request; refused while another pass runs, which would
    /// propose the same groups a second time.
    public func detect(by user: User) async throws -> Detection {
        try manage(user)
        let now = clock.now()
        guard let detection = try await exclusively(now: now, { try await detect(now: now) }) else {
            throw UseCaseError.detectionRunning
        }
        return detection
    }

    /// How long one pass may hold the detection lease: a pass that dies leaves it to expire.
    static let detectionLease: TimeInterval = 10 * 60

    /// `body` while holding the detection lease (one pass at a time across instances), or nil
    /// when another pass holds it.
    func exclusively(now: Date, _ body: () async throws -> Detection) async throws -> Detection? {
        let until = now.addingTimeInterval(Self.detectionLease)
        guard try await store.claimDetectionLease(now: now, until: until) else { return nil }
        do {
            let detection = try await body()
            try await store.releaseDetectionLease(until: until)
            return detection
        } catch {
            try? await store.releaseDetectionLease(until: until)
            throw error
        }
    }

    func detect(now: Date) async throws -> Detection {
        let settings = try await store.deskSettings().problemDetection
        var known = try await store.problemsForDetection()
        // Tickets already in an open problem are not proposed again; those of a pending
        // proposal may join it.
        let taken = Set(known.filter(\.status.isOpen).flatMap(\.ticketNumbers))
        let rejected = known.filter { $0.status == .rejected }.map(\.ticketNumbers)
        let candidates = try await store.detectionCandidates(
            since: now.addingTimeInterval(-Double(settings.windowDays) * 86_400), limit: Self.detectionLimit
        ).filter { !taken.contains($0.number) }
        var detection = Detection(proposed: [], updated: [])
        let titles = Dictionary(candidates.map { ($0.number, $0.text) }, uniquingKeysWith: { first, _ in first })
        for cluster in RecurrenceDetection.clusters(candidates, settings: settings) {
            guard !Problems.wasRejected(cluster.numbers, rejected: rejected) else { continue }
            if let index = known.firstIndex(where: {
                $0.status == .proposed && !Set($0.ticketNumbers).isDisjoint(with: cluster.numbers)
            }) {
                var proposal = known[index]
                let numbers = Array(Set(proposal.ticketNumbers).union(cluster.numbers)).sorted()
                guard numbers != proposal.ticketNumbers.sorted() else { continue }
                proposal.ticketNumbers = numbers
                proposal.evidence = cluster.evidence
                do {
                    // Kept for the next group of this pass that overlaps it too.
                    known[index] = try await save(proposal, version: proposal.version)
                    if !detection.updated.contains(proposal.id) { detection.updated.append(proposal.id) }
                } catch UseCaseError.problemChanged {
                    // A manager decided it meanwhile: the next pass sees it as it is now.
                }
                continue
            }
            let title = String(
                (titles[cluster.numbers[0]] ?? "").split(separator: "\n").first.map(String.init)?
                    .prefix(Problems.titleMaxLength) ?? "")
            let proposal = ProblemRecord(
                title: title.isEmpty ? cluster.numbers[0] : title, status: .proposed, ticketNumbers: cluster.numbers,
                categoryId: cluster.categoryId, affectedSystem: cluster.system, evidence: cluster.evidence,
                createdAt: now)
            detection.proposed.append(try await store.createProblem(proposal).id)
        }
        return detection
    }

    // MARK: - Rules

    /// A problem's title, tickets and evidence come from tickets of every group: it is read by
    /// those who see every ticket (R9.1).
    func read(_ user: User) throws {
        guard user.role.seesAllTickets else { throw UseCaseError.forbidden(action: "problems") }
    }

    func manage(_ user: User) throws {
        guard Problems.manages(user.role) else { throw UseCaseError.forbidden(action: "problems") }
    }

    func decide(_ id: Int64, confirm: Bool, reason: String?, version: Int?, by user: User) async throws
        -> ProblemRecord
    {
        try manage(user)
        guard var problem = try await store.problem(id: id) else { throw UseCaseError.notFound(resource: "problem") }
        do {
            problem.status = try Problems.decide(problem, confirm: confirm)
        } catch {
            throw UseCaseError.problemRefused(error)
        }
        if confirm {
            problem.ownerId = problem.ownerId ?? user.id
        } else {
            problem.rejectionReason = try TextInput.optional(reason, max: 500, field: "reason")
        }
        return try await save(problem, version: version ?? problem.version)
    }

    func save(_ problem: ProblemRecord, version: Int) async throws -> ProblemRecord {
        do {
            return try await store.saveProblem(problem, expectedVersion: version, now: clock.now())
        } catch let conflict as ProblemVersionConflict {
            throw UseCaseError.problemChanged(current: conflict.current)
        }
    }

    /// The command's texts, owner, articles and tickets over `problem`.
    func apply(_ command: Command, to problem: inout ProblemRecord, by user: User) async throws {
        for (field, value, path) in [
            ("rootCause", command.rootCause, \ProblemRecord.rootCause),
            ("workaround", command.workaround, \ProblemRecord.workaround),
            ("permanentFix", command.permanentFix, \ProblemRecord.permanentFix),
            ("preventiveActions", command.preventiveActions, \ProblemRecord.preventiveActions),
        ] {
            guard let value else { continue }
            guard value.unicodeScalars.count <= Problems.textMaxLength else {
                throw UseCaseError.invalidValue(field: field)
            }
            // A form's text area sends CRLF: the same text is the same.
            let trimmed = value.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(
                in: .whitespacesAndNewlines)
            problem[keyPath: path] = trimmed.isEmpty ? nil : trimmed
        }
        if let ownerId = command.ownerId {
            guard let owner = try await store.user(id: ownerId), owner.active, owner.role.isStaff else {
                throw UseCaseError.invalidReference(field: "ownerId")
            }
            problem.ownerId = owner.id
        }
        if let articleIds = command.articleIds {
            guard articleIds.count <= 50 else { throw UseCaseError.invalidValue(field: "articleIds") }
            for id in articleIds where try await store.article(id: id) == nil {
                throw UseCaseError.invalidReference(field: "articleIds")
            }
            problem.articleIds = Array(Set(articleIds)).sorted()
        }
        if let numbers = command.ticketNumbers {
            guard numbers.count <= Problems.ticketsMax else { throw UseCaseError.invalidValue(field: "ticketNumbers") }
            var linked: [String] = []
            for number in Set(numbers) {
                do {
                    linked.append(try await tickets.visibleTicket(number, for: user).number)
                } catch UseCaseError.notFound {
                    throw UseCaseError.invalidReference(field: "ticketNumbers")
                }
            }
            problem.ticketNumbers = linked.sorted()
        }
    }

    /// A public work-log entry on every linked ticket still taking changes: its requester is
    /// told on their channel (R8.2).
    func tell(_ problem: ProblemRecord, _ text: String, by user: User) async throws {
        for ticket in try await store.problemTickets(numbers: problem.ticketNumbers) {
            guard ticket.status.acceptsChanges else { continue }
            _ = try? await tickets.addWorklog(
                TicketRef(number: ticket.number), WorklogCommand(body: text, visibility: .public), by: user)
        }
    }
}
