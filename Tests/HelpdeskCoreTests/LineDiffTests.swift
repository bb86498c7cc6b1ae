import Testing

@testable import HelpdeskCore

@Suite("Line diff of article revisions (R6.2)")
struct LineDiffTests {
    @Test(
        "the lines both keep are the same, and at each change the removed come before the added",
        arguments: [
            ("", "", []),
            ("一", "一", [.same("一")]),
            ("a\nb\nc", "a\nb\nc", [.same("a"), .same("b"), .same("c")]),
            ("", "新行", [.added("新行")]),
            ("旧行", "", [.removed("旧行")]),
            ("a\nb\nc", "a\nx\nc", [.same("a"), .removed("b"), .added("x"), .same("c")]),
            (
                "a\nb\nc\nd", "a\nx\ny\nd",
                [.same("a"), .removed("b"), .removed("c"), .added("x"), .added("y"), .same("d")]
            ),
            (
                "a\nb\nc\nd\ne", "a\nB\nc\nD\ne",
                [.same("a"), .removed("b"), .added("B"), .same("c"), .removed("d"), .added("D"), .same("e")]
            ),
            ("a\nb", "b\na", [.removed("a"), .same("b"), .added("a")]),
            ("一\n二\n三", "零\n一\n二\n三", [.added("零"), .same("一"), .same("二"), .same("三")]),
            ("一\n二\n三", "一\n二\n三\n四", [.same("一"), .same("二"), .same("三"), .added("四")]),
            ("一\n二\n三", "一\n三", [.same("一"), .removed("二"), .same("三")]),
            ("x\nx\nx", "x\nx", [.same("x"), .same("x"), .removed("x")]),
            ("a\n\nb", "a\nb", [.same("a"), .removed(""), .same("b")]),
            ("a\nb\n", "a\nb", [.same("a"), .same("b")]),
            ("a\r\nb\rc", "a\nb\nc", [.same("a"), .same("b"), .same("c")]),
            ("a\n", "a\n\n", [.same("a"), .added("")]),
            (
                "## 步骤\n1、打开设置\n2、重启", "## 步骤\n1、打开设置\n2、清除缓存\n3、重启",
                [.same("## 步骤"), .same("1、打开设置"), .removed("2、重启"), .added("2、清除缓存"), .added("3、重启")]
            ),
            (
                "p\nq\nr\ns", "q\nt\ns\np",
                [.removed("p"), .same("q"), .removed("r"), .added("t"), .same("s"), .added("p")]
            ),
        ] as [(String, String, [LineDiff.Line])])
    func diff(old: String, new: String, lines: [LineDiff.Line]) {
        #expect(LineDiff.lines(from: old, to: new) == lines)
    }

    @Test("any two texts: both rebuilt from the diff, as many same lines as they have in common", arguments: 0..<60)
    func property(seed: Int) {
        var random = seed &* 2_654_435_761 &+ 1
        func next(_ bound: Int) -> Int {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((UInt64(bitPattern: Int64(random)) >> 33) % UInt64(bound))
        }
        let alphabet = ["甲", "乙", "丙", "丁", ""]
        let old = (0..<next(12)).map { _ in alphabet[next(alphabet.count)] }
        let new = (0..<next(12)).map { _ in alphabet[next(alphabet.count)] }
        let diff = LineDiff.lines(from: old.joined(separator: "\n"), to: new.joined(separator: "\n"))
        let kept = diff.compactMap { line -> String? in
            if case .same(let text) = line { return text } else { return nil }
        }
        let before = diff.compactMap { line -> String? in
            if case .added = line { return nil } else { return text(line) }
        }
        let after = diff.compactMap { line -> String? in
            if case .removed = line { return nil } else { return text(line) }
        }
        // The empty line after a text's last line end is no line.
        #expect(before == (old.last == "" ? Array(old.dropLast()) : old))
        #expect(after == (new.last == "" ? Array(new.dropLast()) : new))
        #expect(kept.count == commonLength(before, after))
        // Between two same lines, no removed line after an added one.
        var added = false
        for line in diff {
            switch line {
            case .same: added = false
            case .added: added = true
            case .removed: #expect(!added)
            }
        }
    }

    @Test("lines both texts start and end with take no room in the table")
    func longCommonEnds() {
        let old = (0..<5_000).map { "第\($0)行" }
        var new = old
        new[2_500] = "改过的行"
        let diff = LineDiff.lines(from: old.joined(separator: "\n"), to: new.joined(separator: "\n"))
        let expected: [LineDiff.Line] =
            old[..<2_500].map(LineDiff.Line.same) + [.removed("第2500行"), .added("改过的行")]
            + old[2_501...].map(LineDiff.Line.same)
        #expect(diff == expected)
    }

    @Test("a change too large for the table is all removed, then all added")
    func tooLarge() {
        func numbered(_ prefix: String, _ count: Int) -> [String] {
            let lines = (0..<count).map { "\(prefix)\($0)" }
            return lines[..<(count / 2)] + ["共同"] + lines[(count / 2)...]
        }
        // 2,000 lines each way is 4,000,000 cells, as many as the table takes: the common line is found.
        let fits = LineDiff.lines(
            from: numbered("旧", 1_999).joined(separator: "\n"), to: numbered("新", 1_999).joined(separator: "\n"))
        #expect(fits.contains(.same("共同")))
        let old = numbered("旧", 2_000)
        let new = numbered("新", 2_000)
        let diff = LineDiff.lines(from: old.joined(separator: "\n"), to: new.joined(separator: "\n"))
        #expect(diff == old.map(LineDiff.Line.removed) + new.map(LineDiff.Line.added))
    }

    func text(_ line: LineDiff.Line) -> String {
        switch line {
        case .same(let text), .added(let text), .removed(let text): text
        }
    }

    /// The length of the longest common subsequence, by the textbook table.
    func commonLength(_ a: [String], _ b: [String]) -> Int {
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in a.indices {
            for j in b.indices {
                table[i + 1][j + 1] = a[i] == b[j] ? table[i][j] + 1 : max(table[i][j + 1], table[i + 1][j])
            }
        }
        return table[a.count][b.count]
    }
}
