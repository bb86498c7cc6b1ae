import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// glibc's iconv (Debian ships every converter): the one place charsets become text.
/// Foundation's charset lookup is not used: on Linux it returns nil for `gb2312` and maps
/// Big5 HKSCS characters to private use (docs in /work/shared/notes).
enum Iconv {
    /// The decoded text, and whether some bytes were not valid in the charset (each such byte
    /// became U+FFFD). Nil when iconv does not know the charset.
    static func decode(_ bytes: [UInt8], from charset: String) -> (text: String, lossy: Bool)? {
        let descriptor = iconv_open("UTF-8", charset)
        guard let descriptor, descriptor != invalidDescriptor else { return nil }
        defer { iconv_close(descriptor) }
        if bytes.isEmpty { return ("", false) }
        var output = [UInt8]()
        output.reserveCapacity(bytes.count * 2)
        var lossy = false
        var buffer = [UInt8](repeating: 0, count: max(64, bytes.count * 4))
        bytes.withUnsafeBufferPointer { input in
            var offset = 0
            while offset < input.count {
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(
                    mutating: input.baseAddress! + offset
                ).assumingMemoryBound(to: CChar.self)
                var inLeft = input.count - offset
                let produced: Int
                let result: Int
                let failure: Int32
                (produced, result, failure) = buffer.withUnsafeMutableBufferPointer { out in
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out.baseAddress!)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = out.count
                    let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    return (out.count - outLeft, result, result == -1 ? errno : 0)
                }
                output.append(contentsOf: buffer[0..<produced])
                offset = input.count - inLeft
                if result != -1 { break }
                if failure == E2BIG { continue }
                // EILSEQ (invalid) or EINVAL (cut off at the end): one replacement, skip a byte.
                lossy = true
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                offset += 1
                _ = iconv(descriptor, nil, nil, nil, nil)
            }
        }
        return (String(decoding: output, as: UTF8.self), lossy)
    }

    private static var invalidDescriptor: UnsafeMutableRawPointer? { UnsafeMutableRawPointer(bitPattern: -1) }
}
