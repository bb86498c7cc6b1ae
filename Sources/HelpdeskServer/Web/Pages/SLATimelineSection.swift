/// The ticket page's "SLA 时间线" for staff (R3.3–R3.5): the resolution clock drawn as a bar of
/// counted working time, pauses and time spent resolved, with the due times, breaches and the
/// timers still to come, and the same in plain sentences.
struct SLATimelineSection: Sendable {
    /// One shape of the bar, in the SVG's 0–1000 coordinates.
    struct Span: Sendable {
        let x: Int
        let width: Int
        let kind: String
        let label: String
    }

    struct Mark: Sendable {
        let x: Int
        let kind: String
        let label: String
    }

    let description: String
    let spans: [Span]
    let marks: [Mark]
    let startLabel: String
    let endLabel: String
    let lines: [String]
    let upcoming: [String]
    let hasUpcoming: Bool
}

/// Extension requests (R3.5) on the ticket page: the list, the handler's request form and the
/// supervisor's decision forms, posting to the API's paths.
struct ExtensionsSection: Sendable {
    struct Request: Sendable {
        let id: Int
        let by: String
        let at: String
        let dueAt: String
        let originalDueAt: String
        let reason: String
        let status: String
        let decision: String?
        let canDecide: Bool
    }

    let requests: [Request]
    let canRequest: Bool
}
