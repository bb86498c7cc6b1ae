import Foundation
import HelpdeskCore

/// IM intake's records (issue #11, M023). Part of ``HelpdeskStore``. An IM message itself is a
/// row of `mail_messages` (``MailStore``): stored before it is answered, processed in the
/// transaction of its ticket change (``MailTrail``, which also writes the conversation).
public protocol IMStore: Sendable {
    /// Stores a verified callback's message as `received`, unless one with the same key (the
    /// platform's message or event id on this channel) was stored: then that row, a duplicate.
    /// Safe against the same delivery arriving at two instances at once. A `nonce` (a signature
    /// that does not cover the body) is taken until `nonceExpiry`; a new message with a nonce
    /// already taken is `StoreError.duplicate("im_nonce")` and nothing is written.
    func storeIMMessage(
        channelId: Int64, raw: [UInt8], sha256: String, key: String, nonce: String?, nonceExpiry: Date, now: Date
    ) async throws -> RawMailReceipt
    /// The ticket's conversation, if it came by IM.
    func imConversation(ticketId: Int64) async throws -> IMConversation?
    /// The newest ticket of this requester in this conversation that is still open or resolved
    /// (waiting for the requester's confirmation): a new message there continues it.
    func openIMTicket(channelId: Int64, conversationId: String, requesterId: Int64) async throws -> String?
    /// The user a sender's id on a channel stands for.
    func imIdentity(channelId: Int64, externalId: String) async throws -> Int64?
    /// Links a sender's id to a user (the first link stays when two are made at once).
    func linkIMIdentity(channelId: Int64, externalId: String, userId: Int64, now: Date) async throws
    /// An admin's link: the sender's id stands for this user from now on, replacing any link.
    func setIMIdentity(channelId: Int64, externalId: String, userId: Int64, now: Date) async throws
    /// Removes a link; false when there was none. The sender's next message makes a new one.
    func unlinkIMIdentity(channelId: Int64, externalId: String) async throws -> Bool
    /// A channel's links, newest first.
    func imIdentities(channelId: Int64) async throws -> [IMIdentity]
}
