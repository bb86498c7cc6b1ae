import Foundation
import HelpdeskIM
import HelpdeskStore

extension ChannelService {
    /// What each IM platform needs (issue #11): its ids and secrets, all required, and an
    /// optional API base URL (http or https). Only the kind's own fields are kept.
    static func imFields(_ kind: IntakeChannel.Kind) -> [ChannelSettings.Field] {
        let fields: [IntakeChannel.Kind: [ChannelSettings.Field]] = [
            .dingtalk: [("appSecret", \.appSecret)],
            .slack: [("signingSecret", \.signingSecret), ("botToken", \.botToken)],
            .feishu: [
                ("verificationToken", \.verificationToken), ("encryptKey", \.encryptKey), ("appId", \.appId),
                ("appSecret", \.appSecret),
            ],
            .wecom: [
                ("token", \.token), ("encodingAESKey", \.encodingAESKey), ("corpId", \.corpId), ("secret", \.secret),
            ],
        ]
        return fields[kind] ?? []
    }

    static func checkedIM(_ settings: ChannelSettings, kind: IntakeChannel.Kind) throws -> ChannelSettings {
        var copy = ChannelSettings()
        for (name, key) in imFields(kind) {
            guard let value = settings[keyPath: key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
                throw UseCaseError.fieldRequired(field: "settings.\(name)")
            }
            guard value.count <= 500, !value.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
                throw UseCaseError.invalidValue(field: "settings.\(name)")
            }
            copy[keyPath: key] = value
        }
        if kind == .wecom, WeComCipher(encodingAESKey: copy.encodingAESKey ?? "") == nil {
            throw UseCaseError.invalidValue(field: "settings.encodingAESKey")
        }
        if let base = settings.apiBaseUrl?.trimmingCharacters(in: .whitespaces), !base.isEmpty {
            guard base.count <= 500, let url = URL(string: base), ["http", "https"].contains(url.scheme ?? ""),
                url.host?.isEmpty == false
            else { throw UseCaseError.invalidValue(field: "settings.apiBaseUrl") }
            copy.apiBaseUrl = normalizedBase(base)
        }
        return copy
    }
}
