import Foundation
import Testing

@testable import HelpdeskCore

@Suite("Which attachments the search index reads")
struct AttachmentTextTests {
    @Test(
        "plain text by type, or by name when sent as octet-stream; markup and binaries are not",
        arguments: [
            ("error.log", "text/plain", true),
            ("导出.csv", "text/csv; charset=gbk", true),
            ("config.json", "application/json", true),
            ("settings.yaml", "application/x-yaml", true),
            ("vpn.log", "application/octet-stream", true),
            ("ORACLE.TRC", "application/octet-stream", true),
            ("notes.md", "application/octet-stream", true),
            ("page.html", "text/html", false),
            ("logo.svg", "image/svg+xml", false),
            ("截图.png", "image/png", false),
            ("报表.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false),
            ("archive.zip", "application/octet-stream", false),
            ("noextension", "application/octet-stream", false),
            (".log", "application/octet-stream", false),
            ("setup.log.exe", "application/octet-stream", false),
        ])
    func plainText(filename: String, type: String, expected: Bool) {
        #expect(AttachmentText.isPlainText(filename: filename, contentType: type) == expected)
    }

    @Test(
        "bytes with a NUL near the start are not text, unless a UTF-16 byte-order mark says why",
        arguments: [
            ([UInt8]("日志 ok".utf8), true),
            ([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01], false),
            ([0xFF, 0xFE, 0x0D, 0x67, 0x00, 0x00], true),
            ([0xFE, 0xFF, 0x67, 0x0D], true),
            ([], true),
        ])
    func looksLikeText(bytes: [UInt8], expected: Bool) {
        #expect(AttachmentText.looksLikeText(Data(bytes)) == expected)
    }

    @Test("the indexed text drops the byte-order mark and NULs, is cut to its limit, and is nil when blank")
    func indexed() {
        #expect(AttachmentText.indexed("\u{FEFF}服务器日志") == "服务器日志")
        #expect(AttachmentText.indexed("a\u{0}b") == "ab")
        #expect(AttachmentText.indexed(" \n\t ") == nil)
        let long = String(repeating: "超时", count: AttachmentText.indexedCharacters)
        #expect(AttachmentText.indexed(long)?.count == AttachmentText.indexedCharacters)
    }
}
