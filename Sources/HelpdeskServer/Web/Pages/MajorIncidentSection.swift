/// The ticket page's major-incident part (R8.2): the declare button for a supervisor; on an
/// incident, its linked tickets, the form that links duplicates, the status updates sent so
/// far and the broadcast form with its audience; on a linked ticket, where it belongs.
struct MajorIncidentSection: Sendable {
    struct Linked: Sendable {
        let number: String
        let linkedTitle: String
        let status: String
        let open: Bool
    }

    struct Update: Sendable {
        let at: String
        let by: String
        let what: String
        let impact: String
        let recovery: String
        let audience: String
    }

    let isIncident: Bool
    let canDeclare: Bool
    /// The incident this ticket is a duplicate of; a link only for staff.
    let linkedTo: String?
    let linkedToIsLink: Bool
    let linked: [Linked]
    let openLinked: Int
    let canLink: Bool
    let updates: [Update]
    let canBroadcast: Bool
    let groups: [SelectOption]
    let departments: [SelectOption]
    let hasDepartments: Bool
    /// A link to the printable retrospective (R7.4), for those who run the desk.
    let canReadRetrospective: Bool
}
