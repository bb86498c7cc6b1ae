import Foundation

/// An HTTP request to a platform's API, built here and sent by the server.
public struct IMHTTPRequest: Sendable, Equatable {
    public var method: String
    public var url: URL
    public var headers: [String: String]
    public var body: [UInt8]

    public init(method: String, url: URL, headers: [String: String] = [:], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    static func json(_ url: URL, _ body: some Encodable, bearer: String? = nil) -> IMHTTPRequest {
        var headers = ["Content-Type": "application/json; charset=utf-8"]
        if let bearer { headers["Authorization"] = "Bearer \(bearer)" }
        return IMHTTPRequest(method: "POST", url: url, headers: headers, body: IMJSON.encode(body))
    }
}

/// A platform did not take a message. `permanent` when trying again cannot help (DingTalk's
/// session webhook expired, a WeCom message without its application).
public struct IMSendError: Error, Equatable, CustomStringConvertible {
    public var description: String
    public var permanent: Bool

    public init(_ description: String, permanent: Bool = false) {
        self.description = description
        self.permanent = permanent
    }
}
