import HummingbirdBcrypt
import NIOCore
import NIOPosix

/// bcrypt on NIO's thread pool, never on a request's task.
public enum PasswordHashing {
    public static let cost: UInt8 = 10
    /// Verified against when the user does not exist, so timing does not reveal usernames.
    static let dummyHash = Bcrypt.hash("not-a-real-password", cost: cost)

    public static func hash(_ password: String) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Sign-ins verify through this gate: as many at once as there are cores, and a queue of a
    /// few seconds' work (a verification takes about 50 ms) before refusing outright. A
    /// morning's rush of real sign-ins fits; a flood waits or is refused, never piles up.
    static let verifyGate = ConcurrencyGate(width: System.coreCount, queueLimit: 128)

    /// Throws ``ConcurrencyGate/Full`` when too many verifications are already waiting.
    static func verify(_ password: String, against hash: String?) async throws -> Bool {
        try await verifyGate.run { try await verifyNow(password, against: hash) }
    }

    private static func verifyNow(_ password: String, against hash: String?) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive {
            guard let hash else {
                _ = Bcrypt.verify(password, hash: dummyHash)
                return false
            }
            return Bcrypt.verify(password, hash: hash)
        }
    }
}
