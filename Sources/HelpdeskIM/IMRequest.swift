import Foundation

/// A platform's callback as it arrived: the raw body (what the platforms sign, never
/// re-serialised), the query, and the headers with lower-cased names.
public struct IMRequest: Sendable, Equatable {
    public enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
    }

    public var method: Method
    public var query: [String: String]
    public var headers: [String: String]
    public var body: [UInt8]

    public init(method: Method, query: [String: String] = [:], headers: [String: String] = [:], body: [UInt8] = []) {
        self.method = method
        self.query = query
        self.headers = Dictionary(
            headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }

    func header(_ name: String) -> String? { headers[name.lowercased()] }
}
