import Crypto
import Foundation
import _CryptoExtras

/// WeCom's message encryption: AES-256-CBC, key = Base64(EncodingAESKey + "="), IV = the key's
/// first 16 bytes, PKCS#7 padding to a multiple of 32 bytes; the plaintext is 16 random bytes,
/// the message's length (4 bytes, network order), the message and the receiver's id (the corp id).
public struct WeComCipher: Sendable {
    let key: [UInt8]

    /// Nil unless the EncodingAESKey is 43 characters of Base64 for 32 bytes.
    public init?(encodingAESKey: String) {
        guard encodingAESKey.count == 43, let key = Data(base64Encoded: encodingAESKey + "="), key.count == 32 else {
            return nil
        }
        self.key = Array(key)
    }

    public func decrypt(_ base64: String) throws -> (message: [UInt8], receiveId: String) {
        guard let data = Data(base64Encoded: base64), !data.isEmpty, data.count % 32 == 0 else {
            throw IMRejection.signature
        }
        let plain: [UInt8]
        do {
            plain = Array(
                try AES._CBC.decrypt(
                    data, using: SymmetricKey(data: key), iv: try AES._CBC.IV(ivBytes: key.prefix(16)), noPadding: true)
            )
        } catch {
            throw IMRejection.signature
        }
        guard let pad = plain.last, (1...32).contains(pad), plain.count >= Int(pad) + 20 else {
            throw IMRejection.signature
        }
        let body = plain.dropLast(Int(pad))
        let length = body.dropFirst(16).prefix(4).reduce(0) { $0 << 8 | Int($1) }
        guard body.count >= 20 + length else { throw IMRejection.signature }
        let message = Array(body.dropFirst(20).prefix(length))
        let receiveId = String(decoding: body.dropFirst(20 + length), as: UTF8.self)
        return (message, receiveId)
    }

    /// The platform's side (tests and the local fake).
    public func encrypt(_ message: [UInt8], receiveId: String, random: [UInt8]) throws -> String {
        let length = UInt32(message.count)
        var plain = Array(random.prefix(16))
        plain += [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
        plain += message + Array(receiveId.utf8)
        let pad = 32 - plain.count % 32
        plain += Array(repeating: UInt8(pad), count: pad)
        return try AES._CBC.encrypt(
            plain, using: SymmetricKey(data: key), iv: try AES._CBC.IV(ivBytes: key.prefix(16)), noPadding: true
        ).base64EncodedString()
    }
}
