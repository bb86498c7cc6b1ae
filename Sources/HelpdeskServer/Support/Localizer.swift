import Foundation
import HelpdeskCore

/// The localisation catalogue: every user-visible string by key, zh-CN first, English second.
public struct Localizer: Sendable {
    public static let supported = User.locales
    public static let fallback = User.locales[0]
    private let catalogues: [String: [String: String]]

    public init(catalogues: [String: [String: String]]) {
        self.catalogues = catalogues
    }

    /// Loads `Resources/locales/<locale>.json` from the module bundle.
    public static func bundled() throws -> Localizer {
        var catalogues: [String: [String: String]] = [:]
        for locale in supported {
            guard
                let url = Bundle.module.url(
                    forResource: locale, withExtension: "json", subdirectory: "Resources/locales")
            else { throw LocalizerError.missingCatalogue(locale) }
            catalogues[locale] = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
        }
        return Localizer(catalogues: catalogues)
    }

    /// `key` in `locale` with `{name}` placeholders replaced; falls back to zh-CN, then the key.
    public func text(_ key: String, locale: String, _ arguments: [String: String] = [:]) -> String {
        let template = catalogues[locale]?[key] ?? catalogues[Self.fallback]?[key] ?? key
        guard !arguments.isEmpty, template.contains("{") else { return template }
        // One pass over the template; an unknown `{name}` is kept as written.
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            result += arguments[name] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The keys a locale's catalogue defines.
    func keys(_ locale: String) -> Set<String> { Set(catalogues[locale]?.keys ?? [:].keys) }

    /// Picks the best supported locale from an explicit choice or an `Accept-Language` header.
    public static func negotiate(explicit: String?, acceptLanguage: String?) -> String {
        for candidate in [explicit, acceptLanguage].compactMap({ $0 }) {
            let tags = candidate.split(separator: ",").map {
                $0.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            }
            for tag in tags {
                if tag.hasPrefix("zh") { return "zh-CN" }
                if tag.hasPrefix("en") { return "en" }
            }
        }
        return fallback
    }
}

enum LocalizerError: Error {
    case missingCatalogue(String)
}
