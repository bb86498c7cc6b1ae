import Foundation
import HelpdeskCore

extension TicketViews {
    /// The verification as staff see it; nil for requesters and for tickets never verified.
    func verification(of ticket: Ticket, for user: User, actions: [WorkflowAction], calendar: BusinessCalendar)
        -> VerificationSection?
    {
        guard user.role.isStaff, let verification = ticket.verification else { return nil }
        return VerificationSection(
            waiting: ticket.status == .verifying, resolver: userName(verification.resolverId),
            requestedAt: time(verification.requestedAt, calendar), canVerify: actions.contains(.verify),
            verifiedBy: verification.verifierName, verifiedAt: verification.verifiedAt.map { time($0, calendar) })
    }
}
