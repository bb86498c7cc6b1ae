import Foundation
import HelpdeskCore
import HelpdeskStore

extension TicketService {
    /// A message that continues a ticket on a channel (a mail reply, an IM message in its
    /// conversation), written as its sender. From the requester of a resolved ticket, when its own
    /// words say the problem is not solved, it is the requester's "not solved" (R5.2: the ticket
    /// reopens, the text as the reason); anything else is a public work-log entry, and a resolved
    /// ticket still waits for its confirmation.
    public func channelReply(to number: String, text: String, by sender: User) async throws -> Ticket {
        if let ticket = try await store.ticket(number: number), ticket.status == .resolved,
            ticket.requester.userId == sender.id, RequesterReply.saysNotSolved(text)
        {
            do {
                return try await transition(
                    TicketRef(number: number), TransitionCommand(action: .reject, reason: text), by: sender
                ).ticket
            } catch is WorkflowError {
                // The reopen window has passed, say: the words are still kept, as a message.
            }
        }
        let (view, _) = try await addWorklog(
            TicketRef(number: number), WorklogCommand(body: text, visibility: .public), by: sender)
        return view.ticket
    }
}
