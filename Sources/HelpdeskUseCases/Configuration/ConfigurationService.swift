import Foundation
import HelpdeskCore
import HelpdeskStore

/// Calendars, SLA policy versions, the desk's settings and the SLA engine's: staff read,
/// administrators write.
public struct ConfigurationService: Sendable {
    let store: any HelpdeskStore
    let clock: AppClock

    public init(store: any HelpdeskStore, clock: AppClock) {
        self.store = store
        self.clock = clock
    }

    /// A change to the desk's settings; absent fields stay as they are.
    public struct SettingsPatch: Decodable, Sendable, Equatable {
        public var ticketNumberFormat: String?
        public var reopenWindowDays: Int?
        public var allowInternalWebhookTargets: Bool?
        public var requestersSeeDepartment: Bool?
        public var kbSeparateReviewer: Bool?
        public var problemMinimumTickets: Int?
        public var problemWindowDays: Int?

        public init(
            ticketNumberFormat: String? = nil, reopenWindowDays: Int? = nil,
            allowInternalWebhookTargets: Bool? = nil, requestersSeeDepartment: Bool? = nil,
            kbSeparateReviewer: Bool? = nil, problemMinimumTickets: Int? = nil, problemWindowDays: Int? = nil
        ) {
            self.ticketNumberFormat = ticketNumberFormat
            self.reopenWindowDays = reopenWindowDays
            self.allowInternalWebhookTargets = allowInternalWebhookTargets
            self.requestersSeeDepartment = requestersSeeDepartment
            self.kbSeparateReviewer = kbSeparateReviewer
            self.problemMinimumTickets = problemMinimumTickets
            self.problemWindowDays = problemWindowDays
        }
    }

    public func calendars(for viewer: User) async throws -> [CalendarRecord] {
        try Authorize.staff(viewer, "calendars")
        return try await store.calendars()
    }

    /// Inserts (id 0) or replaces a calendar; open tickets' due times follow it.
    public func saveCalendar(_ id: Int64, name: String, calendar: BusinessCalendar, by admin: User) async throws
        -> CalendarRecord
    {
        try Authorize.admin(admin, "calendars")
        guard let name = TextInput.clean(name, max: 100) else { throw UseCaseError.invalidValue(field: "name") }
        do { try calendar.validate() } catch { throw UseCaseError.invalidFormat(detail: "calendar: \(error)") }
        let now = clock.now()
        let draft: AuditTrail.Draft = { saved in
            AuditEntry(
                at: now, actor: admin, action: .calendarSaved,
                target: "calendar:\((saved as? CalendarRecord)?.id ?? id)", detail: ["name": name])
        }
        return try await AuditTrail.recording(draft) {
            try await store.saveCalendar(CalendarRecord(id: id, name: name, calendar: calendar), now: now)
        }
    }

    public func policies(for viewer: User) async throws -> [SLAPolicyRecord] {
        try Authorize.staff(viewer, "sla_policies")
        return try await store.slaPolicies()
    }

    public func currentPolicy(for viewer: User) async throws -> SLAPolicyRecord {
        try Authorize.staff(viewer, "sla_policies")
        guard let current = try await store.currentSLAPolicy() else {
            throw UseCaseError.notFound(resource: "sla_policy")
        }
        return current
    }

    /// Every save is a new version; tickets keep the version they opened under (R2.4).
    public func addPolicyVersion(name: String, policy: SLAPolicy, calendarId: Int64, by admin: User) async throws
        -> SLAPolicyRecord
    {
        try Authorize.admin(admin, "sla_policies")
        do { try policy.validate() } catch { throw UseCaseError.invalidValue(field: "policy") }
        guard let name = TextInput.clean(name, max: 100) else { throw UseCaseError.invalidValue(field: "name") }
        let now = clock.now()
        let draft: AuditTrail.Draft = { saved in
            AuditEntry(
                at: now, actor: admin, action: .slaPolicyVersioned,
                target: "sla_policy:\((saved as? SLAPolicyRecord)?.id ?? 0)",
                detail: ["name": name, "calendarId": String(calendarId)])
        }
        return try await AuditTrail.recording(draft) {
            try await store.addSLAPolicyVersion(
                name: name, policy: policy, calendarId: calendarId, by: admin.id, now: now)
        }
    }

    /// The matrix intake grades under now, with its number (R2.4).
    public func currentPriorityMatrix(for viewer: User) async throws -> PriorityMatrixVersion {
        try Authorize.staff(viewer, "priority_matrix")
        return try await store.currentPriorityMatrix()
    }

    /// Every version, newest first, as the admin page and the API list them.
    public func priorityMatrixVersions(for viewer: User) async throws -> [PriorityMatrixVersion] {
        try Authorize.staff(viewer, "priority_matrix")
        return try await store.priorityMatrixVersions().reversed()
    }

    public func priorityMatrixVersion(_ version: Int, for viewer: User) async throws -> PriorityMatrixVersion {
        try Authorize.staff(viewer, "priority_matrix")
        guard let found = try await store.priorityMatrixVersion(version) else {
            throw UseCaseError.notFound(resource: "priority_matrix_version")
        }
        return found
    }

    /// Every save is a new version with who, when and an optional note; tickets keep the version
    /// they were graded under (R2.4). Audited.
    public func savePriorityMatrix(_ matrix: PriorityMatrix, note: String?, by admin: User) async throws
        -> PriorityMatrixVersion
    {
        try Authorize.admin(admin, "priority_matrix")
        let note = try PriorityMatrixVersion.cleanNote(note)
        let now = clock.now()
        let draft: AuditTrail.Draft = { saved in
            AuditEntry(
                at: now, actor: admin, action: .priorityMatrixVersioned,
                target: "priority_matrix:\((saved as? PriorityMatrixVersion)?.version ?? 0)")
        }
        return try await AuditTrail.recording(draft) {
            try await store.addPriorityMatrixVersion(matrix, note: note, by: admin.id, now: now)
        }
    }

    public func settings(for viewer: User) async throws -> DeskSettings {
        try Authorize.staff(viewer, "settings")
        return try await store.deskSettings()
    }

    public func updateSettings(_ patch: SettingsPatch, by admin: User) async throws -> DeskSettings {
        try Authorize.admin(admin, "settings")
        var settings = try await store.deskSettings()
        if let pattern = patch.ticketNumberFormat {
            do { settings.ticketNumberFormat = try TicketNumberFormat(pattern) } catch {
                throw UseCaseError.invalidFormat(detail: "ticketNumberFormat: \(error)")
            }
        }
        if let days = patch.reopenWindowDays {
            guard DeskSettings.reopenWindowRange.contains(days) else {
                throw UseCaseError.invalidValue(field: "reopenWindowDays")
            }
            settings.reopenWindowDays = days
        }
        if let allow = patch.allowInternalWebhookTargets { settings.allowInternalWebhookTargets = allow }
        if let see = patch.requestersSeeDepartment { settings.requestersSeeDepartment = see }
        if let separate = patch.kbSeparateReviewer { settings.kbSeparateReviewer = separate }
        if let minimum = patch.problemMinimumTickets {
            guard RecurrenceDetection.Settings.minimumTicketsRange.contains(minimum) else {
                throw UseCaseError.invalidValue(field: "problemMinimumTickets")
            }
            settings.problemMinimumTickets = minimum
        }
        if let days = patch.problemWindowDays {
            guard RecurrenceDetection.Settings.windowDaysRange.contains(days) else {
                throw UseCaseError.invalidValue(field: "problemWindowDays")
            }
            settings.problemWindowDays = days
        }
        let fields = [
            ("ticketNumberFormat", patch.ticketNumberFormat != nil),
            ("reopenWindowDays", patch.reopenWindowDays != nil),
            ("allowInternalWebhookTargets", patch.allowInternalWebhookTargets != nil),
            ("requestersSeeDepartment", patch.requestersSeeDepartment != nil),
            ("kbSeparateReviewer", patch.kbSeparateReviewer != nil),
            ("problemMinimumTickets", patch.problemMinimumTickets != nil),
            ("problemWindowDays", patch.problemWindowDays != nil),
        ].filter(\.1).map(\.0)
        let entry = AuditEntry(
            at: clock.now(), actor: admin, action: .settingsSaved, target: "settings",
            detail: ["fields": fields.joined(separator: ",")])
        try await AuditTrail.recording(entry) { try await store.saveDeskSettings(settings, now: entry.at) }
        return settings
    }

    public func engineSettings(for viewer: User) async throws -> SLAEngineSettings {
        try Authorize.staff(viewer, "sla_engine")
        return try await store.engineSettings()
    }

    /// Saves the SLA engine's settings; every open ticket's timers are planned again.
    public func updateEngineSettings(_ settings: SLAEngineSettings, by admin: User) async throws -> SLAEngineSettings {
        try Authorize.admin(admin, "sla_engine")
        try settings.validate()
        guard settings.dailyUpdateCutoff.isValid, settings.dailyUpdateCutoff.hour < 24 else {
            throw UseCaseError.invalidValue(field: "dailyUpdateCutoff")
        }
        // The on-duty lead handles emergencies, so is staff; leadership only reads the news.
        if let lead = settings.onDutyLeadId {
            guard let user = try await store.user(id: lead), user.active, user.role.isStaff else {
                throw UseCaseError.invalidReference(field: "onDutyLeadId")
            }
        }
        for id in Set(settings.leadershipIds) where try await store.user(id: id) == nil {
            throw UseCaseError.invalidReference(field: "leadershipIds")
        }
        let entry = AuditEntry(at: clock.now(), actor: admin, action: .engineSettingsSaved, target: "sla_engine")
        try await AuditTrail.recording(entry) { try await store.saveEngineSettings(settings, now: entry.at) }
        return settings
    }
}
