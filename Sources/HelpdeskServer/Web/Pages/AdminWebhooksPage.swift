/// `admin-webhooks.mustache`: the webhooks, the form to add or edit one (the secret is
/// write-only: shown once after a create), and the delivery log with retry for failed ones.
struct AdminWebhooksPage: PageModel {
    static let template = "admin-webhooks"

    struct Hook: Sendable {
        let id: Int64
        let name: String
        let url: String
        /// The subscribed events' names, or "all events".
        let events: String
        let active: Bool
    }

    /// A notice kind as a checkbox of the form.
    struct Event: Sendable {
        let value: String
        let label: String
        let checked: Bool
    }

    struct Form: Sendable {
        let action: String
        /// The webhook edited; nil for a new one.
        let editedId: Int64?
        let name: String
        let url: String
        let active: Bool
        let events: [Event]
    }

    /// The secret of the webhook just created: the only time it is shown.
    struct Created: Sendable {
        let name: String
        let secret: String
    }

    struct Row: Sendable {
        let id: Int64
        let at: String
        let webhook: String
        let event: String
        let target: String
        let status: String
        let failed: Bool
        let attempts: Int
        let lastStatus: Int?
        /// The start of the last error; all of it in `lastErrorDetail` (the cell's title).
        let lastError: String
        let lastErrorDetail: String
        /// When a pending delivery is tried next.
        let nextAttempt: String?
    }

    let webhooks: [Hook]
    let form: Form
    let created: Created?
    let error: String?
    let filter: [SelectOption]
    /// The filtered webhook's id, for the retry forms to come back to the same list.
    let filterWebhookId: String
    let deliveries: [Row]
    let olderLink: String?
}
