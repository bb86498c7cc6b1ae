import Foundation
import HelpdeskCore
import HelpdeskStore

/// A ticket just taken in: what to show the submitter, and what the desk tells them (R1.5).
public struct CreatedTicket: Sendable {
    public var view: TicketView
    public var warnings: [IntakeWarning]
    public var acknowledgement: Acknowledgement
    /// The SLA state at intake, which the acknowledgement was made from.
    public var state: SLAState
}
