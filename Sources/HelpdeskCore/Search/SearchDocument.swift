import Foundation

/// What the search index holds for one ticket: the normalized text a requester may see, the
/// text only staff see, and the tokens of each. Parts are normalized one by one and joined by
/// a newline, which no query term contains, so a term never matches across two parts.
public struct SearchDocument: Equatable, Sendable {
    public var publicText: String
    public var internalText: String
    public var publicTokens: [String]
    public var internalTokens: [String]

    public init(publicParts: [String], internalParts: [String]) {
        let publicNormalized = publicParts.map(SearchAnalyzer.normalize).filter { !$0.isEmpty }
        let internalNormalized = internalParts.map(SearchAnalyzer.normalize).filter { !$0.isEmpty }
        publicText = publicNormalized.joined(separator: "\n")
        internalText = internalNormalized.joined(separator: "\n")
        publicTokens = publicNormalized.flatMap(SearchAnalyzer.tokens(ofNormalized:))
        internalTokens = internalNormalized.flatMap(SearchAnalyzer.tokens(ofNormalized:))
    }

    /// A ticket's document from the ticket, its events (those with text) and the words of its
    /// plain-text attachments (``AttachmentText``), which everyone who sees the ticket may open.
    public init(ticket: Ticket, events: [TicketEvent], attachmentTexts: [String] = []) {
        let texts = Self.texts(of: ticket, events: events, attachmentTexts: attachmentTexts)
        self.init(publicParts: texts.publicParts, internalParts: texts.internalParts)
    }

    /// The original texts a ticket's document is made of, in index order: the ticket's own
    /// fields, its events' words, then its attachments' words.
    public static func texts(of ticket: Ticket, events: [TicketEvent], attachmentTexts: [String] = []) -> Fields {
        var texts = fields(of: ticket)
        for event in events where indexes(event) {
            let words = [event.body, event.reason].compactMap { $0 }
            if event.visibility == .public {
                texts.publicParts += words
            } else {
                texts.internalParts += words
            }
        }
        texts.publicParts += attachmentTexts
        return texts
    }

    /// The searchable fields of the ticket itself, split by who may see them; an update whose
    /// fields are unchanged and that adds no text leaves the document as it was.
    public struct Fields: Equatable, Sendable {
        public var publicParts: [String]
        public var internalParts: [String]
    }

    public static func fields(of ticket: Ticket) -> Fields {
        var publicParts = [ticket.number, ticket.title, ticket.description]
        publicParts += ticket.details.sorted { $0.key < $1.key }.map(\.value)
        publicParts += [ticket.affectedSystem, ticket.workaround, ticket.solution].compactMap { $0 }
        var internalParts = [ticket.rootCause, ticket.preventiveActions].compactMap { $0 }
        if let plan = ticket.plan {
            let texts = [plan.steps, plan.support].compactMap { $0 }
            if plan.visibility == .public { publicParts += texts } else { internalParts += texts }
        }
        return Fields(publicParts: publicParts, internalParts: internalParts)
    }

    /// Events with words people wrote: work-log entries, reasons, plans, answers. The SLA
    /// engine's own entries are left out; their fixed wording would match every breached ticket.
    public static func indexes(_ event: TicketEvent) -> Bool {
        event.kind != .sla && (event.body != nil || event.reason != nil)
    }

    /// Whether a change from `before` to `after` that added `events` changes the document.
    public static func changes(from before: Ticket, to after: Ticket, adding events: [TicketEvent]) -> Bool {
        events.contains(where: indexes) || fields(of: before) != fields(of: after)
    }
}
