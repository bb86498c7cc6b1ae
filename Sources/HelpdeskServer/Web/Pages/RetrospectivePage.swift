/// `retrospective.mustache`: a major incident's retrospective (R7.4), laid out to be printed:
/// the course of the incident, its times against the targets, whom it touched, the root cause
/// and the preventive actions, with the form that records the last two.
struct RetrospectivePage: PageModel {
    static let template = "retrospective"

    struct Moment: Sendable {
        let at: String
        let what: String
        let by: String?
        let text: String?
    }

    struct Linked: Sendable {
        let number: String
        let linkedTitle: String
        let status: String
    }

    let number: String
    let version: Int
    let ticketTitle: String
    let priority: String
    let status: String
    let statusKey: String
    let summary: [ReviewPage.Line]
    let description: String
    let figures: [ReviewPage.Figure]
    let hasFigures: Bool
    let breaches: [ReviewPage.Line]
    let breachCause: String?
    let timeline: [Moment]
    let linked: [Linked]
    let hasLinked: Bool
    let workaround: String?
    let solution: String?
    let rootCause: String
    let preventiveActions: String
    let hasConclusions: Bool
    let printedAt: String
    let error: String?
}
