import Foundation

/// Registration (R1.7): recorded within minutes of receipt, the information checked within one
/// working hour.
///
/// A request taken by phone or e-mail was *received* before the L1 *recorded* it; the L1 enters
/// when it came in (`receivedAt`, default now), and the SLA clock starts then: the requester has
/// been waiting since they called or wrote, and the desk's own registration time must not be
/// taken off their wait. So the entered time is bounded: never in the future, never more than
/// ``maxReceivedAge`` back (a typo of a month or a year would open the ticket already breached
/// and is refused instead).
///
/// "Checked" is an explicit step: a staff member confirms the key fields are there (description,
/// impact and urgency, the type's details) with ``checkInformation(on:by:at:)``, or asks the
/// requester for what is missing (``InfoRequests``), which is the check finding gaps. Taking or
/// accepting the ticket does not count: it says who works on it, not that the record is complete.
/// Until then the engine's `intake_check` timer reminds L1 one working hour after recording.
public enum Registration {
    /// The channels whose requests are received before they are recorded (an IM message is
    /// recorded when intake gets to it, which after a restart may be a while after it was sent).
    public static let receivedChannels: Set<Channel> = [.phone, .email, .im]
    /// How far back a received time may be entered.
    public static let maxReceivedAge: TimeInterval = 30 * 86_400
    /// The information is checked within this many working hours of recording (R1.7).
    public static let checkWorkingHours = 1

    /// When the request was received: the time the L1 or intake entered (phone, e-mail, IM), else now.
    public static func receivedAt(_ entered: Date?, channel: Channel, now: Date) throws(WorkflowError) -> Date {
        guard let entered else { return now }
        guard receivedChannels.contains(channel), entered <= now, entered >= now.addingTimeInterval(-maxReceivedAge)
        else { throw .invalidValue(field: "receivedAt") }
        return entered
    }

    /// When the information check is due: one working hour on the ticket's calendar after it was
    /// recorded; nil once checked, and for tickets recorded before registration times existed.
    public static func informationCheckDue(for ticket: Ticket, calendar: BusinessCalendar) -> Date? {
        guard ticket.status.isOpen, ticket.receivedAt != nil, ticket.informationCheckedAt == nil else { return nil }
        return calendar.adding(businessSeconds: TimeInterval(checkWorkingHours * 3600), to: ticket.submittedAt)
    }

    /// Whether `actor` may confirm the information now; the page's form follows this.
    public static func mayCheckInformation(_ ticket: Ticket, by actor: Principal) -> Bool {
        (try? refuseCheck(ticket, by: actor)) != nil
    }

    static func refuseCheck(_ ticket: Ticket, by actor: Principal) throws(WorkflowError) {
        guard actor.role.isStaff, Access.canView(ticket, by: actor) else {
            throw .forbidden(action: "information_check")
        }
        try TicketOperations.refuseIfClosed(ticket)
        guard ticket.informationCheckedAt == nil else { throw .alreadyChecked }
    }

    /// Staff who see the ticket confirm its information is complete; the reminder is cancelled.
    public static func checkInformation(on ticket: Ticket, by actor: Principal, at now: Date) throws(WorkflowError)
        -> TicketChange
    {
        try refuseCheck(ticket, by: actor)
        var next = ticket
        next.informationCheckedAt = now
        let event = TicketEvent(kind: .informationChecked, actor: actor, at: now, visibility: .internal)
        return TicketOperations.finish(next, now, event)
    }
}
