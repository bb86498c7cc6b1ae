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
    /// Every saved priority matrix version, oldest first (R2.4).
    func priorityMatrixVersions() async throws -> [PriorityMatrixVersion]
    func priorityMatrixVersion(_ version: Int) async throws -> PriorityMatrixVersion?
    /// The latest version (cached briefly); intake grades under it.
    func currentPriorityMatrix() async throws -> PriorityMatrixVersion
    /// Saves the matrix as the next version; concurrent saves get consecutive numbers.
    func addPriorityMatrixVersion(_ matrix: PriorityMatrix, note: String?, by userId: Int64?, now: Date)
        async throws -> PriorityMatrixVersion
    /// Number format, reopen window, webhook and department settings; the defaults where none was saved.
    func deskSettings() async throws -> DeskSettings
    func saveDeskSettings(_ settings: DeskSettings, now: Date) async throws
    func engineSettings() async throws -> SLAEngineSettings
    /// Saves the SLA engine's settings and has every open ticket's timers planned again.
    func saveEngineSettings(_ settings: SLAEngineSettings, now: Date) async throws
    func setting<T: Codable & Sendable>(_ key: String, as type: T.Type) async throws -> T?
    func setSetting<T: Codable & Sendable>(_ key: String, _ value: T, now: Date) async throws
    /// The setting's stored value; when absent, stores `value` first. Concurrent first calls
    /// from several instances all get the one value that won.
    func settingOrInsert<T: Codable & Sendable>(_ key: String, _ value: T, now: Date) async throws -> T
}
