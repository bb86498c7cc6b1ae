import Foundation
import HelpdeskUseCases

extension TicketViews {
    /// The views of a page (or of a mail rendered like one) with the directory's names.
    init(renderer: WebRenderer, page: WebPage, now: Date, names: DirectoryService.Names) {
        self.init(
            renderer: renderer, page: page, now: now, users: names.staff, groups: names.groups,
            categories: names.categories)
    }
}
