import Foundation
import HelpdeskUseCases
import Testing

@Suite("Reading plain-text attachments for the search index")
struct AttachmentDecodingTests {
    @Test(
        "UTF-8, GBK and Big5 without a label, a named charset, UTF-16 by its mark; binaries and markup give nothing",
        arguments: [
            ("a.log", "text/plain", [UInt8]("连接池耗尽 pool=32".utf8), nil, "连接池耗尽 pool=32"),
            (
                "gbk.log", "text/plain", [202, 253, 190, 221, 191, 226, 193, 172, 189, 211, 179, 172, 202, 177], nil,
                "数据库连接超时"
            ),
            ("big5.txt", "text/plain", [179, 115, 189, 117, 185, 79, 174, 201], nil, "連線逾時"),
            ("named.txt", "text/plain", [179, 115, 189, 117, 185, 79, 174, 201], "big5", "連線逾時"),
            (
                "le.log", "application/octet-stream", [255, 254, 13, 103, 161, 82, 104, 86, 229, 101, 215, 95], nil,
                "服务器日志"
            ),
            ("be.log", "text/plain", [254, 255, 103, 13, 82, 161, 86, 104, 101, 229, 95, 215], nil, "服务器日志"),
            ("shot.png", "image/png", [UInt8]("文字".utf8), nil, nil),
            ("bin.log", "application/octet-stream", [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1], nil, nil),
            ("page.html", "text/html", [UInt8]("<p>文字</p>".utf8), nil, nil),
            ("blank.txt", "text/plain", [UInt8]("  \n ".utf8), nil, nil),
        ] as [(String, String, [UInt8], String?, String?)])
    func decoded(filename: String, type: String, bytes: [UInt8], charset: String?, expected: String?) {
        let text = AttachmentDecoding.text(filename: filename, contentType: type, data: Data(bytes), charset: charset)
        #expect(text == expected)
    }
}
