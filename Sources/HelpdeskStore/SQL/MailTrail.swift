import Foundation
import HelpdeskCore
import Synchronization

/// Marks an incoming message processed in the transaction of the ticket change it caused
/// (issue #11: zero loss, no duplicates). Intake runs the ticket's use case inside
/// ``processing(messageId:fields:notices:_:)``; the first write transaction that stores a ticket
/// change in that scope also sets the message `processed`, only if it is still `received`, and
/// writes `notices` (the acknowledgement) with it. When another instance, or an earlier try that
/// committed, processed the message already, the transaction rolls back with
/// ``MailAlreadyProcessed``: a message makes one ticket or one reply, however often it is tried.
/// An IM message's `conversation` (where the ticket's answers go) is saved in that transaction too.
public enum MailTrail {
    @TaskLocal static var pending: PendingMailMark?

    public static func processing<T: Sendable>(
        messageId: Int64, fields: MailMessageFields, now: Date,
        notices: @escaping @Sendable (Ticket) -> [Notice] = { _ in [] }, conversation: IMConversation? = nil,
        _ body: () async throws -> T
    ) async throws -> T {
        let mark = PendingMailMark(
            id: messageId, fields: fields, now: now, notices: notices, conversation: conversation)
        return try await $pending.withValue(mark) {
            try await body()
        }
    }
}

/// The message was processed by someone else first; nothing of this try was written.
public struct MailAlreadyProcessed: Error, Equatable {}

final class PendingMailMark: Sendable {
    let id: Int64
    let fields: MailMessageFields
    let now: Date
    let notices: @Sendable (Ticket) -> [Notice]
    let conversation: IMConversation?
    private let owner = Mutex<WriteAttempt?>(nil)

    init(
        id: Int64, fields: MailMessageFields, now: Date, notices: @escaping @Sendable (Ticket) -> [Notice],
        conversation: IMConversation?
    ) {
        self.id = id
        self.fields = fields
        self.now = now
        self.notices = notices
        self.conversation = conversation
    }

    /// True for the first ticket write of the scope, each time its transaction runs (a
    /// rolled-back run does not use the mark up); false for any later write.
    func take(by write: WriteAttempt) -> Bool {
        WriteAttempt.claim(owner, for: write)
    }
}
