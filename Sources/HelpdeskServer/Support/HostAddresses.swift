import Foundation
import NIOPosix

#if canImport(Glibc)
    import Glibc
#endif

/// The addresses a host name resolves to, as the system resolver gives them (getaddrinfo on
/// the thread pool: it blocks). A webhook is checked at delivery too, so a name that points
/// at an internal address (DNS rebinding, `127.0.0.1.nip.io`) is refused like a literal one.
enum HostAddresses {
    static func resolve(_ host: String) async throws -> [[UInt8]] {
        try await NIOThreadPool.singleton.runIfActive {
            var hints = addrinfo()
            hints.ai_family = AF_UNSPEC
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            var list: UnsafeMutablePointer<addrinfo>?
            guard getaddrinfo(host, nil, &hints, &list) == 0 else { return [] }
            defer { freeaddrinfo(list) }
            var addresses: [[UInt8]] = []
            var cursor = list
            while let info = cursor?.pointee {
                if info.ai_family == AF_INET, let raw = info.ai_addr {
                    raw.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
                        withUnsafeBytes(of: address.pointee.sin_addr) { addresses.append(Array($0)) }
                    }
                } else if info.ai_family == AF_INET6, let raw = info.ai_addr {
                    raw.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
                        withUnsafeBytes(of: address.pointee.sin6_addr) { addresses.append(Array($0)) }
                    }
                }
                cursor = info.ai_next
            }
            return addresses
        }
    }
}
