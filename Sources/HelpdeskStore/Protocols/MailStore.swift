import Foundation
import HelpdeskCore

/// Channels and the mail seen on them (issue #11, M017–M018). Part of ``HelpdeskStore``.
public protocol MailStore: Sendable {
    func createChannel(kind: IntakeChannel.Kind, name: String, settings: String, tokenDigest: String?, now: Date)
        async throws -> IntakeChannel
    func channels() async throws -> [IntakeChannel]
    func channel(id: Int64) async throws -> IntakeChannel?
    /// The active channel whose mailgate token has this SHA-256.
    func channel(tokenDigest: String) async throws -> IntakeChannel?
    /// `StoreError.notFound` when there is no such channel.
    func updateChannel(id: Int64, name: String, settings: String, active: Bool, now: Date) async throws -> IntakeChannel
    /// Deletes the channel; its messages stay, without a channel.
    func deleteChannel(id: Int64) async throws

    /// Stores the raw bytes (content-addressed by `sha256`) and a `received` message row in one
    /// transaction, before any parsing. The same Message-ID and digest a second time is a
    /// duplicate: the first row is returned and nothing is written.
    func storeRawMail(channelId: Int64?, raw: [UInt8], sha256: String, messageId: String?, now: Date)
        async throws -> RawMailReceipt
    /// The raw bytes of a message row.
    func rawMail(messageId: Int64) async throws -> [UInt8]?
    func mailMessage(id: Int64) async throws -> MailMessage?
    /// Incoming messages still `received`, oldest first; with `receivedBefore`, only those
    /// stored before it (the background pass leaves the ones just arriving to their taker).
    func pendingMail(limit: Int, receivedBefore: Date?) async throws -> [MailMessage]
    func markMailProcessed(id: Int64, ticketId: Int64, fields: MailMessageFields, now: Date) async throws
    func quarantineMail(id: Int64, error: String, now: Date) async throws
    /// Puts a quarantined message back as `received` (an admin's reprocess); false when it was not quarantined.
    func requeueMail(id: Int64) async throws -> Bool
    func quarantinedMail(limit: Int) async throws -> [MailMessage]
    /// The ticket a message with one of these Message-IDs belongs to (incoming or sent), newest first.
    func ticketNumber(forMessageIds ids: [String]) async throws -> String?
    /// Records a message sent on a channel for a ticket.
    func recordOutgoingMail(
        channelId: Int64?, ticketId: Int64, raw: [UInt8], sha256: String, messageId: String, fields: MailMessageFields,
        now: Date
    ) async throws -> Int64
    /// The active user with this e-mail address (case-insensitive), the oldest account first.
    func user(email: String) async throws -> User?
    /// Messages of a ticket, in and out, oldest first.
    func mailMessages(ticketId: Int64) async throws -> [MailMessage]

    /// Claims an active channel's poll: true, and the next one moved to `next`, when it was due
    /// at `now`; false when another instance has it or it is not due.
    func claimChannelPoll(id: Int64, now: Date, next: Date) async throws -> Bool
    /// A poll's outcome as the channel's health: a success, or the error.
    func recordChannelPoll(id: Int64, error: String?, now: Date) async throws
    /// Automatic mails sent to `address` since `since` (the daily cap).
    func automaticMailCount(to address: String, since: Date) async throws -> Int
    /// No more mail to `address`: a delivery report said it is gone for good.
    func suppressMail(to address: String, reason: String, ticketId: Int64?, now: Date) async throws
    /// Why mail to `address` is stopped, if it is.
    func mailSuppression(for address: String) async throws -> String?
    /// Lets mail go to `address` again; false when it was not stopped.
    func liftMailSuppression(for address: String) async throws -> Bool
}

extension MailStore {
    public func pendingMail(limit: Int) async throws -> [MailMessage] {
        try await pendingMail(limit: limit, receivedBefore: nil)
    }
}
