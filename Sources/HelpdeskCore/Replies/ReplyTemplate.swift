import Foundation

/// A courteous canned reply (R8.1) in both languages of the desk, picked from the work-log
/// form. Its bodies name placeholders such as `{number}`; ``ReplyTemplates`` checks and fills
/// them in.
public struct ReplyTemplate: Codable, Equatable, Sendable {
    public var id: Int64
    /// The label in the picker, in Chinese; `nameEn` in English (Chinese when absent).
    public var name: String
    public var nameEn: String?
    /// The reply in zh-CN.
    public var body: String
    /// The reply in en.
    public var bodyEn: String
    /// Offered on the work-log form.
    public var active: Bool
    /// Lower first in the list and the picker.
    public var sortOrder: Int
    public var updatedAt: Date?

    public init(
        id: Int64 = 0, name: String, nameEn: String? = nil, body: String, bodyEn: String, active: Bool = true,
        sortOrder: Int = 0
    ) {
        self.id = id
        self.name = name
        self.nameEn = nameEn
        self.body = body
        self.bodyEn = bodyEn
        self.active = active
        self.sortOrder = sortOrder
    }

    /// The body in `locale` (`en` or, for anything else, zh-CN).
    public func body(for locale: String) -> String { locale == "en" ? bodyEn : body }

    public func name(for locale: String) -> String { locale == "en" ? nameEn ?? name : name }
}

/// What a reply template may fill in.
public enum ReplyPlaceholder: String, CaseIterable, Sendable {
    /// The ticket number.
    case number
    case title
    /// The requester's name as the viewer may see it: `小明*` for an external requester unless
    /// the viewer has full access (R9.2).
    case requester
    /// The running SLA target's due time, in the ticket calendar's local time.
    case due
    /// The workaround (临时方案) recorded on the ticket.
    case workaround
    /// The engineer handling the ticket.
    case handler
}
