import Foundation

/// RFC 2047 encoded words (`=?charset?B|Q?text?=`) in header text that is already text.
/// Adjacent words (only white space between them) are joined: their bytes are concatenated
/// per charset before decoding, so a multibyte character split across two words decodes, and
/// a base64 word cut short of its quantum is joined with the next one's text.
public enum EncodedWords {
    struct Word {
        var charset: String
        var encoding: Character
        var text: Substring
        var range: Range<String.Index>
    }

    public static func decode(_ value: String, charsetHint: String? = nil) -> String {
        let words = scan(value)
        guard !words.isEmpty else { return value }
        var result = ""
        var cursor = value.startIndex
        var index = 0
        while index < words.count {
            result += value[cursor..<words[index].range.lowerBound]
            // The run of adjacent words with one charset.
            var run = [words[index]]
            var next = index + 1
            while next < words.count,
                value[run.last!.range.upperBound..<words[next].range.lowerBound].allSatisfy(\.isWhitespace)
            {
                if words[next].charset.lowercased() != run[0].charset.lowercased() { break }
                run.append(words[next])
                next += 1
            }
            result += MailCharset.decode(bytes(of: run), label: run[0].charset)
            cursor = run.last!.range.upperBound
            // White space between this run and a following adjacent word of another charset goes too.
            if next < words.count, value[cursor..<words[next].range.lowerBound].allSatisfy(\.isWhitespace) {
                cursor = words[next].range.lowerBound
            }
            index = next
        }
        result += value[cursor...]
        return result
    }

    static func bytes(of run: [Word]) -> [UInt8] {
        var output = [UInt8]()
        var pendingBase64 = ""
        for word in run {
            if word.encoding == "B" {
                pendingBase64 += word.text
                let meaningful = pendingBase64.filter { $0 != "=" }.count
                if pendingBase64.contains("=") || meaningful % 4 == 0 {
                    output += TransferEncoding.base64(Array(pendingBase64.utf8))
                    pendingBase64 = ""
                }
            } else {
                if !pendingBase64.isEmpty {
                    output += TransferEncoding.base64(Array(pendingBase64.utf8))
                    pendingBase64 = ""
                }
                output += TransferEncoding.quotedPrintable(Array(word.text.utf8), underscoreIsSpace: true)
            }
        }
        if !pendingBase64.isEmpty { output += TransferEncoding.base64(Array(pendingBase64.utf8)) }
        return output
    }

    static func scan(_ value: String) -> [Word] {
        var words = [Word]()
        var search = value.startIndex
        while let start = value[search...].range(of: "=?") {
            guard let word = parseWord(value, from: start.lowerBound) else {
                search = start.upperBound
                continue
            }
            words.append(word)
            search = word.range.upperBound
        }
        return words
    }

    /// `=?charset[*lang]?enc?text?=` starting at `start`, or nil.
    static func parseWord(_ value: String, from start: String.Index) -> Word? {
        let afterOpen = value.index(start, offsetBy: 2)
        guard let firstMark = value[afterOpen...].firstIndex(of: "?") else { return nil }
        let charsetPart = value[afterOpen..<firstMark]
        guard !charsetPart.isEmpty, charsetPart.allSatisfy({ !$0.isWhitespace && $0 != "=" }) else { return nil }
        let encodingIndex = value.index(after: firstMark)
        guard encodingIndex < value.endIndex else { return nil }
        let encoding = Character(value[encodingIndex].uppercased())
        guard encoding == "B" || encoding == "Q" else { return nil }
        let secondMark = value.index(after: encodingIndex)
        guard secondMark < value.endIndex, value[secondMark] == "?" else { return nil }
        let textStart = value.index(after: secondMark)
        guard let close = value[textStart...].range(of: "?=") else { return nil }
        let text = value[textStart..<close.lowerBound]
        guard !text.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "?" }) else { return nil }
        let charset = charsetPart.split(separator: "*", maxSplits: 1).first.map(String.init) ?? String(charsetPart)
        return Word(charset: charset, encoding: encoding, text: text, range: start..<close.upperBound)
    }
}
