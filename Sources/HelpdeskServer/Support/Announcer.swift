#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a line for the operator straight to a file descriptor with write(2), bypassing
/// stdio's buffer: when stdout is a pipe or a file (systemd, containers, `| tee`) a `print`
/// sits in the buffer while the server runs, and the generated admin password never shows.
public struct Announcer: Sendable {
    let descriptor: Int32

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    public static let standardOutput = Announcer(descriptor: 1)

    public func say(_ line: String) {
        var bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}
