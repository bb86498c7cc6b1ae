import Foundation
import HelpdeskCore
import SQLKit

/// The one SQL implementation of ``HelpdeskStore`` for SQLite and PostgreSQL.
public final class SQLStore: HelpdeskStore {
    public let database: any Database
    /// SLA policy versions never change once written, so any lifetime is safe; an hour keeps
    /// the cache small.
    let policyCache = TTLCache<Int64, SLAPolicyRecord>(ttl: .seconds(3600))
    /// Calendars are editable; the lifetime bounds how long another instance may use a
    /// calendar edited elsewhere.
    let calendarCache = TTLCache<Int64, CalendarRecord>(ttl: .seconds(10))
    /// Settings, the current policy version and the category tree are read on every intake;
    /// token lookups on every request. All are cached briefly (see ``TTLCache``).
    let settingsCache = TTLCache<String, (any Sendable)?>(ttl: .seconds(5))
    let currentPolicyCache = TTLCache<Int, SLAPolicyRecord?>(ttl: .seconds(5))
    let currentMatrixCache = TTLCache<Int, PriorityMatrixVersion>(ttl: .seconds(5))
    let categoryCache = TTLCache<Int, [TicketCategory]>(ttl: .seconds(5))
    let tokenCache = TTLCache<String, TokenGrant?>(ttl: .seconds(5))

    public init(database: any Database) {
        self.database = database
    }

    public var live: LiveFeed { database.live }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()
    static let decoder = JSONDecoder()

    static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, json: String) throws -> T {
        try decoder.decode(type, from: Data(json.utf8))
    }
}

extension Date {
    /// Storage form: epoch milliseconds.
    /// Saturates instead of trapping on instants no Int64 of milliseconds holds.
    var millis: Int64 {
        let value = (timeIntervalSince1970 * 1000).rounded()
        guard value.isFinite else { return value < 0 ? .min : .max }
        return Int64(exactly: value) ?? (value < 0 ? .min : .max)
    }
    init(millis: Int64) { self.init(timeIntervalSince1970: Double(millis) / 1000) }
}

extension SQLRow {
    func int(_ column: String) throws -> Int64 { try decode(column: column, as: Int64.self) }
    func optionalInt(_ column: String) throws -> Int64? { try decode(column: column, as: Int64?.self) }
    func string(_ column: String) throws -> String { try decode(column: column, as: String.self) }
    func optionalString(_ column: String) throws -> String? { try decode(column: column, as: String?.self) }
}

extension Bool {
    var sqlValue: Int64 { self ? 1 : 0 }
}

/// A token's user and expiry, as cached.
struct TokenGrant: Sendable {
    let user: User
    let expiresAt: Date
}
