import Foundation
import HelpdeskCore

/// The acknowledgement (R1.5) in words, for the API's response, the web page after submitting
/// and, later, the e-mail and IM replies: the number and due times, or when the desk will
/// look at a request that came in outside service hours (R8.3).
struct AcknowledgementText {
    let localizer: Localizer
    let locale: String

    func message(_ ack: Acknowledgement, _ calendar: BusinessCalendar) -> String {
        let zone = calendar.timeZone
        let text = localizer.text(
            ack.lookedAtFrom == nil ? "ack.message" : "ack.outside_hours", locale: locale,
            [
                "number": ack.number, "response_due": TimeFormatting.local(ack.responseDueAt, zone),
                "resolution_due": ack.resolutionDueAt.map { TimeFormatting.local($0, zone) } ?? "-",
                "look_at": ack.lookedAtFrom.map { TimeFormatting.local($0, zone) } ?? "",
            ])
        guard ack.sensitiveDataRedacted else { return text }
        return text + (locale == "en" ? " " : "") + localizer.text("warning.sensitive_data_redacted", locale: locale)
    }

    /// "Please add: …" for the type-specific details still missing (R1.3); nil when none are.
    func missingDetails(_ ack: Acknowledgement) -> String? {
        guard !ack.missingDetails.isEmpty else { return nil }
        return warning(.missingDetails, missing: ack.missingDetails)
    }

    func warning(_ warning: IntakeWarning, missing: [String]) -> String {
        localizer.text(
            "warning.\(warning.rawValue)", locale: locale,
            [
                "fields": missing.map { localizer.text("detail.\($0)", locale: locale) }.joined(
                    separator: locale == "en" ? ", " : "、")
            ])
    }
}
