import Foundation
import HelpdeskCore
import HelpdeskStore

extension ChannelService {
    /// A sender's id on an IM channel and the account it stands for, as an admin reads it.
    public struct IdentityView: Encodable, Sendable, Equatable {
        public var externalId: String
        public var userId: Int64
        public var username: String
        public var displayName: String
        public var external: Bool
        public var linkedAt: Date
    }

    /// An admin's link: from now on the sender's messages on this channel are this account's
    /// (an employee's own account instead of the external one intake made for the id).
    public struct IdentityCommand: Decodable, Sendable, Equatable {
        public var username: String
        public init(username: String) { self.username = username }
    }

    public func identities(_ channelId: Int64, by user: User) async throws -> [IdentityView] {
        try Authorize.admin(user, "channels")
        _ = try await imChannel(channelId)
        return try await store.imIdentities(channelId: channelId).map {
            IdentityView(
                externalId: $0.externalId, userId: $0.userId, username: $0.username, displayName: $0.displayName,
                external: $0.external, linkedAt: $0.createdAt)
        }
    }

    public func link(_ channelId: Int64, externalId: String, _ command: IdentityCommand, by user: User) async throws
        -> IdentityView
    {
        try Authorize.admin(user, "channels")
        _ = try await imChannel(channelId)
        let id = externalId.trimmingCharacters(in: .whitespaces)
        guard !id.isEmpty else { throw UseCaseError.fieldRequired(field: "externalId") }
        guard id.count <= 200, !id.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
            throw UseCaseError.invalidValue(field: "externalId")
        }
        let username = command.username.trimmingCharacters(in: .whitespaces)
        guard !username.isEmpty else { throw UseCaseError.fieldRequired(field: "username") }
        guard let account = try await store.user(username: username), account.active else {
            throw UseCaseError.invalidReference(field: "username")
        }
        let now = clock.now()
        try await store.setIMIdentity(channelId: channelId, externalId: id, userId: account.id, now: now)
        return IdentityView(
            externalId: id, userId: account.id, username: account.username, displayName: account.displayName,
            external: account.external, linkedAt: now)
    }

    public func unlink(_ channelId: Int64, externalId: String, by user: User) async throws {
        try Authorize.admin(user, "channels")
        _ = try await imChannel(channelId)
        guard try await store.unlinkIMIdentity(channelId: channelId, externalId: externalId) else {
            throw UseCaseError.notFound(resource: "im_identity")
        }
    }

    func imChannel(_ id: Int64) async throws -> IntakeChannel {
        guard let channel = try await store.channel(id: id), channel.kind.isIM else {
            throw UseCaseError.notFound(resource: "channel")
        }
        return channel
    }
}
