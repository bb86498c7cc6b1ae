import Testing

@testable import HelpdeskMail

@Suite("HTML mail for display: a safe subset, images only from the mail (issue #11)")
struct HTMLSanitizerTests {
    static func clean(_ html: String) -> String {
        HTMLSanitizer.sanitize(html) { cid in cid == "logo@corp" ? "/attachments/7" : nil }
    }

    @Test(
        "what stays and what goes",
        arguments: [
            ("<p>打印机<b>卡纸</b></p>", "<p>打印机<b>卡纸</b></p>"),
            ("<script>alert(1)</script><p>好</p>", "<p>好</p>"),
            ("<SCRIPT SRC=x></SCRIPT >正文", "正文"),
            ("<style>p{color:red}</style><p style=\"color:red\" onclick=\"x()\">红</p>", "<p>红</p>"),
            ("<a href=\"javascript:alert(1)\">点</a>", "<a>点</a>"),
            ("<a href=\"java&#115;cript&#58;alert(1)\">点</a>", "<a>点</a>"),
            (
                "<a href='https://corp.example.cn/a?x=1&amp;y=2'>链接</a>",
                "<a href=\"https://corp.example.cn/a?x=1&amp;y=2\" rel=\"noopener noreferrer nofollow\">链接</a>"
            ),
            (
                "<img src=\"cid:logo@corp\" alt=\"标志\" width=\"40\">",
                "<img src=\"/attachments/7\" alt=\"标志\" width=\"40\">"
            ),
            ("<img src=\"https://tracker.example/p.gif\" alt=\"像素\">", "像素"),
            ("<img src=\"cid:unknown\" alt=\"缺图\">", "缺图"),
            ("<div><p>未闭合", "<div><p>未闭合</p></div>"),
            ("</b>多余的结束</i>", "多余的结束"),
            ("<b><i>交错</b></i>", "<b><i>交错</i></b>"),
            ("1 < 2 &amp; 3 > 2 & 4", "1 &lt; 2 &amp; 3 &gt; 2 &amp; 4"),
            ("<!-- 注释 --><p>留</p>", "<p>留</p>"),
            ("<iframe src=x>内</iframe><form><input name=a></form>外", "外"),
            ("<p title=\"x\" class=\"y\">属性</p>", "<p>属性</p>"),
            ("<td colspan=2 onmouseover=x>格</td>", "<td colspan=\"2\">格</td>"),
            (
                "<img src=\"cid:logo@corp\" alt='\"><script>x</script>'>",
                "<img src=\"/attachments/7\" alt=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">"
            ),
            ("<p>未结束的标签 <b", "<p>未结束的标签 &lt;b</p>"),
            (
                "<img src=\"http://x/p.gif\" alt=\"&lt;script&gt;alert(1)&lt;/script&gt;\">",
                "&lt;script&gt;alert(1)&lt;/script&gt;"
            ),
        ])
    func sanitized(_ html: String, _ expected: String) {
        #expect(Self.clean(html) == expected)
    }
}
