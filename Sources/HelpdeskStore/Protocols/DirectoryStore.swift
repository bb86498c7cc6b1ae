import Foundation
import HelpdeskCore

/// Users, API tokens, support groups and the category tree. Part of ``HelpdeskStore``.
public protocol DirectoryStore: Sendable {
    func createUser(_ user: User, passwordHash: String, now: Date) async throws -> User
    func updateUser(_ user: User, passwordHash: String?) async throws -> User
    /// Changes only the user's language, so a cached copy of the user never writes back
    /// other fields an administrator changed meanwhile.
    func setLocale(userId: Int64, locale: String) async throws
    /// Changes only whether the engineer is away (R4.1), like ``setLocale(userId:locale:)``.
    func setAway(userId: Int64, away: Bool) async throws
    func user(id: Int64) async throws -> User?
    func credentials(username: String) async throws -> (user: User, passwordHash: String)?
    func users(role: Role?, groupId: Int64?) async throws -> [User]
    /// Every non-requester account, active or not: the names a queue or ticket page shows.
    func staff() async throws -> [User]
    func userCount() async throws -> Int
    /// The departments of active users, each once: the audiences a broadcast may name.
    func departments() async throws -> [String]
    /// The account with this username, active or not.
    func user(username: String) async throws -> User?
    func storeToken(digest: String, userId: Int64, createdAt: Date, expiresAt: Date) async throws
    func user(tokenDigest: String, now: Date) async throws -> User?
    func revokeToken(digest: String, at: Date) async throws

    func groups() async throws -> [SupportGroup]
    func saveGroup(_ group: SupportGroup, now: Date) async throws -> SupportGroup
    func categories() async throws -> [TicketCategory]
    func category(id: Int64) async throws -> TicketCategory?
    func saveCategory(_ category: TicketCategory) async throws -> TicketCategory
}
