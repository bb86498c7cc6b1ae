import HummingbirdBcrypt
import NIOCore
import NIOPosix
import Synchronization

/// bcrypt on NIO's thread pool, never on a request's task.
public enum PasswordHashing {
    public static let defaultCost: UInt8 = 10
    private static let costSetting = Atomic<UInt8>(defaultCost)
    /// The cost new hashes get; a hash verifies at the cost it was made with.
    public static var cost: UInt8 { costSetting.load(ordering: .relaxed) }
    /// Verified against when the user does not exist, so timing does not reveal usernames: made
    /// at the cost new hashes get, once per cost.
    private static let dummyHashes = Mutex<[UInt8: String]>([:])
    static var dummyHash: String {
        let cost = cost
        if let hash = dummyHashes.withLock({ $0[cost] }) { return hash }
        let hash = Bcrypt.hash("not-a-real-password", cost: cost)
        return dummyHashes.withLock { hashes in
            if let first = hashes[cost] { return first }
            hashes[cost] = hash
            return hash
        }
    }

    /// For test processes only, which sign hundreds of users in at once on a small machine:
    /// bcrypt's minimum cost (4) keeps their verifications from queueing past the gate's limit.
    public static func useCost(_ cost: UInt8) {
        costSetting.store(min(max(cost, 4), 31), ordering: .relaxed)
    }

    public static func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Sign-ins verify through this gate: as many at once as there are cores, and a queue of a
    /// few seconds' work (a verification takes about 50 ms) before refusing outright. A
    /// morning's rush of real sign-ins fits; a flood waits or is refused, never piles up.
    public static let defaultQueueLimit = 128
    private static let gate = Mutex(ConcurrencyGate(width: System.coreCount, queueLimit: defaultQueueLimit))
    static var verifyGate: ConcurrencyGate { gate.withLock { $0 } }

    /// For test processes only, whose hundreds of parallel tests sign in at once on a 2-core
    /// machine and would otherwise be refused as a flood: a longer queue before the gate refuses.
    public static func useVerifyQueue(limit: Int) {
        gate.withLock { current in
            guard current.queueLimit != limit else { return }
            current = ConcurrencyGate(width: System.coreCount, queueLimit: limit)
        }
    }

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
