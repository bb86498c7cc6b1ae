import Foundation

/// The timed rules of the desk (R3.4–R3.6, R4.2–R4.3, R4.7, R5.4–R5.5, R8.3), kept as one setting.
/// Every value has the default the specification names; a stored setting may omit any of them.
public struct SLAEngineSettings: Hashable, Codable, Sendable {
    /// Warn when this share of a target is used (R3.4).
    public var warningPercent: Int = 75
    /// At a resolution breach, move the ticket up a tier (P0: tell the on-duty lead instead).
    public var escalateOnBreach: Bool = true
    /// An L1 ticket not resolved in this many minutes of its resolution clock goes to L2 (R4.2);
    /// time the clock is paused (waiting on the requester, blocked) does not count.
    public var l1EscalationMinutes: Int = 30
    /// Priorities that skip L1 because they hit core business (R4.2). By R2.2 only P0 is core
    /// business down; a P1 is a non-core function broken and gets L1's 30 minutes like the rest.
    public var coreBusinessPriorities: [Priority] = [.p0]
    /// The handler confirms receipt within this many working hours (R4.3) …
    public var receiptHours: Int = 2
    /// … and this many more working hours after the reminder the lead is told.
    public var receiptEscalationHours: Int = 1
    /// P0: an update every N minutes until resolved (R3.6).
    public var p0UpdateMinutes: Int = 30
    /// L2 and above: an update the requester sees every N working hours.
    public var l2UpdateHours: Int = 2
    /// Every open ticket gets an update each working day before this time.
    public var dailyUpdateCutoff: TimeOfDay = TimeOfDay(hour: 17)
    /// Resolved but not confirmed after N working hours: remind the handler to follow up (R5.4).
    public var followUpHours: Int = 2
    /// Resolved but not confirmed after N working days: closed automatically (R5.4).
    public var autoCloseWorkingDays: Int = 3
    /// Resolved but not reviewed and closed after N working minutes: the supervisors are
    /// reminded (R5.5: verification and close within 30 minutes of resolution).
    public var reviewMinutes: Int = 30
    /// Closed for N working days: archived (R6.1).
    public var archiveWorkingDays: Int = 3
    /// At archive, an external requester's name and contact are reduced to their masked form (R9.3).
    public var archiveScrubsExternal: Bool = true
    /// At archive, an external requester's ticket keeps its attachments (false: they are deleted).
    public var archiveKeepsAttachments: Bool = true
    /// Collaborators answer within N hours (R4.7).
    public var collaborationHours: Int = 24
    /// Channels served around the clock; the others follow the business calendar (R8.3).
    public var alwaysOpenChannels: [Channel] = []
    /// The lead on duty for emergencies; the supervisors when nil.
    public var onDutyLeadId: Int64?
    /// Leadership told about major incidents; the supervisors when empty.
    public var leadershipIds: [Int64] = []

    public init() {}

    public static let `default` = SLAEngineSettings()
    /// The key the setting is stored under.

    public func validate() throws(WorkflowError) {
        guard (1...99).contains(warningPercent) else { throw .invalidValue(field: "warningPercent") }
        for (field, value) in [
            ("l1EscalationMinutes", l1EscalationMinutes), ("receiptHours", receiptHours),
            ("receiptEscalationHours", receiptEscalationHours), ("p0UpdateMinutes", p0UpdateMinutes),
            ("l2UpdateHours", l2UpdateHours), ("followUpHours", followUpHours),
            ("autoCloseWorkingDays", autoCloseWorkingDays), ("reviewMinutes", reviewMinutes),
            ("collaborationHours", collaborationHours),
            ("archiveWorkingDays", archiveWorkingDays),
        ] where value <= 0 || value > 10_000 {
            throw .invalidValue(field: field)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case warningPercent, escalateOnBreach, l1EscalationMinutes, coreBusinessPriorities, receiptHours,
            receiptEscalationHours, p0UpdateMinutes, l2UpdateHours, dailyUpdateCutoff, followUpHours,
            autoCloseWorkingDays, collaborationHours, alwaysOpenChannels, onDutyLeadId, leadershipIds,
            archiveWorkingDays, archiveScrubsExternal, archiveKeepsAttachments, reviewMinutes
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func value<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T {
            try c.decodeIfPresent(T.self, forKey: key) ?? fallback
        }
        let d = Self.default
        warningPercent = try value(.warningPercent, d.warningPercent)
        escalateOnBreach = try value(.escalateOnBreach, d.escalateOnBreach)
        l1EscalationMinutes = try value(.l1EscalationMinutes, d.l1EscalationMinutes)
        coreBusinessPriorities = try value(.coreBusinessPriorities, d.coreBusinessPriorities)
        receiptHours = try value(.receiptHours, d.receiptHours)
        receiptEscalationHours = try value(.receiptEscalationHours, d.receiptEscalationHours)
        p0UpdateMinutes = try value(.p0UpdateMinutes, d.p0UpdateMinutes)
        l2UpdateHours = try value(.l2UpdateHours, d.l2UpdateHours)
        dailyUpdateCutoff = try value(.dailyUpdateCutoff, d.dailyUpdateCutoff)
        followUpHours = try value(.followUpHours, d.followUpHours)
        autoCloseWorkingDays = try value(.autoCloseWorkingDays, d.autoCloseWorkingDays)
        reviewMinutes = try value(.reviewMinutes, d.reviewMinutes)
        collaborationHours = try value(.collaborationHours, d.collaborationHours)
        alwaysOpenChannels = try value(.alwaysOpenChannels, d.alwaysOpenChannels)
        onDutyLeadId = try c.decodeIfPresent(Int64.self, forKey: .onDutyLeadId)
        leadershipIds = try value(.leadershipIds, d.leadershipIds)
        archiveWorkingDays = try value(.archiveWorkingDays, d.archiveWorkingDays)
        archiveScrubsExternal = try value(.archiveScrubsExternal, d.archiveScrubsExternal)
        archiveKeepsAttachments = try value(.archiveKeepsAttachments, d.archiveKeepsAttachments)
    }
}
