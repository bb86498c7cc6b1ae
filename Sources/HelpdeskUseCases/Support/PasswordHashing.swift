import HummingbirdBcrypt
import NIOPosix

/// bcrypt on NIO's thread pool, never on a request's task.
public enum PasswordHashing {
    public static let cost: UInt8 = 10
    /// Verified against when the user does not exist, so timing does not reveal usernames.
    static let dummyHash = Bcrypt.hash("not-a-real-password", cost: cost)

    public static func hash(_ password: String) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    static func verify(_ password: String, against hash: String?) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive {
            guard let hash else {
                _ = Bcrypt.verify(password, hash: dummyHash)
                return false
            }
            return Bcrypt.verify(password, hash: hash)
        }
    }
}
