import Foundation

/// JSON the adapters write (answers and the platforms' message bodies): keys in snake case
/// (`receiveId` is written `receive_id`, as the platforms name them) and sorted, slashes and
/// non-ASCII left as they are.
enum IMJSON {
    static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // Strings, numbers and structs of them always encode.
        return Array((try? encoder.encode(value)) ?? Data())
    }

    /// A JSON string literal, quotes included.
    static func string(_ value: String) -> String {
        String(decoding: encode(value), as: UTF8.self)
    }
}
