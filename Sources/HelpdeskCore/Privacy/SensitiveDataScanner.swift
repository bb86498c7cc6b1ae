import Foundation

/// A finding in character offsets (`Array(text)` positions), before overlaps are resolved.
struct SensitiveSpan: Sendable, Equatable {
    var kind: SensitiveDataKind
    var lower: Int
    var upper: Int
}

/// One pass over a text's characters that collects every candidate finding (R9.4).
///
/// Each character is reduced to one scalar (`\r\n` to `\n`, any other multi-scalar character to
/// U+FFFD), so that a digit followed by a combining mark is no digit and all tests are integer
/// comparisons. Every rule looks at a bounded window or at one run of characters, so the pass is
/// linear in the text's length. Candidates may overlap; `SensitiveDataDetector` resolves them.
struct SensitiveDataScanner {
    private let codes: [Unicode.Scalar]
    private(set) var spans: [SensitiveSpan] = []
    /// The end of the furthest credential found so far. Labels inside a credential are not looked
    /// at again: their value would end where the enclosing one does, and reading it again for each
    /// would make a text such as `_token=_token=…` quadratic.
    private var credentialEnd = 0

    init(codes: [Unicode.Scalar]) {
        self.codes = codes
    }

    /// The scalar that stands for one character in the scan.
    static func code(for character: Character) -> Unicode.Scalar {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let only = scalars.first { return only }
        return character.isNewline ? "\n" : "\u{FFFD}"
    }

    mutating func scan() {
        var offset = 0
        while offset < codes.count {
            let code = codes[offset]
            if code == "-", let end = privateKeyBlockEnd(at: offset) {
                add(.credential, offset, end)
                offset = end
                continue
            }
            if code.isLetterAZ {
                scanWord(at: offset)
            } else if code.isDigit09 || code == "+" {
                scanNumber(at: offset)
            } else if code == ":" {
                scanURLUserInfo(at: offset)
            } else if Self.chineseLabelStarts.contains(code) {
                scanChineseLabel(at: offset)
            }
            offset += 1
        }
    }

    // MARK: - Looking around

    /// The scalar at `offset`, or NUL outside the text, so that look-arounds need no bounds checks.
    private func at(_ offset: Int) -> Unicode.Scalar {
        offset >= 0 && offset < codes.count ? codes[offset] : "\u{0}"
    }

    private mutating func add(_ kind: SensitiveDataKind, _ lower: Int, _ upper: Int) {
        guard lower < upper else { return }
        if kind == .credential { credentialEnd = max(credentialEnd, upper) }
        spans.append(SensitiveSpan(kind: kind, lower: lower, upper: upper))
    }

    /// Whether `word` (lowercase ASCII) is spelled at `offset`, ignoring ASCII case.
    private func spells(_ word: [Unicode.Scalar], at offset: Int) -> Bool {
        for (index, letter) in word.enumerated() where at(offset + index).lowercasedAZ != letter {
            return false
        }
        return true
    }

    private func skipSpaces(from offset: Int) -> Int {
        var end = offset
        while at(end).isHorizontalSpace { end += 1 }
        return end
    }

    /// The end of the run of characters satisfying `belongs` that starts at `offset`.
    private func run(from offset: Int, while belongs: (Unicode.Scalar) -> Bool) -> Int {
        var end = offset
        while end < codes.count, belongs(codes[end]) { end += 1 }
        return end
    }

    private func lowercasedWord(_ lower: Int, _ upper: Int) -> String {
        var word = String.UnicodeScalarView()
        for offset in lower..<upper { word.append(at(offset).lowercasedAZ) }
        return String(word)
    }

    // MARK: - Label values

    private static let quotePairs: [Unicode.Scalar: Unicode.Scalar] = [
        "\"": "\"", "'": "'", "`": "`", "\u{201C}": "\u{201D}", "\u{2018}": "\u{2019}", "「": "」", "『": "』",
    ]
    private static let closingBrackets: [Unicode.Scalar: Unicode.Scalar] = [")": "(", "]": "[", "}": "{", ">": "<"]
    /// The longest quoted value taken whole; a longer one is read as unquoted.
    private static let maximumQuotedLength = 1024

    private struct Value {
        var lower: Int
        var upper: Int
        var quoted: Bool
    }

    /// The value that starts at `offset`: the text inside a pair of quotes on one line (quotes
    /// excluded, spaces allowed), or else the run of printable ASCII up to whitespace, `,` `;`,
    /// full-width punctuation or any other non-ASCII character (`&` too inside a URL query).
    /// Trailing quotes and unbalanced closing brackets are left out of an unquoted value.
    private func value(at offset: Int, inQuery: Bool = false) -> Value? {
        var start = offset
        if let closing = Self.quotePairs[at(offset)] {
            var end = offset + 1
            while end < codes.count, end - offset <= Self.maximumQuotedLength, codes[end] != closing,
                !codes[end].isLineBreak
            {
                end += 1
            }
            if at(end) == closing {
                return end > offset + 1 ? Value(lower: offset + 1, upper: end, quoted: true) : nil
            }
            start += 1
        }
        var end = run(from: start) { $0.isValueCharacter && !(inQuery && $0 == "&") }
        let openings = Set(codes[start..<end].filter { Self.closingBrackets.values.contains($0) })
        while end > start {
            let last = codes[end - 1]
            if Self.quotePairs[last] != nil || Self.quotePairs.values.contains(last) {
                end -= 1
            } else if let opening = Self.closingBrackets[last], !openings.contains(opening) {
                end -= 1
            } else {
                break
            }
        }
        return end > start ? Value(lower: start, upper: end, quoted: false) : nil
    }

    /// Words that follow a label without being a secret (`password: reset`, `token: expired`,
    /// `secret: N/A`), compared ignoring ASCII case.
    private static let notSecrets: Set<String> = [
        "reset", "expired", "expire", "expires", "invalid", "incorrect", "wrong", "required", "changed",
        "change", "none", "null", "nil", "empty", "unknown", "missing", "hidden", "redacted", "masked",
        "true", "false", "yes", "no", "undefined", "forgot", "forgotten", "locked", "needed", "please",
        "n/a", "tbd", "todo", "xxx", "xxxx", "xxxxxx", "xxxxxxxx",
    ]

    /// Whether a value is worth hiding: it holds an ASCII letter or digit (`******` is no secret; a
    /// quoted value may hold any letters), it is not a placeholder such as `[已隐藏]` or `[REDACTED]`,
    /// and it is not a common word that merely follows a label. With `needsNonLetter` it must also hold a
    /// digit or symbol, for values after plain words (`password is incorrect`).
    private func isSecret(_ value: Value, needsNonLetter: Bool) -> Bool {
        var hasAlphanumeric = false
        var hasOtherLetter = false
        var lettersOnly = true
        for code in codes[value.lower..<value.upper] {
            if code.isAlnumAZ { hasAlphanumeric = true }
            if !code.isASCII, code.properties.isAlphabetic { hasOtherLetter = true }
            if !code.isLetterAZ { lettersOnly = false }
        }
        guard hasAlphanumeric || (value.quoted && hasOtherLetter) else { return false }
        if at(value.lower) == "[", at(value.upper - 1) == "]",
            codes[(value.lower + 1)..<(value.upper - 1)].allSatisfy({ $0.isLetterAZ || $0.properties.isAlphabetic })
        {
            return false  // a placeholder left by an earlier redaction: `[已隐藏]`, `[REDACTED]`
        }
        if needsNonLetter && lettersOnly { return false }
        if value.upper - value.lower <= 10,
            Self.notSecrets.contains(lowercasedWord(value.lower, value.upper))
        {
            return false
        }
        return true
    }

    private mutating func addValue(at offset: Int, inQuery: Bool = false, needsNonLetter: Bool = false) -> Bool {
        guard let value = value(at: offset, inQuery: inQuery), isSecret(value, needsNonLetter: needsNonLetter)
        else { return false }
        add(.credential, value.lower, value.upper)
        return true
    }

    // MARK: - English labels

    private enum LabelStyle {
        /// Takes `:` `=` or a phrase such as `is` or `has been reset to`.
        case plain
        /// `pass` is only a label right before `:` or `=`.
        case separatorOnly
        /// Also takes a long token after a space: `token 8f3a…`.
        case token
    }

    /// Matched ignoring case, after a word boundary, `_`, `-` or in camelCase (`DB_PASSWORD`,
    /// `clientSecret`, `refresh_token`), and only when no letter or digit follows.
    private static let englishLabelSpellings: [(String, LabelStyle)] = [
        ("password", .plain), ("passwd", .plain), ("passphrase", .plain), ("pwd", .plain),
        ("pass", .separatorOnly), ("secret", .plain), ("client_secret", .plain), ("secret_key", .plain),
        ("secretkey", .plain), ("aws_secret_access_key", .plain), ("secretaccesskey", .plain),
        ("api_key", .plain), ("apikey", .plain), ("api-key", .plain), ("private_key", .plain),
        ("privatekey", .plain), ("access_token", .token), ("token", .token),
    ]
    private static let englishLabels: [(word: [Unicode.Scalar], style: LabelStyle)] = englishLabelSpellings.map {
        (Array($0.0.unicodeScalars), $0.1)
    }

    private static let bearer = Array("bearer".unicodeScalars)
    private static let authorization = Array("authorization".unicodeScalars)
    /// Words between an English label and its value: `password is X`, `password has been reset to X`.
    private static let phraseWords: Set<String> = [
        "is", "was", "has", "have", "been", "reset", "changed", "set", "updated", "now", "to",
    ]
    /// Phrase words that a value may follow.
    private static let phraseEnds: Set<String> = ["is", "was", "now", "to"]

    /// At a letter: labels, `Bearer`, `Authorization`, AWS access key IDs and JSON Web Tokens.
    /// Words are looked for where an ASCII word or a camelCase part starts, and also after `_` or
    /// `-` (`DB_PASSWORD`, `x-api-key`, `refresh_token`, `userPassword`).
    private mutating func scanWord(at offset: Int) {
        let previous = at(offset - 1)
        let wordStart = !previous.isAlnumAZ
        guard offset >= credentialEnd,
            wordStart || (at(offset).isUpperAZ && (previous.isLowerAZ || previous.isDigit09))
        else { return }
        if wordStart {
            scanAWSAccessKey(at: offset)
            scanJSONWebToken(at: offset)
        }
        let first = at(offset).lowercasedAZ
        for label in Self.englishLabels where label.word[0] == first && spells(label.word, at: offset) {
            let end = offset + label.word.count
            if !at(end).isAlnumAZ { scanEnglishLabel(label.style, from: offset, to: end) }
        }
        if first == "b", spells(Self.bearer, at: offset), at(offset + 6).isHorizontalSpace {
            scanBearer(after: offset + 6)
        }
        if first == "a", spells(Self.authorization, at: offset), !at(offset + 13).isAlnumAZ {
            scanAuthorization(after: offset + 13)
        }
    }

    private mutating func scanEnglishLabel(_ style: LabelStyle, from lower: Int, to upper: Int) {
        var offset = upper
        if at(offset) == "\"" || at(offset) == "'" { offset += 1 }  // "password": "…"
        let afterKey = offset
        offset = skipSpaces(from: offset)
        if style != .separatorOnly, at(offset) == "是" || at(offset) == "为" {  // mixed text: `wifi password是 12345678`
            _ = addValue(at: skipSpaces(from: offset + 1))
            return
        }
        if at(offset).isSeparator {
            var valueStart = offset + 1
            if at(valueStart) == "=" || at(valueStart) == ">" { valueStart += 1 }  // := =>
            var keyStart = lower  // `?access_token=…&…` is a query whatever part of the key matched
            while lower - keyStart < 64,
                at(keyStart - 1).isAlnumAZ || at(keyStart - 1) == "_" || at(keyStart - 1) == "-"
            {
                keyStart -= 1
            }
            let inQuery = at(keyStart - 1) == "?" || at(keyStart - 1) == "&"
            _ = addValue(at: skipSpaces(from: valueStart), inQuery: inQuery)
            return
        }
        guard style != .separatorOnly, offset > afterKey else { return }
        if style == .token, scanBareToken(at: offset) { return }
        scanPhrase(at: offset)
    }

    /// `token 8f3a…`: at least 16 of `A-Za-z0-9._-` with a letter and a digit.
    private mutating func scanBareToken(at offset: Int) -> Bool {
        let end = run(from: offset) { $0.isAlnumAZ || $0 == "." || $0 == "_" || $0 == "-" }
        guard end - offset >= 16, !at(end).isValueCharacter else { return false }
        let token = codes[offset..<end]
        guard token.contains(where: \.isDigit09), token.contains(where: \.isLetterAZ) else { return false }
        add(.credential, offset, end)
        return true
    }

    /// `password is X`, `password was reset to X`: a value with a digit or symbol after the phrase.
    private mutating func scanPhrase(at offset: Int) {
        var wordStart = offset
        for _ in 0..<6 {
            let wordEnd = run(from: wordStart, while: \.isLetterAZ)
            guard wordEnd > wordStart else { return }
            let word = lowercasedWord(wordStart, wordEnd)
            guard Self.phraseWords.contains(word) else { return }
            if Self.phraseEnds.contains(word) {
                let afterColon = at(wordEnd) == ":" ? wordEnd + 1 : wordEnd
                let valueStart = skipSpaces(from: afterColon)
                if valueStart > wordEnd, addValue(at: valueStart, needsNonLetter: true) { return }
            }
            let next = skipSpaces(from: wordEnd)
            guard next > wordEnd else { return }
            wordStart = next
        }
    }

    // MARK: - Authorization headers and tokens

    private static func isTokenCharacter(_ code: Unicode.Scalar) -> Bool {
        code.isAlnumAZ || code == "-" || code == "." || code == "_" || code == "~" || code == "+" || code == "/"
            || code == "="
    }

    /// `Bearer <token>` anywhere: at least 16 token characters with a digit (or at least 32).
    private mutating func scanBearer(after offset: Int) {
        let start = skipSpaces(from: offset)
        let end = run(from: start, while: Self.isTokenCharacter)
        let length = end - start
        guard length >= 16, length >= 32 || codes[start..<end].contains(where: \.isDigit09) else { return }
        add(.credential, start, end)
    }

    /// `Authorization: Bearer <token>`, `Authorization: Basic <base64>`, or `Authorization: <token>`
    /// (the last needs a digit or symbol in the token). `Digest` parameters are left alone.
    private mutating func scanAuthorization(after offset: Int) {
        var start = offset
        if at(start) == "\"" || at(start) == "'" { start += 1 }
        start = skipSpaces(from: start)
        guard at(start).isSeparator else { return }
        start = skipSpaces(from: start + 1)
        if at(start) == "\"" || at(start) == "'" { start += 1 }
        let schemeEnd = run(from: start, while: \.isLetterAZ)
        var hasScheme = false
        if schemeEnd > start, schemeEnd - start <= 20, at(schemeEnd).isHorizontalSpace {
            // Digest parameters hold a one-time hash, not a reusable secret.
            guard lowercasedWord(start, schemeEnd) != "digest" else { return }
            start = skipSpaces(from: schemeEnd)
            hasScheme = true
        }
        let end = run(from: start, while: Self.isTokenCharacter)
        guard end - start >= 4, codes[start..<end].contains(where: \.isAlnumAZ) else { return }
        guard hasScheme || codes[start..<end].contains(where: { !$0.isLetterAZ }) else { return }
        add(.credential, start, end)
    }

    private static let awsPrefixes: [[Unicode.Scalar]] = [Array("AKIA".unicodeScalars), Array("ASIA".unicodeScalars)]

    /// `AKIA…` / `ASIA…`: the prefix and 16 uppercase letters or digits, as a whole word.
    private mutating func scanAWSAccessKey(at offset: Int) {
        guard at(offset) == "A",
            Self.awsPrefixes.contains(where: { prefix in prefix.indices.allSatisfy { at(offset + $0) == prefix[$0] } })
        else { return }
        let end = offset + 20
        guard (offset + 4..<end).allSatisfy({ at($0).isUpperAZ || at($0).isDigit09 }), !at(end).isAlnumAZ
        else { return }
        add(.credential, offset, end)
    }

    private static func isBase64URLCharacter(_ code: Unicode.Scalar) -> Bool {
        code.isAlnumAZ || code == "-" || code == "_"
    }

    /// A JSON Web Token: `eyJ…` header and `eyJ…` payload of at least 10 characters each, then `.signature`.
    private mutating func scanJSONWebToken(at offset: Int) {
        guard at(offset) == "e", at(offset + 1) == "y", at(offset + 2) == "J", at(offset - 1) != "-",
            at(offset - 1) != "_"
        else { return }
        let headerEnd = run(from: offset, while: Self.isBase64URLCharacter)
        let payload = headerEnd + 1
        guard headerEnd - offset >= 10, at(headerEnd) == ".", at(payload) == "e", at(payload + 1) == "y",
            at(payload + 2) == "J"
        else { return }
        let payloadEnd = run(from: payload, while: Self.isBase64URLCharacter)
        guard payloadEnd - payload >= 10, at(payloadEnd) == "." else { return }
        add(.credential, offset, run(from: payloadEnd + 1, while: Self.isBase64URLCharacter))
    }

    /// `scheme://user:password@host`: the password.
    private mutating func scanURLUserInfo(at offset: Int) {
        guard at(offset + 1) == "/", at(offset + 2) == "/", at(offset - 1).isLetterAZ else { return }
        let start = offset + 3
        var end = start
        var colon: Int?
        while end - start < Self.maximumQuotedLength, at(end).isValueCharacter, at(end) != "/", at(end) != "?",
            at(end) != "#", at(end) != "@"
        {
            if colon == nil, at(end) == ":" { colon = end }
            end += 1
        }
        guard at(end) == "@", let colon else { return }
        add(.credential, colon + 1, end)
    }

    private static let pemBegin = Array("-----BEGIN ".unicodeScalars)
    private static let pemEnd = Array("-----END ".unicodeScalars)
    private static let pemDashes = Array("-----".unicodeScalars)
    private static let privateKey = Array("PRIVATE KEY".unicodeScalars)

    private func matches(_ literal: [Unicode.Scalar], at offset: Int) -> Bool {
        literal.indices.allSatisfy { at(offset + $0) == literal[$0] }
    }

    /// Where a `-----…-----` armour line that starts at `offset` ends, if its label says PRIVATE KEY.
    private func privateKeyArmourEnd(at offset: Int, opening: [Unicode.Scalar]) -> Int? {
        guard matches(opening, at: offset) else { return nil }
        var end = offset + opening.count
        var sawPrivateKey = false
        while end - offset < 80, !at(end).isLineBreak, at(end) != "\u{0}" {
            if matches(Self.pemDashes, at: end) { return sawPrivateKey ? end + Self.pemDashes.count : nil }
            if matches(Self.privateKey, at: end) { sawPrivateKey = true }
            end += 1
        }
        return nil
    }

    /// A PEM private key: from `-----BEGIN … PRIVATE KEY-----` through the next
    /// `-----END … PRIVATE KEY-----`, or to the end of the text if there is none.
    private func privateKeyBlockEnd(at offset: Int) -> Int? {
        guard let headerEnd = privateKeyArmourEnd(at: offset, opening: Self.pemBegin) else { return nil }
        var cursor = headerEnd
        while cursor < codes.count {
            if codes[cursor] == "-", let footerEnd = privateKeyArmourEnd(at: cursor, opening: Self.pemEnd) {
                return footerEnd
            }
            cursor += 1
        }
        return codes.count
    }

    // MARK: - Chinese labels

    private static let chineseLabels: [(Unicode.Scalar, Unicode.Scalar)] = [
        ("密", "码"), ("口", "令"), ("密", "钥"), ("私", "钥"), ("令", "牌"),
    ]
    private static let chineseLabelStarts: Set<Unicode.Scalar> = Set(chineseLabels.map(\.0))
    /// Brackets and quotes that may close a label: `【密码】：…`, `"密码"：…`.
    private static let labelClosers: Set<Unicode.Scalar> = [")", "）", "]", "】", "」", "\"", "'", "\u{201D}"]
    /// Characters of the words that may stand between a label and its separator: 已经, 都, 也, 就,
    /// 还, 仍, 统一, 重置, 修改, 改, 设置, 设, 变更, 更新, 被, 默认, 初始化, 暂时, 临时
    /// (`密码已重置为 Abc123`, `初始密码统一设为 Abc123`).
    private static let chineseConnectives: Set<Unicode.Scalar> = [
        "已", "经", "都", "也", "就", "还", "仍", "统", "一", "重", "置", "修", "改", "设", "变", "更", "新", "被",
        "默", "认", "初", "始", "化", "暂", "时", "临",
    ]

    /// `密码：X`, `密码是 X`, `口令=X`, `密码已重置为 X`: a label, an explicit separator, then the value.
    /// Without a separator (`忘记密码了`, `密码错误`, `重置密码`) nothing is taken; a value in
    /// Chinese (`密码是什么`, `密码为空`) has no ASCII run and is not taken either.
    private mutating func scanChineseLabel(at offset: Int) {
        guard offset >= credentialEnd,
            Self.chineseLabels.contains(where: { at(offset) == $0.0 && at(offset + 1) == $0.1 })
        else { return }
        var cursor = offset + 2
        if Self.labelClosers.contains(at(cursor)) { cursor += 1 }
        cursor = skipSpaces(from: cursor)
        var connectives = 0
        while connectives < 6, Self.chineseConnectives.contains(at(cursor)) {
            cursor += 1
            connectives += 1
        }
        let separator = at(cursor)
        if separator == "是" || separator == "为" || separator == "為" || (separator == "成" && connectives > 0) {
            cursor += 1
            if at(cursor) == "了" { cursor += 1 }
            if at(cursor) == ":" || at(cursor) == "：" { cursor += 1 }
        } else if separator.isSeparator {
            cursor += 1
        } else {
            return
        }
        _ = addValue(at: skipSpaces(from: cursor))
    }

    // MARK: - Numbers

    /// Whether a number starting at `offset` would continue something before it: a letter or digit,
    /// or one of `-._` after a letter or digit (`HD-2026-…`, `v1.13…`).
    private func isJoinedBefore(_ offset: Int) -> Bool {
        let previous = at(offset - 1)
        if previous.isAlnumAZ { return true }
        return (previous == "-" || previous == "." || previous == "_") && at(offset - 2).isAlnumAZ
    }

    /// Whether a number ending before `offset` would run on into a letter or digit, directly or across `-._`.
    private func isJoinedAfter(_ offset: Int) -> Bool {
        let next = at(offset)
        if next.isAlnumAZ { return true }
        return (next == "-" || next == "." || next == "_") && at(offset + 1).isAlnumAZ
    }

    private func digits(in offsets: [Range<Int>]) -> [Int] {
        offsets.flatMap { range in range.map { Int(at($0).value) - 48 } }
    }

    /// At a digit or `+` that starts a number: resident ID, mobile number, card number.
    private mutating func scanNumber(at offset: Int) {
        guard !isJoinedBefore(offset) else { return }
        if at(offset).isDigit09 {
            scanResidentID(at: offset)
            scanCardNumber(at: offset)
        }
        scanMobileNumber(at: offset)
    }

    private mutating func scanResidentID(at offset: Int) {
        let end = offset + 18
        let last = at(end - 1)
        guard (offset..<(end - 1)).allSatisfy({ at($0).isDigit09 }), last.isDigit09 || last == "X" || last == "x",
            !isJoinedAfter(end)
        else { return }
        let check = last.isDigit09 ? Int(last.value) - 48 : 10
        if SensitiveNumberRules.isResidentID(digits(in: [offset..<(end - 1)]), check: check) {
            add(.residentID, offset, end)
        }
    }

    /// The groups of a card number written `4111 1111 1111 1111` or `3782-822463-10005`: groups
    /// of four with a shorter last group, or 4-6-5 / 4-6-4, one kind of separator throughout.
    private func cardGroups(at offset: Int) -> [Range<Int>]? {
        let separator = at(offset + 4)
        guard separator == " " || separator == "-", at(offset + 5).isDigit09 else { return nil }
        var groups = [offset..<(offset + 4)]
        var start = offset + 5
        while groups.count < 5 {
            let end = run(from: start, while: \.isDigit09)
            groups.append(start..<end)
            guard at(end) == separator, at(end + 1).isDigit09 else { break }
            let fours = groups.allSatisfy { $0.count == 4 }
            let amex = groups.count == 2 && groups[1].count == 6
            guard fours || amex else { break }
            start = end + 1
        }
        let lengths = groups.map(\.count)
        let last = groups[groups.count - 1]
        guard !(at(last.upperBound) == separator && at(last.upperBound + 1).isDigit09) else { return nil }
        let quartets = lengths.dropLast().allSatisfy { $0 == 4 } && (1...4).contains(lengths[lengths.count - 1])
        guard quartets || lengths == [4, 6, 5] || lengths == [4, 6, 4] else { return nil }
        return groups
    }

    private mutating func scanCardNumber(at offset: Int) {
        let end = run(from: offset, while: \.isDigit09)
        if (13...19).contains(end - offset) {
            if !isJoinedAfter(end), SensitiveNumberRules.isCardNumber(digits(in: [offset..<end])) {
                add(.cardNumber, offset, end)
            }
        } else if end - offset == 4, let groups = cardGroups(at: offset), let last = groups.last,
            !isJoinedAfter(last.upperBound), SensitiveNumberRules.isCardNumber(digits(in: groups))
        {
            add(.cardNumber, offset, last.upperBound)
        }
    }

    /// `13812345678`, `138 1234 5678`, `138-1234-5678`, each optionally after `+86`, `0086` or `86`
    /// and an optional space or hyphen.
    private mutating func scanMobileNumber(at offset: Int) {
        var prefixEnd: Int?
        if at(offset) == "+", at(offset + 1) == "8", at(offset + 2) == "6" {
            prefixEnd = offset + 3
        } else if at(offset) == "0", at(offset + 1) == "0", at(offset + 2) == "8", at(offset + 3) == "6" {
            prefixEnd = offset + 4
        } else if at(offset) == "8", at(offset + 1) == "6" {
            prefixEnd = offset + 2
        }
        if var bodyStart = prefixEnd {
            if at(bodyStart) == " " || at(bodyStart) == "-" { bodyStart += 1 }
            if let end = mobileBodyEnd(at: bodyStart) {
                add(.mobileNumber, offset, end)
                return
            }
        }
        if let end = mobileBodyEnd(at: offset) { add(.mobileNumber, offset, end) }
    }

    private func mobileBodyEnd(at offset: Int) -> Int? {
        guard at(offset) == "1", ("3"..."9").contains(at(offset + 1)) else { return nil }
        let end = run(from: offset, while: \.isDigit09)
        if end - offset == 11 {
            return isJoinedAfter(end) ? nil : end
        }
        guard end - offset == 3 else { return nil }
        let separator = at(end)
        guard separator == " " || separator == "-" else { return nil }
        let middleEnd = run(from: end + 1, while: \.isDigit09)
        guard middleEnd - end == 5, at(middleEnd) == separator else { return nil }
        let lastEnd = run(from: middleEnd + 1, while: \.isDigit09)
        guard lastEnd - middleEnd == 5, !isJoinedAfter(lastEnd),
            !(at(lastEnd) == "-" && at(lastEnd + 1).isDigit09)
        else { return nil }
        return lastEnd
    }
}

// MARK: - Character classes

extension Unicode.Scalar {
    fileprivate var isDigit09: Bool { ("0"..."9").contains(self) }
    fileprivate var isUpperAZ: Bool { ("A"..."Z").contains(self) }
    fileprivate var isLowerAZ: Bool { ("a"..."z").contains(self) }
    fileprivate var isLetterAZ: Bool { isUpperAZ || isLowerAZ }
    fileprivate var isAlnumAZ: Bool { isLetterAZ || isDigit09 }
    fileprivate var lowercasedAZ: Unicode.Scalar { isUpperAZ ? Unicode.Scalar(value + 32) ?? self : self }
    fileprivate var isHorizontalSpace: Bool { self == " " || self == "\t" || self == "\u{3000}" || self == "\u{A0}" }
    fileprivate var isLineBreak: Bool {
        self == "\n" || self == "\r" || self == "\u{0B}" || self == "\u{0C}" || self == "\u{85}" || self == "\u{2028}"
            || self == "\u{2029}"
    }
    /// `:` `：` `=` between a label and its value.
    fileprivate var isSeparator: Bool { self == ":" || self == "：" || self == "=" }
    /// Printable ASCII other than space, `,` and `;`: what an unquoted value is made of.
    fileprivate var isValueCharacter: Bool { ("!"..."~").contains(self) && self != "," && self != ";" }
}
