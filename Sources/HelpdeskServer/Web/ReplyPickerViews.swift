import Foundation
import HelpdeskCore
import HelpdeskUseCases

extension TicketViews {
    /// The picker with `chosen` (when one was picked) selected and its name in the notice.
    func replyPicker(_ templates: [ReplyTemplate], chosen: ReplyTemplateService.Rendered?, locale: String?)
        -> ReplyPickerSection
    {
        let language = page.locale
        return ReplyPickerSection(
            templates: templates.map {
                SelectOption(value: String($0.id), label: $0.name(for: language), selected: $0.id == chosen?.templateId)
            },
            languages: TicketViews.languageOptions(auto: t("ui.replies.language_auto"), selected: locale ?? ""),
            filled: chosen.flatMap { rendered in
                templates.first { $0.id == rendered.templateId }.map {
                    t("ui.replies.filled", ["name": $0.name(for: language)])
                }
            })
    }
}
