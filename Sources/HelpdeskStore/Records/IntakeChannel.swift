import Foundation

/// An intake channel (M017) with its health. `settings` is the kind's JSON as stored, secrets
/// included: the API's presenter leaves them out.
public struct IntakeChannel: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case imap
        case mailgate
        case dingtalk, feishu, wecom, slack

        /// The kinds whose requests come as a platform's signed callbacks.
        public var isIM: Bool { ![.imap, .mailgate].contains(self) }
    }

    public var id: Int64
    public var kind: Kind
    public var name: String
    public var settings: String
    public var active: Bool
    public var lastSuccessAt: Date?
    public var lastErrorAt: Date?
    public var lastError: String?
    public var receivedCount: Int
    public var quarantinedCount: Int
    public var sentCount: Int
    public var createdAt: Date
    public var updatedAt: Date
}
