import Foundation
import HelpdeskStore
import HelpdeskUseCases

/// E-mail notices, rendered in the recipient's language when sent, and scheduled reports, rendered
/// when their run was recorded. A notice to the requester of a ticket that came by e-mail
/// continues the requester's thread (``MailOutService``); a suppressed address or one over the
/// daily cap of automatic mail gets nothing, and the delivery fails at once with that reason.
struct EmailChannel: DeliveryChannel {
    let client: SMTPClient
    let store: any HelpdeskStore
    let localizer: Localizer
    let mailOut: MailOutService
    let now: @Sendable () -> Date

    func send(_ delivery: Delivery) async throws -> Int? {
        if delivery.event == SQLStore.reportMailEvent {
            // A scheduled report, rendered when its run was recorded.
            let mail = try JSONDecoder().decode(ReportMail.self, from: Data(delivery.payload.utf8))
            try await client.send(to: delivery.target, subject: mail.subject, body: mail.body, date: now())
            return nil
        }
        let payload = try JSONDecoder().decode(EmailPayload.self, from: Data(delivery.payload.utf8))
        let renderer = try await NoticeTexts(store: store, localizer: localizer).renderer()
        let text = renderer.render(
            kind: payload.notice.kind.rawValue, arguments: payload.notice.arguments, locale: payload.locale)
        let draft = MailOutService.Draft(
            kind: payload.notice.kind.rawValue, ticketNumber: payload.notice.ticketNumber,
            recipientId: delivery.userId, to: delivery.target, title: text.title, body: text.body)
        // Withheld mail is a failed delivery with its reason, never retried: the log must not
        // say it arrived.
        if let reason = try await mailOut.withheld(draft) {
            throw DeliveryFailure(status: nil, description: "not sent: \(reason)", permanent: true)
        }
        let composed = try await mailOut.mail(for: draft, from: client.configuration.from)
        try await client.send(composed.mail)
        try await mailOut.recordSent(composed)
        return nil
    }
}
