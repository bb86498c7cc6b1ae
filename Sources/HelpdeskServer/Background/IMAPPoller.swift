import Foundation
import HelpdeskStore
import HelpdeskUseCases
import Logging
import ServiceLifecycle

/// Reads the IMAP channels' mailboxes (issue #11). Each tick claims the channels due, and for
/// each: connect (IMAPS or STARTTLS), fetch the unseen messages in batches with BODY.PEEK,
/// store each raw message (committed), and only then mark the batch read or move it; then
/// make tickets of them. A crash after the commit and before the mark fetches the batch again
/// next time, and the duplicates are recognised: nothing is lost, nothing is taken twice. A
/// message that cannot be parsed is quarantined and never blocks the ones behind it. The tick
/// also processes messages stored earlier and never processed (mailgate or poller stopped
/// between the two steps).
struct IMAPPoller: Service {
    let channels: ChannelService
    let trustRootsFile: String?
    let interval: Duration
    let logger: Logger
    static let batch = 25

    func run() async throws {
        await runTicks(every: interval) { _ = await tick() }
    }

    /// One pass over the due channels; returns what each message became, in order.
    @discardableResult
    func tick() async -> [MailIntakeOutcome] {
        var outcomes: [MailIntakeOutcome] = []
        do {
            for poll in try await channels.claimPolls() {
                outcomes += await self.poll(poll)
            }
            outcomes += try await channels.processLeftovers()
        } catch {
            logger.error("IMAP polling failed", metadata: ["error": "\(String(reflecting: error))"])
        }
        return outcomes
    }

    /// Reads one channel's folder; a failure is the channel's health, not the tick's end.
    func poll(_ poll: ChannelService.Poll) async -> [MailIntakeOutcome] {
        let settings = poll.settings
        guard let host = settings.host, let username = settings.username else { return [] }
        let configuration = IMAPConfiguration(
            host: host, port: settings.port ?? 993,
            security: IMAPConfiguration.Security(rawValue: settings.security ?? "tls") ?? .tls, username: username,
            password: settings.password ?? "", trustRootsFile: trustRootsFile)
        var outcomes: [MailIntakeOutcome] = []
        var session: IMAPSession?
        do {
            session = try await IMAPSession.open(configuration)
            try await session!.select(settings.folder ?? "INBOX")
            if let target = settings.moveTo { try await session!.ensureFolder(target) }
            let unseen = try await session!.unseenUIDs()
            var start = 0
            while start < unseen.count {
                let uids = Array(unseen[start..<min(start + Self.batch, unseen.count)])
                start += uids.count
                var receipts: [RawMailReceipt] = []
                var taken: [UInt32] = []
                for (uid, raw) in try await session!.fetch(uids) {
                    receipts.append(try await channels.receive(raw, on: poll.channel.id))
                    taken.append(uid)
                }
                // Only what is stored is marked: the server keeps the rest unseen for next time.
                if let target = settings.moveTo {
                    try await session!.move(taken, to: target)
                } else {
                    try await session!.markSeen(taken)
                }
                for receipt in receipts {
                    outcomes.append(try await channels.process(receipt))
                }
            }
            await session!.logout()
            try await channels.recordPoll(poll.channel.id, error: nil)
        } catch {
            session?.close()
            logger.warning(
                "an IMAP channel's poll failed",
                metadata: ["channel": "\(poll.channel.id)", "error": "\(String(describing: error))"])
            try? await channels.recordPoll(poll.channel.id, error: String(describing: error))
        }
        return outcomes
    }
}
