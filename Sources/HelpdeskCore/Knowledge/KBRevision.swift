import Foundation

/// One saved state of an article's content: every save is one, so any earlier text can be
/// read, compared and restored.
public struct KBRevision: Codable, Equatable, Sendable {
    public var articleId: Int64
    /// 1, 2, 3, … per article.
    public var number: Int
    public var content: KBContent
    public var editorId: Int64
    public var at: Date
    /// Why it was saved, when not a plain edit.
    public var note: KBRevisionNote

    public init(articleId: Int64, number: Int, content: KBContent, editorId: Int64, at: Date, note: KBRevisionNote) {
        self.articleId = articleId
        self.number = number
        self.content = content
        self.editorId = editorId
        self.at = at
        self.note = note
    }
}

public enum KBRevisionNote: Codable, Equatable, Sendable {
    case created
    /// Drafted from a resolved ticket.
    case fromTicket(String)
    case edited
    /// The content of revision `n`, saved again.
    case restored(Int)

    /// `created`, `from_ticket:TS…`, `edited`, `restored:3`.
    public var code: String {
        switch self {
        case .created: "created"
        case .fromTicket(let number): "from_ticket:\(number)"
        case .edited: "edited"
        case .restored(let number): "restored:\(number)"
        }
    }

    public init?(code: String) {
        if code == "created" {
            self = .created
        } else if code == "edited" {
            self = .edited
        } else if code.hasPrefix("from_ticket:") {
            self = .fromTicket(String(code.dropFirst("from_ticket:".count)))
        } else if code.hasPrefix("restored:"), let number = Int(code.dropFirst("restored:".count)) {
            self = .restored(number)
        } else {
            return nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let code = try decoder.singleValueContainer().decode(String.self)
        guard let note = KBRevisionNote(code: code) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: code))
        }
        self = note
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
