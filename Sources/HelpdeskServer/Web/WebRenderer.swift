import Foundation
import Hummingbird
import Mustache

/// Renders the Mustache templates in `Resources/templates`. Templates read every text through
/// `t`, the localisation catalogue of the page's language as nested keys (`{{t.ui.nav.queues}}`).
struct WebRenderer: Sendable {
    let library: MustacheLibrary
    let localizer: Localizer
    /// The catalogue of each locale as a tree of keys; built once.
    private let catalogues: [String: Catalogue]

    init(localizer: Localizer) throws {
        var library = MustacheLibrary()
        let directory = try Self.resourceDirectory("templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            $0.hasSuffix(".mustache")
        }
        for name in names {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            try library.register(text, named: String(name.dropLast(".mustache".count)))
        }
        self.library = library
        self.localizer = localizer
        var catalogues: [String: Catalogue] = [:]
        for locale in Localizer.supported {
            let texts = localizer.keys(locale).map { ($0, localizer.text($0, locale: locale)) }
            catalogues[locale] = Catalogue(Dictionary(uniqueKeysWithValues: texts))
        }
        self.catalogues = catalogues
    }

    static func resourceDirectory(_ name: String) throws -> URL {
        if let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources") { return url }
        let fallback = Bundle.module.bundleURL.appendingPathComponent("Resources").appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: fallback.path) else { throw LocalizerError.missingCatalogue(name) }
        return fallback
    }

    func text(_ key: String, _ page: WebPage, _ arguments: [String: String] = [:]) -> String {
        localizer.text(key, locale: page.locale, arguments)
    }

    /// A whole page: the model's template with the layout's values (language, user, navigation,
    /// CSRF token).
    func page<Model: PageModel>(
        _ model: Model, _ page: WebPage, title: String, status: HTTPResponse.Status = .ok
    ) -> Response {
        let user = page.user
        let layout = LayoutModel(
            t: catalogues[page.locale] ?? Catalogue([:]), lang: page.locale, title: title, csrf: page.csrf ?? "",
            path: page.path, navCurrent: CurrentNav(path: page.path), otherLocale: page.locale == "en" ? "zh-CN" : "en",
            otherLocaleName: page.locale == "en" ? "中文" : "English",
            user: user.map {
                LayoutModel.Viewer(
                    name: $0.displayName, role: text("ui.role.\($0.role.rawValue)", page),
                    tier: $0.tier?.rawValue ?? "", isAgent: $0.role == .agent, away: $0.away)
            },
            isRequester: user.map { !$0.role.isStaff } ?? false, isStaff: user?.role.isStaff ?? false,
            isManager: user?.role.seesAllTickets ?? false, isAdmin: user?.role == .admin,
            decidesExtensions: user?.role == .supervisor || user?.role == .admin, unread: page.unread,
            hasUnread: page.unread > 0)
        let html = library.render(PageContext(layout: layout, model: model), withTemplate: Model.template) ?? ""
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentLanguage] = page.locale
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
