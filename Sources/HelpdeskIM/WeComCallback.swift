import Crypto
import Foundation

/// WeCom's application callback: `msg_signature = hex(SHA-1(sorted(token, timestamp, nonce,
/// ciphertext) joined))` in the query, the ciphertext in the body's `<Encrypt>` (POST) or in
/// `echostr` (the GET that verifies the URL, answered with the decrypted echo). The decrypted
/// receiver must be the channel's corp id. WeCom names no window: an hour is the desk's choice.
public enum WeComCallback {
    public static let window: TimeInterval = 3600

    public static func signature(token: String, timestamp: String, nonce: String, encrypted: String) -> String {
        let joined = [token, timestamp, nonce, encrypted].sorted {
            Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8))
        }
        .joined()
        return IMBytes.hex(Insecure.SHA1.hash(data: Data(joined.utf8)))
    }

    public static func verify(_ request: IMRequest, token: String, encodingAESKey: String, corpId: String, now: Date)
        throws -> IMEvent
    {
        guard !token.isEmpty, !corpId.isEmpty, let cipher = WeComCipher(encodingAESKey: encodingAESKey),
            let signature = request.query["msg_signature"], let timestamp = request.query["timestamp"]
        else { throw IMRejection.signature }
        let nonce = request.query["nonce"] ?? ""
        try IMBytes.checkWindow(timestamp, now: now, window: window)
        let encrypted: String
        switch request.method {
        case .get:
            // A `+` of the Base64 echo arrives as a space when the URL was form-decoded.
            guard let echo = request.query["echostr"] else { throw IMRejection.malformed("echostr") }
            encrypted = echo.replacingOccurrences(of: " ", with: "+")
        case .post:
            guard let value = FlatXML.elements(String(decoding: request.body, as: UTF8.self))["Encrypt"] else {
                throw IMRejection.malformed("Encrypt")
            }
            encrypted = value
        }
        let expected = Self.signature(token: token, timestamp: timestamp, nonce: nonce, encrypted: encrypted)
        guard IMBytes.constantTimeEqual(signature.lowercased(), expected) else { throw IMRejection.signature }
        let (message, receiveId) = try cipher.decrypt(encrypted)
        guard IMBytes.constantTimeEqual(receiveId, corpId) else { throw IMRejection.signature }
        if request.method == .get { return .answer(.text(String(decoding: message, as: UTF8.self))) }
        let fields = FlatXML.elements(String(decoding: message, as: UTF8.self))
        guard fields["MsgType"] == "text", let sender = fields["FromUserName"], let id = fields["MsgId"] else {
            return .ignored
        }
        let text = (fields["Content"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return .ignored }
        return .message(
            IMInboundMessage(
                platform: .wecom, eventId: id, conversationId: sender, senderId: sender, text: text,
                agentId: fields["AgentID"],
                sentAt: fields["CreateTime"].flatMap(Double.init).map(Date.init(timeIntervalSince1970:))))
    }
}
