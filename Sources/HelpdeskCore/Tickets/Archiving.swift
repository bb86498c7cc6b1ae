import Foundation

/// The last step of the loop (R6.1): a ticket closed for the configured working days becomes
/// archived and read-only. An external requester's name and contact are first reduced to the
/// masked form every other viewer sees (R9.3); priority, category, times and satisfaction stay
/// as they were, so figures computed over archived tickets do not change.
public enum Archiving {
    public static func archive(_ change: TicketChange, settings: SLAEngineSettings, now: Date) -> TicketChange {
        var result = change
        var ticket = change.ticket
        guard ticket.status == .closed else { return change }
        ticket.status = .archived
        ticket.archivedAt = now
        var data = ["rule": "archive"]
        if ticket.requester.external, settings.archiveScrubsExternal {
            ticket.contact = Masking.contact(ticket.contact)
            ticket.requester.name = Masking.name(ticket.requester.name)
            ticket.requester.employeeNumber = nil
            ticket.personalDataScrubbed = true
            data["scrubbed"] = "true"
            result.scrub = ArchiveScrub(
                requesterUserId: ticket.requester.userId, maskedName: ticket.requester.name,
                dropAttachments: !settings.archiveKeepsAttachments)
            if !settings.archiveKeepsAttachments { data["attachments"] = "deleted" }
        }
        ticket.updatedAt = now
        result.ticket = ticket
        result.events.append(
            TicketEvent(
                kind: .transition, fromStatus: .closed, toStatus: .archived, actor: .system, at: now, data: data))
        return result
    }
}

/// What archiving removes outside the ticket's document: the requester's name on their own
/// history entries, and the files if the settings say so.
public struct ArchiveScrub: Equatable, Sendable {
    public let requesterUserId: Int64?
    public let maskedName: String
    public let dropAttachments: Bool

    public init(requesterUserId: Int64?, maskedName: String, dropAttachments: Bool) {
        self.requesterUserId = requesterUserId
        self.maskedName = maskedName
        self.dropAttachments = dropAttachments
    }
}
