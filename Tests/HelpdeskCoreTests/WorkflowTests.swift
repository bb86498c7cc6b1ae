import Foundation
import HelpdeskCore
import Testing

// MARK: - Fixtures shared by the workflow, operations and access tests

/// The people around one ticket: its requester, its handler, other agents and the managers.
enum WorkflowActorKind: String, CaseIterable, Hashable, Sendable, CustomTestStringConvertible {
    /// The requester who owns the ticket.
    case owner
    /// A requester who does not own the ticket.
    case otherRequester
    /// The agent the ticket is assigned to.
    case handler
    /// An agent of the ticket's group who is not its handler.
    case groupAgent
    /// An agent of another group.
    case outsideAgent
    case problemManager
    case supervisor
    case admin

    var actor: Principal {
        switch self {
        case .owner: Principal(id: 100, name: "张小明", role: .requester)
        case .otherRequester: Principal(id: 101, name: "李四", role: .requester)
        case .handler: Principal(id: 200, name: "王工", role: .agent, tier: .l1, groupIds: [WorkflowFixture.groupId])
        case .groupAgent: Principal(id: 201, name: "赵工", role: .agent, tier: .l1, groupIds: [WorkflowFixture.groupId])
        case .outsideAgent: Principal(id: 202, name: "钱工", role: .agent, tier: .l2, groupIds: [20])
        case .problemManager: Principal(id: 300, name: "孙经理", role: .problemManager)
        case .supervisor: Principal(id: 400, name: "周主管", role: .supervisor)
        case .admin: Principal(id: 500, name: "吴管理员", role: .admin)
        }
    }

    var testDescription: String { rawValue }
}

enum WorkflowFixture {
    static let rules = TicketRules(policy: .default, calendar: .standard)
    static let groupId: Int64 = 10

    /// `"2026-03-04T10:00:00+08:00"` as an instant.
    static func at(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    /// Wednesday 2026-03-04 09:00 Shanghai time: the tickets are opened then.
    static let opened = at("2026-03-04T09:00:00+08:00")
    /// An hour later: when the operation under test happens.
    static let now = at("2026-03-04T10:00:00+08:00")

    static let ownerRequester = Requester(
        userId: WorkflowActorKind.owner.actor.id, name: "张小明", employeeNumber: "E1001", department: "销售部")

    /// A ticket of group 10, owned by `owner`, in `status`, with an SLA track that has seen that status.
    /// A closed ticket was closed `closedAgo` seconds before `now`.
    static func ticket(
        status: TicketStatus = .new, assignee: Int64? = WorkflowActorKind.handler.actor.id, tier: Tier = .l1,
        priority: Priority = .p2, satisfaction: Satisfaction? = nil, closedAgo: TimeInterval = 86_400,
        requester: Requester = ownerRequester, contact: String = "13812345678"
    ) -> Ticket {
        let sla = SLATrack.opened(at: opened, priority: priority)
            .applying(.status(at: opened, to: status), policy: rules.policy, calendar: rules.calendar)
        var ticket = Ticket(
            id: 1, number: "TS20260304001", type: .fault, title: "打印机无法打印", description: "三楼打印机卡纸后报错",
            requester: requester, contact: contact, channel: .portal, impact: .medium, urgency: .medium,
            priority: priority, suggestedPriority: priority, groupId: groupId, assigneeId: assignee, tier: tier,
            status: status, submittedAt: opened, createdById: requester.userId ?? 0, slaPolicyId: 1, sla: sla)
        ticket.satisfaction = satisfaction
        if status == .closed {
            ticket.closedAt = now.addingTimeInterval(-closedAgo)
            ticket.closeReason = "已审核"
        }
        return ticket
    }

    /// The request a caller sends for `action`: only the fields that action reads, plus a reason
    /// padded with blanks (the event must record it trimmed).
    static func request(_ action: WorkflowAction, reason: String? = "  客户要求  ") -> TransitionRequest {
        switch action {
        case .assign:
            TransitionRequest(action: action, reason: reason, assigneeId: WorkflowActorKind.handler.actor.id)
        case .resolve:
            TransitionRequest(action: action, reason: reason, solution: "更换硒鼓", rootCause: "硒鼓老化")
        case .rate:
            TransitionRequest(
                action: action, reason: reason, satisfaction: Satisfaction(level: .satisfied, score: 5, comment: "很快"))
        default:
            TransitionRequest(action: action, reason: reason)
        }
    }

    static func apply(
        _ action: WorkflowAction, to ticket: Ticket, by kind: WorkflowActorKind, at time: Date = now
    ) throws(WorkflowError) -> TicketChange {
        try Workflow.apply(request(action), to: ticket, by: kind.actor, at: time, rules: rules)
    }

    static func sla(_ ticket: Ticket, at time: Date) -> SLAState {
        ticket.sla.state(at: time, policy: .default, calendar: .standard)
    }
}

/// The R4.9 / R5.2 / R5.5 transition table written out by hand: action → (from → to), for a ticket
/// that has a handler. Any pair not listed is illegal.
enum WorkflowTable {
    static let legal: [WorkflowAction: [TicketStatus: TicketStatus]] = [
        .assign: [.new: .assigned, .assigned: .assigned, .inProgress: .assigned],
        .accept: [.assigned: .inProgress],
        .start: [.new: .inProgress],
        .bounce: [.assigned: .new],
        .wait: [.inProgress: .waitingOnRequester],
        .block: [.inProgress: .blocked, .waitingOnRequester: .blocked],
        .resume: [.waitingOnRequester: .inProgress, .blocked: .inProgress],
        // Without a new assignee the escalated ticket waits in the next tier's queue.
        .escalate: [
            .new: .new, .assigned: .new, .inProgress: .new, .waitingOnRequester: .new, .blocked: .new,
        ],
        .resolve: [.inProgress: .resolved],
        // R5.1: only a ticket waiting for its internal check is verified.
        .verify: [.verifying: .resolved],
        .failVerification: [.verifying: .inProgress],
        .confirm: [.resolved: .confirmed],
        .reject: [.resolved: .inProgress],
        // Rating records satisfaction and leaves the status alone; a closed ticket is final.
        .rate: [.resolved: .resolved, .confirmed: .confirmed, .reviewed: .reviewed],
        .review: [.resolved: .reviewed, .confirmed: .reviewed],
        .close: [.reviewed: .closed, .new: .closed, .assigned: .closed],
        .reopen: [.resolved: .inProgress, .confirmed: .inProgress, .reviewed: .inProgress, .closed: .inProgress],
    ]

    /// Moves recorded for staff only.
    static let internalActions: Set<WorkflowAction> = [.bounce, .escalate, .failVerification]
}

// MARK: - Transition table

@Suite("Workflow transitions")
struct WorkflowTransitionTests {
    let now = WorkflowFixture.now

    @Test(
        "R4.9 R6.1 every action from every status: legal moves reach their target, others are illegal",
        arguments: WorkflowAction.allCases, TicketStatus.allCases)
    func actionFromStatus(action: WorkflowAction, from: TicketStatus) throws {
        // given: an admin who is also the handler may attempt every action
        let ticket = WorkflowFixture.ticket(status: from, assignee: WorkflowActorKind.admin.actor.id)

        // when / then
        if let target = WorkflowTable.legal[action]?[from] {
            let change = try WorkflowFixture.apply(action, to: ticket, by: .admin)
            #expect(change.ticket.status == target)
            #expect(change.ticket.version == ticket.version + 1)
            #expect(change.ticket.updatedAt == now)
        } else if from == .archived {
            // R6.1: nothing changes an archived ticket, a reopen included.
            #expect(throws: WorkflowError.ticketArchived) { try WorkflowFixture.apply(action, to: ticket, by: .admin) }
        } else if from == .closed {
            // Only a reopen changes a closed ticket; everything else says so.
            #expect(throws: WorkflowError.ticketClosed) { try WorkflowFixture.apply(action, to: ticket, by: .admin) }
        } else {
            #expect(throws: WorkflowError.illegalTransition(action: action, from: from)) {
                try WorkflowFixture.apply(action, to: ticket, by: .admin)
            }
        }
    }

    @Test("R4.9 the published source table matches the hand-written one", arguments: WorkflowAction.allCases)
    func sourcesMatchTable(action: WorkflowAction) {
        let expected = Set(WorkflowTable.legal[action, default: [:]].keys)
        #expect(Workflow.sources[action] == expected)
    }

    @Test(
        "R4.9 every move writes exactly one event with who, when, from, to and why",
        arguments: WorkflowTable.legal.flatMap { action, moves in moves.map { (action, $0.key, $0.value) } })
    func oneEventPerMove(action: WorkflowAction, from: TicketStatus, to: TicketStatus) throws {
        // given
        let admin = WorkflowActorKind.admin.actor
        let ticket = WorkflowFixture.ticket(status: from, assignee: admin.id)

        // when
        let change = try WorkflowFixture.apply(action, to: ticket, by: .admin)

        // then
        try #require(change.events.count == 1)
        let event = change.events[0]
        #expect(event.kind == .transition)
        #expect(event.action == action)
        #expect(event.actorId == admin.id)
        #expect(event.actorName == admin.name)
        #expect(event.at == now)
        #expect(event.fromStatus == from)
        #expect(event.toStatus == to)
        #expect(event.reason == "客户要求")
        #expect(event.visibility == (WorkflowTable.internalActions.contains(action) ? .internal : .public))
    }

    @Test(
        "Without a handler, resume, reject and reopen go back to the queue",
        arguments: [
            (WorkflowAction.resume, TicketStatus.waitingOnRequester), (.resume, .blocked), (.reject, .resolved),
            (.reopen, .resolved), (.reopen, .confirmed), (.reopen, .reviewed), (.reopen, .closed),
        ])
    func unassignedReturnsToNew(action: WorkflowAction, from: TicketStatus) throws {
        let ticket = WorkflowFixture.ticket(status: from, assignee: nil)
        let change = try WorkflowFixture.apply(action, to: ticket, by: .supervisor)
        #expect(change.ticket.status == .new)
        #expect(change.ticket.assigneeId == nil)
    }

    @Test("Assign sets handler and optional group; start makes the actor the handler")
    func assignAndStart() throws {
        // given
        let ticket = WorkflowFixture.ticket(status: .new, assignee: nil)
        let request = TransitionRequest(action: .assign, assigneeId: 201, groupId: 30)

        // when
        let assigned = try Workflow.apply(
            request, to: ticket, by: WorkflowActorKind.problemManager.actor, at: now, rules: WorkflowFixture.rules)
        let started = try WorkflowFixture.apply(.start, to: ticket, by: .groupAgent)

        // then
        #expect(assigned.ticket.assigneeId == 201)
        #expect(assigned.ticket.groupId == 30)
        #expect(assigned.events[0].data["assignee_id"] == "201")
        #expect(started.ticket.assigneeId == WorkflowActorKind.groupAgent.actor.id)
        #expect(started.events[0].data["assignee_id"] == "201")
    }

    @Test("Assign needs an assignee", arguments: [TicketStatus.new, .assigned, .inProgress])
    func assignNeedsAssignee(from: TicketStatus) {
        let ticket = WorkflowFixture.ticket(status: from)
        #expect(throws: WorkflowError.fieldRequired("assigneeId")) {
            try Workflow.apply(
                TransitionRequest(action: .assign), to: ticket, by: WorkflowActorKind.problemManager.actor,
                at: now, rules: WorkflowFixture.rules)
        }
    }

    @Test("Bounce hands the ticket back without a handler, as an internal note")
    func bounceClearsHandler() throws {
        let ticket = WorkflowFixture.ticket(status: .assigned)
        let change = try WorkflowFixture.apply(.bounce, to: ticket, by: .handler)
        #expect(change.ticket.status == .new)
        #expect(change.ticket.assigneeId == nil)
        #expect(change.events[0].visibility == .internal)
    }
}

// MARK: - Permissions

struct WorkflowPermissionCase: Sendable, CustomTestStringConvertible {
    var action: WorkflowAction
    var status: TicketStatus
    var allowed: Set<WorkflowActorKind>
    var testDescription: String { "\(action.rawValue) from \(status.rawValue)" }
}

@Suite("Workflow permissions")
struct WorkflowPermissionTests {
    static let staffWhoSeeIt: Set<WorkflowActorKind> = [.handler, .groupAgent, .problemManager, .supervisor, .admin]
    static let handlerOrManager: Set<WorkflowActorKind> = [.handler, .supervisor, .admin]
    static let ownerOrManager: Set<WorkflowActorKind> = [.owner, .supervisor, .admin]

    static let cases: [WorkflowPermissionCase] = [
        .init(action: .assign, status: .new, allowed: staffWhoSeeIt),
        .init(action: .assign, status: .inProgress, allowed: staffWhoSeeIt),
        .init(action: .accept, status: .assigned, allowed: [.handler]),
        .init(action: .bounce, status: .assigned, allowed: [.handler]),
        .init(action: .start, status: .new, allowed: staffWhoSeeIt),
        .init(action: .wait, status: .inProgress, allowed: handlerOrManager),
        .init(action: .block, status: .inProgress, allowed: handlerOrManager),
        .init(action: .block, status: .waitingOnRequester, allowed: handlerOrManager),
        // The requester answers a question and so resumes a ticket waiting on them, nothing else.
        .init(action: .resume, status: .waitingOnRequester, allowed: [.owner, .handler, .supervisor, .admin]),
        .init(action: .resume, status: .blocked, allowed: handlerOrManager),
        .init(action: .escalate, status: .new, allowed: [.handler, .problemManager, .supervisor, .admin]),
        .init(action: .escalate, status: .inProgress, allowed: [.handler, .problemManager, .supervisor, .admin]),
        .init(action: .resolve, status: .inProgress, allowed: handlerOrManager),
        .init(action: .confirm, status: .resolved, allowed: ownerOrManager),
        .init(action: .reject, status: .resolved, allowed: ownerOrManager),
        .init(action: .rate, status: .resolved, allowed: ownerOrManager),
        .init(action: .rate, status: .reviewed, allowed: ownerOrManager),
        .init(action: .review, status: .resolved, allowed: [.supervisor, .admin]),
        .init(action: .review, status: .confirmed, allowed: [.supervisor, .admin]),
        // R5.5 the final close follows the supervisor's review; R1.6 a problem manager may close
        // an out-of-scope request politely.
        .init(action: .close, status: .reviewed, allowed: [.supervisor, .admin]),
        .init(action: .close, status: .new, allowed: [.problemManager, .supervisor, .admin]),
        .init(action: .close, status: .assigned, allowed: [.problemManager, .supervisor, .admin]),
        .init(action: .reopen, status: .resolved, allowed: [.owner, .handler, .problemManager, .supervisor, .admin]),
        .init(action: .reopen, status: .closed, allowed: [.owner, .handler, .problemManager, .supervisor, .admin]),
    ]

    @Test("R9.1 who may take each action; everyone else is forbidden", arguments: cases)
    func permissions(_ c: WorkflowPermissionCase) throws {
        let ticket = WorkflowFixture.ticket(status: c.status)
        for kind in WorkflowActorKind.allCases {
            if c.allowed.contains(kind) {
                let change = try WorkflowFixture.apply(c.action, to: ticket, by: kind)
                #expect(change.events.count == 1, "\(kind)")
            } else {
                #expect(throws: WorkflowError.forbidden(action: c.action.rawValue), "\(kind)") {
                    try WorkflowFixture.apply(c.action, to: ticket, by: kind)
                }
            }
        }
    }

    @Test(
        "An actor who may not act gets forbidden even where the move would be illegal",
        arguments: [WorkflowActorKind.otherRequester, .outsideAgent])
    func forbiddenBeforeIllegal(kind: WorkflowActorKind) {
        let ticket = WorkflowFixture.ticket(status: .closed)
        #expect(throws: WorkflowError.forbidden(action: "resolve")) {
            try WorkflowFixture.apply(.resolve, to: ticket, by: kind)
        }
    }
}

// MARK: - Reasons and required fields

@Suite("Workflow reasons and required fields")
struct WorkflowReasonTests {
    /// Moves that must say why, with someone allowed to make them.
    static let reasoned: [(WorkflowAction, TicketStatus, WorkflowActorKind)] = [
        (.bounce, .assigned, .handler),
        (.block, .inProgress, .handler),
        (.block, .waitingOnRequester, .supervisor),
        (.escalate, .inProgress, .handler),
        (.reject, .resolved, .owner),
        (.reopen, .resolved, .owner),
        (.reopen, .closed, .handler),
        // R1.6 closing an out-of-scope request
        (.close, .new, .problemManager),
        (.close, .assigned, .supervisor),
    ]

    @Test("R4.9 R1.6 a reason is required", arguments: reasoned, [String?.none, "", "   ", "\n\t"])
    func reasonRequired(move: (WorkflowAction, TicketStatus, WorkflowActorKind), reason: String?) {
        let (action, status, kind) = move
        let ticket = WorkflowFixture.ticket(status: status)
        #expect(throws: WorkflowError.reasonRequired(action: action.rawValue)) {
            try Workflow.apply(
                WorkflowFixture.request(action, reason: reason), to: ticket, by: kind.actor,
                at: WorkflowFixture.now, rules: WorkflowFixture.rules)
        }
    }

    @Test("R4.9 R1.6 with a reason the move succeeds and records it trimmed", arguments: reasoned)
    func reasonRecorded(action: WorkflowAction, status: TicketStatus, kind: WorkflowActorKind) throws {
        let ticket = WorkflowFixture.ticket(status: status)
        let change = try Workflow.apply(
            WorkflowFixture.request(action, reason: "\n 不属于支持范围 \t"), to: ticket, by: kind.actor,
            at: WorkflowFixture.now, rules: WorkflowFixture.rules)
        #expect(change.events.map(\.reason) == ["不属于支持范围"])
    }

    @Test(
        "Other moves need no reason",
        arguments: [
            (WorkflowAction.assign, TicketStatus.new, WorkflowActorKind.problemManager),
            (.accept, .assigned, .handler), (.start, .new, .groupAgent), (.wait, .inProgress, .handler),
            (.resume, .waitingOnRequester, .owner), (.resolve, .inProgress, .handler), (.confirm, .resolved, .owner),
            (.rate, .confirmed, .owner), (.review, .confirmed, .supervisor), (.close, .reviewed, .supervisor),
        ])
    func noReasonNeeded(action: WorkflowAction, status: TicketStatus, kind: WorkflowActorKind) throws {
        let ticket = WorkflowFixture.ticket(status: status)
        let change = try Workflow.apply(
            WorkflowFixture.request(action, reason: nil), to: ticket, by: kind.actor, at: WorkflowFixture.now,
            rules: WorkflowFixture.rules)
        #expect(change.events.count == 1)
        #expect(change.events[0].reason == nil)
    }

    @Test("Closing records when and why; the final close after review needs no reason")
    func closeRecordsReason() throws {
        // given
        let new = WorkflowFixture.ticket(status: .new, assignee: nil)
        let reviewed = WorkflowFixture.ticket(status: .reviewed)

        // when
        let polite = try Workflow.apply(
            TransitionRequest(action: .close, reason: "非支持范围"), to: new,
            by: WorkflowActorKind.problemManager.actor, at: WorkflowFixture.now, rules: WorkflowFixture.rules)
        let final = try WorkflowFixture.apply(.close, to: reviewed, by: .supervisor)

        // then
        #expect(polite.ticket.status == .closed)
        #expect(polite.ticket.closedAt == WorkflowFixture.now)
        #expect(polite.ticket.closeReason == "非支持范围")
        #expect(final.ticket.closedAt == WorkflowFixture.now)
    }

    @Test("R5.2 resolve needs a solution", arguments: [String?.none, "", "  \n "])
    func resolveNeedsSolution(solution: String?) {
        let ticket = WorkflowFixture.ticket(status: .inProgress)
        #expect(throws: WorkflowError.fieldRequired("solution")) {
            try Workflow.apply(
                TransitionRequest(action: .resolve, solution: solution), to: ticket,
                by: WorkflowActorKind.handler.actor, at: WorkflowFixture.now, rules: WorkflowFixture.rules)
        }
    }

    @Test("R5.2 resolve keeps the trimmed solution and root cause; the event carries the solution")
    func resolveKeepsSolution() throws {
        let ticket = WorkflowFixture.ticket(status: .inProgress)
        let change = try Workflow.apply(
            TransitionRequest(action: .resolve, solution: "  重装驱动 ", rootCause: " 驱动损坏\n"), to: ticket,
            by: WorkflowActorKind.handler.actor, at: WorkflowFixture.now, rules: WorkflowFixture.rules)
        #expect(change.ticket.solution == "重装驱动")
        #expect(change.ticket.rootCause == "驱动损坏")
        #expect(change.events[0].body == "重装驱动")
    }
}

// MARK: - Escalation, rating, reopening

@Suite("Workflow escalation, rating and reopening")
struct WorkflowTierRatingReopenTests {
    let now = WorkflowFixture.now

    @Test("R4.2 escalate L1 → L2 → L3, then the tier ceiling")
    func escalateToCeiling() throws {
        // given
        var ticket = WorkflowFixture.ticket(status: .inProgress, tier: .l1)

        // when
        let toL2 = try WorkflowFixture.apply(.escalate, to: ticket, by: .handler)
        ticket = toL2.ticket
        let toL3 = try WorkflowFixture.apply(.escalate, to: ticket, by: .problemManager)
        ticket = toL3.ticket

        // then
        #expect(toL2.ticket.tier == .l2)
        #expect(toL2.events[0].data["tier"] == "L2")
        #expect(toL3.ticket.tier == .l3)
        #expect(toL3.events[0].data["tier"] == "L3")
        #expect(throws: WorkflowError.tierCeiling) {
            try WorkflowFixture.apply(.escalate, to: ticket, by: .supervisor)
        }
    }

    @Test("Escalating to a named engineer and group assigns the ticket to them")
    func escalateToNamedEngineer() throws {
        let ticket = WorkflowFixture.ticket(status: .blocked, tier: .l1)
        let change = try Workflow.apply(
            TransitionRequest(action: .escalate, reason: "需要二线排查", assigneeId: 202, groupId: 20), to: ticket,
            by: WorkflowActorKind.handler.actor, at: now, rules: WorkflowFixture.rules)
        #expect(change.ticket.tier == .l2)
        #expect(change.ticket.status == .assigned)
        #expect(change.ticket.assigneeId == 202)
        #expect(change.ticket.groupId == 20)
        #expect(change.events[0].data == ["tier": "L2", "assignee_id": "202"])
    }

    @Test("R5.3 a score of 1–5 is accepted, anything else is invalid", arguments: [-1, 0, 1, 2, 3, 4, 5, 6, 10])
    func rateScore(score: Int) throws {
        let ticket = WorkflowFixture.ticket(status: .confirmed)
        let request = TransitionRequest(
            action: .rate, satisfaction: Satisfaction(level: .neutral, score: score, comment: "还行"))
        if (1...5).contains(score) {
            let change = try Workflow.apply(
                request, to: ticket, by: WorkflowActorKind.owner.actor, at: now, rules: WorkflowFixture.rules)
            #expect(change.ticket.satisfaction?.score == score)
            #expect(change.events[0].data == ["level": "neutral", "score": String(score)])
            #expect(change.events[0].body == "还行")
        } else {
            #expect(throws: WorkflowError.invalidValue(field: "satisfaction.score")) {
                try Workflow.apply(
                    request, to: ticket, by: WorkflowActorKind.owner.actor, at: now, rules: WorkflowFixture.rules)
            }
        }
    }

    @Test("R5.3 rating needs a satisfaction")
    func rateNeedsSatisfaction() {
        let ticket = WorkflowFixture.ticket(status: .resolved)
        #expect(throws: WorkflowError.fieldRequired("satisfaction")) {
            try Workflow.apply(
                TransitionRequest(action: .rate), to: ticket, by: WorkflowActorKind.owner.actor, at: now,
                rules: WorkflowFixture.rules)
        }
    }

    @Test("R5.3 a ticket is rated once only", arguments: [TicketStatus.resolved, .confirmed, .reviewed])
    func rateOnce(status: TicketStatus) throws {
        // given
        let ticket = WorkflowFixture.ticket(status: status)

        // when
        let rated = try WorkflowFixture.apply(.rate, to: ticket, by: .owner)

        // then
        #expect(rated.ticket.status == status)
        #expect(rated.ticket.satisfaction == Satisfaction(level: .satisfied, score: 5, comment: "很快"))
        #expect(throws: WorkflowError.alreadyRated) {
            try WorkflowFixture.apply(.rate, to: rated.ticket, by: .owner)
        }
    }

    @Test("R5.3 R4.9 a closed ticket takes no rating: only a reopen changes it", arguments: WorkflowActorKind.allCases)
    func noRatingOnceClosed(kind: WorkflowActorKind) {
        let ticket = WorkflowFixture.ticket(status: .closed)
        #expect(throws: WorkflowError.self) { try WorkflowFixture.apply(.rate, to: ticket, by: kind) }
        #expect(
            !Workflow.availableActions(
                for: ticket, by: kind.actor, at: WorkflowFixture.now, rules: WorkflowFixture.rules
            )
            .contains(.rate))
    }

    static let day: TimeInterval = 86_400
    static let week: TimeInterval = 7 * day

    /// (closed seconds before now, reopen window, may reopen)
    static let reopenCases: [(TimeInterval, TimeInterval, Bool)] = [
        (3600, week, true), (week, week, true), (week + 1, week, false), (30 * day, week, false),
        (day / 2, day, true), (2 * day, day, false),
    ]

    @Test("R4.9 reopen from closed within the window, refused after it", arguments: reopenCases)
    func reopenWindow(closedAgo: TimeInterval, window: TimeInterval, allowed: Bool) throws {
        // given
        let ticket = WorkflowFixture.ticket(status: .closed, closedAgo: closedAgo)
        let rules = TicketRules(policy: .default, calendar: .standard, reopenWindow: window)
        let request = TransitionRequest(action: .reopen, reason: "问题复现")
        let owner = WorkflowActorKind.owner.actor

        // when / then
        #expect(Workflow.availableActions(for: ticket, by: owner, at: now, rules: rules).contains(.reopen) == allowed)
        if allowed {
            let change = try Workflow.apply(request, to: ticket, by: owner, at: now, rules: rules)
            #expect(change.ticket.status == .inProgress)
            #expect(change.ticket.closedAt == nil)
            #expect(change.ticket.closeReason == nil)
        } else {
            #expect(throws: WorkflowError.reopenWindowExpired) {
                try Workflow.apply(request, to: ticket, by: owner, at: now, rules: rules)
            }
        }
    }

    @Test("R4.9 reopen from resolved is not limited by the window")
    func reopenResolvedAnyTime() throws {
        let ticket = WorkflowFixture.ticket(status: .resolved)
        let rules = TicketRules(policy: .default, calendar: .standard, reopenWindow: 60)
        let later = now.addingTimeInterval(90 * 86_400)
        let change = try Workflow.apply(
            TransitionRequest(action: .reopen, reason: "又坏了"), to: ticket, by: WorkflowActorKind.owner.actor,
            at: later, rules: rules)
        #expect(change.ticket.status == .inProgress)
    }
}

// MARK: - SLA effects

@Suite("Workflow effects on the SLA clock")
struct WorkflowSLATests {
    let now = WorkflowFixture.now

    @Test(
        "Accept, start and resolve count as the first response",
        arguments: [(WorkflowAction.accept, TicketStatus.assigned), (.start, .new), (.resolve, .inProgress)])
    func firstResponse(action: WorkflowAction, from: TicketStatus) throws {
        let ticket = WorkflowFixture.ticket(status: from)
        #expect(ticket.sla.respondedAt == nil)
        let change = try WorkflowFixture.apply(action, to: ticket, by: .handler)
        #expect(change.ticket.sla.respondedAt == now)
        #expect(WorkflowFixture.sla(change.ticket, at: now).respondedAt == now)
    }

    @Test(
        "Other moves are not a response",
        arguments: [
            (WorkflowAction.assign, TicketStatus.new), (.bounce, .assigned), (.wait, .inProgress),
            (.block, .inProgress),
            (.escalate, .inProgress),
        ])
    func notAResponse(action: WorkflowAction, from: TicketStatus) throws {
        let ticket = WorkflowFixture.ticket(status: from)
        let change = try WorkflowFixture.apply(action, to: ticket, by: .handler)
        #expect(change.ticket.sla.respondedAt == nil)
    }

    @Test("The first response is kept when the ticket is resolved later")
    func firstResponseKept() throws {
        // given
        let accepted = try WorkflowFixture.apply(.accept, to: WorkflowFixture.ticket(status: .assigned), by: .handler)
        let later = now.addingTimeInterval(3600)

        // when
        let resolved = try WorkflowFixture.apply(.resolve, to: accepted.ticket, by: .handler, at: later)

        // then
        #expect(resolved.ticket.sla.respondedAt == now)
        #expect(resolved.ticket.sla.resolvedAt == later)
    }

    @Test(
        "R3.3 wait and block pause the resolution clock; resume restarts it",
        arguments: [(WorkflowAction.wait, TicketStatus.waitingOnRequester), (.block, .blocked)])
    func pauseAndResume(pause: WorkflowAction, pausedStatus: TicketStatus) throws {
        // given
        let running = WorkflowFixture.ticket(status: .inProgress)
        let resumeAt = now.addingTimeInterval(3600)

        // when
        let paused = try WorkflowFixture.apply(pause, to: running, by: .handler)
        let resumed = try WorkflowFixture.apply(.resume, to: paused.ticket, by: .handler, at: resumeAt)

        // then
        #expect(paused.ticket.status == pausedStatus)
        let whilePaused = WorkflowFixture.sla(paused.ticket, at: now.addingTimeInterval(1800))
        #expect(whilePaused.paused)
        #expect(whilePaused.pausedSince == now)
        let afterResume = WorkflowFixture.sla(resumed.ticket, at: resumeAt)
        #expect(resumed.ticket.status == .inProgress)
        #expect(!afterResume.paused)
        #expect(afterResume.pausedSince == nil)
        #expect(afterResume.pausedMinutes == 60)
    }

    @Test("Blocking a ticket that waits on the requester keeps the clock paused")
    func blockWhileWaiting() throws {
        let waiting = try WorkflowFixture.apply(.wait, to: WorkflowFixture.ticket(status: .inProgress), by: .handler)
        let blocked = try WorkflowFixture.apply(
            .block, to: waiting.ticket, by: .handler, at: now.addingTimeInterval(600))
        let state = WorkflowFixture.sla(blocked.ticket, at: now.addingTimeInterval(1200))
        #expect(state.paused)
        #expect(state.pausedSince == now)
    }
}

// MARK: - Whole flow and available actions

@Suite("Workflow end to end")
struct WorkflowHappyPathTests {
    @Test(
        "R4.9 R5.2 R5.3 R5.5 new → assigned → in progress ⇄ waiting → resolved → rejected → resolved → confirmed → rated → reviewed → closed"
    )
    func happyPath() throws {
        // given
        let start = WorkflowFixture.opened
        func minutes(_ m: Double) -> Date { start.addingTimeInterval(m * 60) }
        let rules = WorkflowFixture.rules
        let (owner, handler, pm, supervisor) = (
            WorkflowActorKind.owner.actor, WorkflowActorKind.handler.actor, WorkflowActorKind.problemManager.actor,
            WorkflowActorKind.supervisor.actor
        )
        var ticket = WorkflowFixture.ticket(status: .new, assignee: nil)
        var events: [TicketEvent] = []
        func step(_ request: TransitionRequest, _ actor: Principal, _ time: Date) throws -> TicketStatus {
            let change = try Workflow.apply(request, to: ticket, by: actor, at: time, rules: rules)
            ticket = change.ticket
            events += change.events
            return ticket.status
        }

        // when / then
        #expect(try step(TransitionRequest(action: .assign, assigneeId: handler.id), pm, minutes(5)) == .assigned)
        #expect(try step(TransitionRequest(action: .accept), handler, minutes(10)) == .inProgress)
        #expect(ticket.sla.respondedAt == minutes(10))
        #expect(try step(TransitionRequest(action: .wait), handler, minutes(20)) == .waitingOnRequester)
        #expect(WorkflowFixture.sla(ticket, at: minutes(30)).paused)
        #expect(try step(TransitionRequest(action: .resume), owner, minutes(50)) == .inProgress)
        #expect(WorkflowFixture.sla(ticket, at: minutes(50)).pausedMinutes == 30)
        #expect(try step(TransitionRequest(action: .resolve, solution: "更换硒鼓"), handler, minutes(60)) == .resolved)
        #expect(try step(TransitionRequest(action: .reject, reason: "还是卡纸"), owner, minutes(70)) == .inProgress)
        #expect(ticket.sla.resolvedAt == nil)
        #expect(try step(TransitionRequest(action: .resolve, solution: "更换进纸轮"), handler, minutes(90)) == .resolved)
        #expect(try step(TransitionRequest(action: .confirm), owner, minutes(95)) == .confirmed)
        let rating = Satisfaction(level: .satisfied, score: 5, comment: "谢谢")
        #expect(try step(TransitionRequest(action: .rate, satisfaction: rating), owner, minutes(96)) == .confirmed)
        #expect(try step(TransitionRequest(action: .review), supervisor, minutes(100)) == .reviewed)
        #expect(try step(TransitionRequest(action: .close), supervisor, minutes(105)) == .closed)

        // then
        #expect(
            events.map(\.action) == [
                .assign, .accept, .wait, .resume, .resolve, .reject, .resolve, .confirm, .rate, .review, .close,
            ])
        #expect(
            events.map(\.toStatus) == [
                .assigned, .inProgress, .waitingOnRequester, .inProgress, .resolved, .inProgress, .resolved, .confirmed,
                .confirmed, .reviewed, .closed,
            ])
        #expect(
            events.map(\.actorId) == [
                pm.id, handler.id, handler.id, owner.id, handler.id, owner.id, handler.id,
                owner.id, owner.id, supervisor.id, supervisor.id,
            ])
        #expect(zip(events.dropFirst(), events).allSatisfy { $0.fromStatus == $1.toStatus })
        #expect(ticket.version == 12)
        #expect(ticket.solution == "更换进纸轮")
        #expect(ticket.satisfaction == rating)
        #expect(ticket.closedAt == minutes(105))
        #expect(ticket.sla.respondedAt == minutes(10))
        #expect(ticket.sla.resolvedAt == minutes(90))
        #expect(events.first { $0.action == .reject }?.reason == "还是卡纸")
    }
}

struct WorkflowAvailabilityCase: Sendable, CustomTestStringConvertible {
    var name: String
    var ticket: Ticket
    var testDescription: String { name }
}

@Suite("Workflow available actions")
struct WorkflowAvailabilityTests {
    static let cases: [WorkflowAvailabilityCase] = {
        var cases: [WorkflowAvailabilityCase] = []
        for status in TicketStatus.allCases {
            cases.append(.init(name: "\(status.rawValue), handled", ticket: WorkflowFixture.ticket(status: status)))
            cases.append(
                .init(
                    name: "\(status.rawValue), unassigned",
                    ticket: WorkflowFixture.ticket(status: status, assignee: nil)))
        }
        let rating = Satisfaction(level: .dissatisfied, score: 2)
        for status in [TicketStatus.resolved, .confirmed, .reviewed, .closed] {
            cases.append(
                .init(
                    name: "\(status.rawValue), rated",
                    ticket: WorkflowFixture.ticket(status: status, satisfaction: rating)))
        }
        cases.append(
            .init(name: "closed 8 days ago", ticket: WorkflowFixture.ticket(status: .closed, closedAgo: 8 * 86_400)))
        cases.append(.init(name: "in progress at L2", ticket: WorkflowFixture.ticket(status: .inProgress, tier: .l2)))
        return cases
    }()

    @Test("availableActions lists exactly the actions apply accepts, for every actor", arguments: cases)
    func agreesWithApply(_ c: WorkflowAvailabilityCase) {
        for kind in WorkflowActorKind.allCases {
            // given
            let offered = Workflow.availableActions(
                for: c.ticket, by: kind.actor, at: WorkflowFixture.now, rules: WorkflowFixture.rules)
            for action in WorkflowAction.allCases {
                // when
                var outcome: WorkflowError? = nil
                do { _ = try WorkflowFixture.apply(action, to: c.ticket, by: kind) } catch { outcome = error }

                // then
                if offered.contains(action) {
                    #expect(
                        outcome == nil, "\(kind) was offered \(action) but apply threw \(String(describing: outcome))")
                } else {
                    #expect(outcome != nil, "\(kind) was not offered \(action) but apply accepted it")
                }
            }
        }
    }

    @Test(
        "availableActions offers nothing to people who cannot see the ticket",
        arguments: TicketStatus.allCases, [WorkflowActorKind.otherRequester, .outsideAgent])
    func nothingForOutsiders(status: TicketStatus, kind: WorkflowActorKind) {
        let ticket = WorkflowFixture.ticket(status: status)
        #expect(
            Workflow.availableActions(
                for: ticket, by: kind.actor, at: WorkflowFixture.now, rules: WorkflowFixture.rules
            ).isEmpty)
    }

    @Test(
        "A supervisor is offered the review and close steps",
        arguments: [
            (TicketStatus.resolved, [WorkflowAction.confirm, .reject, .rate, .review, .reopen]),
            (.reviewed, [.rate, .close, .reopen]),
            (.closed, [.reopen]),
        ])
    func supervisorOffers(status: TicketStatus, expected: [WorkflowAction]) {
        let ticket = WorkflowFixture.ticket(status: status)
        let offered = Workflow.availableActions(
            for: ticket, by: WorkflowActorKind.supervisor.actor, at: WorkflowFixture.now, rules: WorkflowFixture.rules)
        #expect(offered == expected)
    }

    @Test(
        "availableActions does not offer escalate at the L3 ceiling",
        arguments: [TicketStatus.new, .assigned, .inProgress, .waitingOnRequester, .blocked])
    func noEscalateAtCeiling(status: TicketStatus) {
        let ticket = WorkflowFixture.ticket(status: status, tier: .l3)
        let offered = Workflow.availableActions(
            for: ticket, by: WorkflowActorKind.supervisor.actor, at: WorkflowFixture.now, rules: WorkflowFixture.rules)
        #expect(!offered.contains(.escalate))
        #expect(throws: WorkflowError.tierCeiling) { try WorkflowFixture.apply(.escalate, to: ticket, by: .supervisor) }
    }
}
