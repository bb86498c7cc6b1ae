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
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".mustache") }
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

    /// A whole page: the template's data plus the layout's (language, user, navigation, CSRF token).
    func page(
        _ template: String, _ page: WebPage, title: String, _ data: [String: Any] = [:],
        status: HTTPResponse.Status = .ok
    ) -> Response {
        var context = data
        context["t"] = catalogues[page.locale] ?? Catalogue([:])
        context["lang"] = page.locale
        context["title"] = title
        context["csrf"] = page.csrf ?? ""
        context["path"] = page.path
        context["otherLocale"] = page.locale == "en" ? "zh-CN" : "en"
        context["otherLocaleName"] = page.locale == "en" ? "中文" : "English"
        if let user = page.user {
            context["user"] = [
                "name": user.displayName, "role": text("ui.role.\(user.role.rawValue)", page),
                "tier": user.tier?.rawValue ?? "",
            ]
            context["isRequester"] = !user.role.isStaff
            context["isStaff"] = user.role.isStaff
            context["isManager"] = user.role.seesAllTickets
            context["isAdmin"] = user.role == .admin
        }
        let html = library.render(context, withTemplate: template) ?? ""
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentLanguage] = page.locale
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
