import Foundation

/// A major incident's retrospective (R7.4): what happened when, how long it took against its
/// targets, whom it touched, why it happened and what is done so that it does not happen again.
/// Read from the incident, its history and its linked tickets, as the review is (R5.5), so its
/// figures are the ticket page's.
public struct IncidentRetrospective: Codable, Sendable {
    /// One moment of the incident's course, oldest first.
    public struct Moment: Codable, Equatable, Sendable {
        public enum Kind: String, Codable, Sendable {
            case submitted, declared, escalated, workaround, broadcast, resolved, reopened, closed
        }
        public var at: Date
        public var kind: Kind
        /// Who did it (empty for the submission of a ticket without its creation event).
        public var actor: String
        /// The update sent, the workaround, the solution, the tier escalated to.
        public var text: String?
    }

    /// A ticket linked to the incident as a duplicate.
    public struct Linked: Codable, Equatable, Sendable {
        public var number: String
        public var title: String
        public var status: TicketStatus
        public var requesterUserId: Int64?

        public init(number: String, title: String, status: TicketStatus, requesterUserId: Int64?) {
            self.number = number
            self.title = title
            self.status = status
            self.requesterUserId = requesterUserId
        }
    }

    public var number: String
    public var title: String
    public var description: String
    public var priority: Priority
    public var status: TicketStatus
    public var affectedSystem: String?
    public var submittedAt: Date
    public var declaredAt: Date?
    public var resolvedAt: Date?
    public var closedAt: Date?
    /// Wall-clock minutes from submission to the (last) resolution, or to now while open.
    public var elapsedMinutes: Int
    /// The response and resolution against their targets, once there is a solution to review.
    public var review: TicketReview?
    public var rootCause: String?
    public var workaround: String?
    public var solution: String?
    public var preventiveActions: String?
    public var linked: [Linked]
    /// Distinct requesters of the incident and its linked tickets.
    public var affectedRequesters: Int
    public var broadcasts: Int
    public var timeline: [Moment]

    /// Who may read and write a retrospective: those who run the desk (supervisors, problem
    /// managers, admins).
    public static func mayRead(_ actor: Principal) -> Bool { actor.role.seesAllTickets }

    /// Throws `notMajorIncident` for a ticket that was never declared one.
    public init(ticket: Ticket, events: [TicketEvent], linked: [Linked], rules: TicketRules, now: Date)
        throws(WorkflowError)
    {
        guard ticket.majorIncident == true else { throw .notMajorIncident }
        number = ticket.number
        title = ticket.title
        description = ticket.description
        priority = ticket.priority
        status = ticket.status
        affectedSystem = ticket.affectedSystem
        submittedAt = ticket.submittedAt
        rootCause = ticket.rootCause
        workaround = ticket.workaround
        solution = ticket.solution
        preventiveActions = ticket.preventiveActions
        closedAt = ticket.closedAt
        self.linked = linked
        var requesters = Set(linked.compactMap(\.requesterUserId))
        if let id = ticket.requester.userId { requesters.insert(id) }
        affectedRequesters = requesters.count
        review = try? TicketReview(ticket: ticket, events: events, rules: rules, now: now)
        var timeline = [Moment(at: ticket.submittedAt, kind: .submitted, actor: "", text: nil)]
        var declaredAt: Date?
        var resolvedAt: Date?
        for event in events.sorted(by: { $0.at != $1.at ? $0.at < $1.at : $0.id < $1.id }) {
            let moment: (Moment.Kind, String?)?
            switch event.kind {
            case .created:
                // Who recorded the request: the requester, or the L1 who took the call.
                timeline[0].actor = event.actorName
                moment = nil
            case .majorIncident where event.data["declared"] == "true":
                declaredAt = declaredAt ?? event.at
                moment = (.declared, nil)
            case .majorIncident where MajorIncidents.isStatusUpdate(event):
                moment = (.broadcast, event.body)
            case .workaround:
                moment = (.workaround, event.body)
            case .transition:
                switch event.toStatus {
                case .resolved?:
                    resolvedAt = event.at
                    moment = (.resolved, event.body)
                case .closed?: moment = (.closed, nil)
                default:
                    if event.action == .escalate {
                        moment = (.escalated, event.data["tier"])
                    } else if event.action == .reopen || event.action == .reject {
                        moment = (.reopened, event.reason)
                    } else {
                        moment = nil
                    }
                }
            default:
                moment = nil
            }
            if let (kind, text) = moment {
                timeline.append(Moment(at: event.at, kind: kind, actor: event.actorName, text: text))
            }
        }
        self.timeline = timeline
        self.declaredAt = declaredAt
        self.resolvedAt = ticket.status.isOpen ? nil : resolvedAt
        broadcasts = timeline.filter { $0.kind == .broadcast }.count
        let end = self.resolvedAt ?? (ticket.status.isOpen ? now : ticket.closedAt ?? now)
        elapsedMinutes = max(0, Int(end.timeIntervalSince(ticket.submittedAt) / 60))
    }
}

extension MajorIncidents {
    /// Whether a major-incident event is a status update (a broadcast): it has a text and is
    /// not a retrospective's conclusions, which are recorded as major-incident events too.
    public static func isStatusUpdate(_ event: TicketEvent) -> Bool {
        event.kind == .majorIncident && event.body != nil && event.data["retrospective"] == nil
    }

    /// The retrospective's conclusions (R7.4): the root cause and the preventive actions, by a
    /// supervisor, problem manager or admin; either may be left as it was (nil), not emptied.
    public static func recordRetrospective(
        rootCause: String?, preventiveActions: String?, on major: Ticket, by actor: Principal, at now: Date
    ) throws(WorkflowError) -> TicketChange {
        guard IncidentRetrospective.mayRead(actor) else { throw .forbidden(action: "retrospective") }
        guard major.majorIncident == true else { throw .notMajorIncident }
        let cause = rootCause.flatMap(Workflow.trimmed)
        let actions = preventiveActions.flatMap(Workflow.trimmed)
        guard cause != nil || actions != nil else { throw .fieldRequired("preventiveActions") }
        for (field, text) in [("rootCause", cause), ("preventiveActions", actions)] {
            if let text, text.count > TicketOperations.maxTextLength { throw .invalidValue(field: field) }
        }
        var next = major
        if let cause { next.rootCause = cause }
        if let actions { next.preventiveActions = actions }
        var data = ["retrospective": "true"]
        if let cause { data["root_cause"] = cause }
        let event = TicketEvent(
            kind: .majorIncident, actor: actor, at: now, body: actions, visibility: .internal, data: data)
        return TicketOperations.finish(next, now, event)
    }
}
