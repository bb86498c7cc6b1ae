import HelpdeskCore
import Hummingbird

extension Request {
    /// The language of the answer: `?lang=`, else `Accept-Language`, else the user's own.
    func locale(for user: User?) -> String {
        Localizer.negotiate(
            explicit: uri.queryParameters.get("lang"), acceptLanguage: headers[.acceptLanguage] ?? user?.locale)
    }
}
