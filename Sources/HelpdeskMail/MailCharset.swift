import Foundation

/// Turns mail bytes into text. Labels Chinese mail gets wrong are widened the way the WHATWG
/// encoding standard does (`gb2312`, `gbk`, … are GB18030; `big5` is Big5-HKSCS); unlabelled
/// bytes are UTF-8 when valid, else GB18030 or Big5 by score, never Latin-1.
public enum MailCharset {
    /// The iconv name a label is decoded with.
    public static func canonical(_ label: String) -> String {
        let name = label.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            .lowercased()
        switch name {
        case "gb2312", "euc-cn", "x-euc-cn", "gbk", "x-gbk", "cp936", "ms936", "windows-936", "gb_2312-80",
            "csgb2312", "chinese", "iso-ir-58", "csiso58gb231280", "gb18030", "x-gb18030":
            return "GB18030"
        case "big5", "big-5", "cn-big5", "x-x-big5", "csbig5", "big5-hkscs", "x-big5", "cp950", "windows-950":
            return "BIG5-HKSCS"
        case "utf8", "utf-8", "x-utf8", "unicode-1-1-utf-8": return "UTF-8"
        case "ks_c_5601-1987", "euc-kr", "ks_c_5601": return "CP949"
        case "shift_jis", "x-sjis", "sjis", "windows-31j": return "CP932"
        default: return name.uppercased()
        }
    }

    /// Text for bytes labelled `label` (nil or unknown to iconv: guessed). ASCII-labelled bytes
    /// that are not ASCII are guessed too: mailers label 8-bit Chinese `us-ascii` often enough.
    public static func decode(_ bytes: [UInt8], label: String?) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        if let label, !label.isEmpty {
            let name = canonical(label)
            if !["US-ASCII", "ASCII", "ANSI_X3.4-1968"].contains(name), let decoded = Iconv.decode(bytes, from: name) {
                if !decoded.lossy || name != "UTF-8" { return decoded.text }
                // Labelled UTF-8 but not UTF-8: fall through to the guess.
            }
        }
        return guess(bytes)
    }

    /// Unlabelled bytes: UTF-8 if valid, else GB18030 or Big5-HKSCS by score.
    public static func guess(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let charset = chineseScore(bytes)
        if let decoded = Iconv.decode(bytes, from: charset), !decoded.lossy { return decoded.text }
        let other = charset == "GB18030" ? "BIG5-HKSCS" : "GB18030"
        if let decoded = Iconv.decode(bytes, from: other), !decoded.lossy { return decoded.text }
        return Iconv.decode(bytes, from: charset)?.text ?? String(decoding: bytes, as: UTF8.self)
    }

    /// Which of the two Chinese charsets the bytes read as. Big5 puts about two in five
    /// characters' second byte in 0x40–0x7E, where GB2312's characters never do (GBK's additions
    /// do, but they are rare traditional forms); GB18030's four-byte forms (second byte a digit)
    /// do not exist in Big5.
    static func chineseScore(_ bytes: [UInt8]) -> String {
        var doubles = 0
        var lowTrail = 0
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            guard lead >= 0x81, lead <= 0xFE, index + 1 < bytes.count else {
                index += 1
                continue
            }
            let trail = bytes[index + 1]
            if (0x30...0x39).contains(trail) { return "GB18030" }
            doubles += 1
            if (0x40...0x7E).contains(trail) { lowTrail += 1 }
            index += 2
        }
        guard doubles > 0 else { return "GB18030" }
        return lowTrail * 10 > doubles ? "BIG5-HKSCS" : "GB18030"
    }
}
