/// `admin-sla-engine.mustache`: every setting of the SLA engine, grouped by the rule it times;
/// after a refused save, the posted values and the error.
struct AdminEngineSettingsPage: PageModel {
    static let template = "admin-sla-engine"

    /// A number (or, for the daily cutoff, a time of day) input.
    struct Field: Sendable {
        let name: String
        let label: String
        let type: String
        let isNumber: Bool
        let value: String
        let min: Int
        let max: Int
    }

    /// A checkbox; several with one name make a set (priorities, channels).
    struct Check: Sendable {
        let id: String
        let name: String
        let value: String
        let label: String
        let checked: Bool
    }

    struct Section: Sendable {
        let id: String
        let legend: String
        let fields: [Field]
        let checks: [Check]
    }

    let sections: [Section]
    let priorities: [Check]
    let channels: [Check]
    /// The on-duty lead: staff, or none (the supervisors are told).
    let leads: [SelectOption]
    let leadership: [SelectOption]
    let error: String?
}
