/// `queue.mustache`: a ticket list with its filters and cursor pagination.
struct QueuePage: PageModel {
    static let template = "queue"

    let rows: [QueueRow]
    /// Seconds between reloads of the list; 0 for none.
    let refresh: Int
    let q: String
    let statuses: [SelectOption]
    let priorities: [SelectOption]
    let groups: [SelectOption]
    let categories: [SelectOption]
    let assignees: [SelectOption]
    /// The requester filter: a username.
    let requester: String
    let channels: [SelectOption]
    let orders: [SelectOption]
    /// A requester switches between their own and their department's tickets (R9.1).
    struct Toggle: Sendable {
        let href: String
        let label: String
    }

    let departmentToggle: Toggle?
    let showRequester: Bool
    let overdueCauses: Bool
    let next: String?
    let first: String?
}
