import Foundation
import HelpdeskCore

/// Calendars, SLA policy versions and settings. Part of ``HelpdeskStore``.
public protocol ConfigurationStore: Sendable {
    func calendars() async throws -> [CalendarRecord]
    func saveCalendar(_ record: CalendarRecord, now: Date) async throws -> CalendarRecord
    func slaPolicies() async throws -> [SLAPolicyRecord]
    func currentSLAPolicy() async throws -> SLAPolicyRecord?
    func addSLAPolicyVersion(name: String, policy: SLAPolicy, calendarId: Int64, by userId: Int64?, now: Date)
        async throws -> SLAPolicyRecord
    /// The policy version, its calendar and the engine's settings a ticket's rules come from.
    func rules(policyId: Int64) async throws -> TicketRules
    func setting<T: Codable & Sendable>(_ key: String, as type: T.Type) async throws -> T?
    func setSetting<T: Codable & Sendable>(_ key: String, _ value: T, now: Date) async throws
    /// The setting's stored value; when absent, stores `value` first. Concurrent first calls
    /// from several instances all get the one value that won.
    func settingOrInsert<T: Codable & Sendable>(_ key: String, _ value: T, now: Date) async throws -> T
}
