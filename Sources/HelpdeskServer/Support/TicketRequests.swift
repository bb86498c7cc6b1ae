import Foundation
import HelpdeskUseCases
import Hummingbird

extension Request {
    /// The ticket in the path and the version in `If-Match` (`"3"`, `W/"3"` or `3`), if sent.
    func ticketRef(_ context: HelpdeskRequestContext) throws -> TicketRef {
        let number = try context.parameters.require("number")
        guard let header = headers[.ifMatch]?.trimmingCharacters(in: .whitespaces), header != "*" else {
            return TicketRef(number: number)
        }
        let digits = header.replacingOccurrences(of: "W/", with: "").trimmingCharacters(
            in: CharacterSet(charactersIn: "\""))
        guard let version = Int(digits), version > 0 else { throw APIError.invalidParameter("If-Match") }
        return TicketRef(number: number, expectedVersion: version)
    }
}
