/// `admin-sla.mustache`: the current SLA policy as a form that saves a new version, and the
/// versions so far.
struct AdminSLAPage: PageModel {
    static let template = "admin-sla"

    /// The version the form starts from.
    struct Current: Sendable {
        let version: Int
        let name: String
    }

    struct Version: Sendable {
        let version: Int
        let name: String
        let created: String
    }

    /// One priority's response, resolution and hard-limit targets.
    struct Row: Sendable {
        /// A target's fields, named `<priority>_<target>`.
        struct Target: Sendable {
            let name: String
            let value: String
            let units: [SelectOption]
            let modes: [SelectOption]
        }

        let priority: String
        let targets: [Target]
    }

    /// A status that may pause the clock.
    struct Pause: Sendable {
        let value: String
        let label: String
        let checked: Bool
    }

    let current: Current
    let rows: [Row]
    let pauses: [Pause]
    let calendars: [SelectOption]
    let versions: [Version]
}
