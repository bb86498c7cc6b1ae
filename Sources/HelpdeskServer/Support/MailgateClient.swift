import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// What `helpdesk mailgate` does with one message from an MTA's pipe: post it to the server's
/// mailgate endpoint and answer with a sysexits code the MTA understands. 0 only once the
/// server said the raw message is stored (a quarantined message is stored too); 75
/// (EX_TEMPFAIL: the MTA keeps the message and retries) when the server is unreachable, slow
/// or answers 5xx or 429; 77 (EX_NOPERM) for a refused token; 65 (EX_DATAERR) for any other
/// refusal (the MTA bounces it).
public enum MailgateClient {
    public static let ok: Int32 = 0
    public static let dataError: Int32 = 65
    public static let tempFail: Int32 = 75
    public static let noPermission: Int32 = 77

    public static func exitCode(status: Int?) -> Int32 {
        guard let status else { return tempFail }
        switch status {
        case 200..<300: return ok
        case 401, 403, 404: return noPermission
        case 408, 429, 500...: return tempFail
        default: return dataError
        }
    }

    /// Posts `message` to `{base}/api/v1/channels/{channel}/mail`; nil status when no answer came.
    public static func post(base: URL, channel: Int64, token: String, message: Data, timeout: TimeInterval = 60)
        async -> (code: Int32, detail: String)
    {
        let url = base.appendingPathComponent("api/v1/channels/\(channel)/mail")
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("message/rfc822", forHTTPHeaderField: "Content-Type")
        request.httpBody = message
        do {
            let (data, response) = try await URLSession.shared.data(for: request)
            let status = (response as? HTTPURLResponse)?.statusCode
            return (
                exitCode(status: status),
                "\(status.map(String.init) ?? "-") \(String(decoding: data.prefix(500), as: UTF8.self))"
            )
        } catch {
            return (tempFail, "unreachable: \(error.localizedDescription)")
        }
    }
}
