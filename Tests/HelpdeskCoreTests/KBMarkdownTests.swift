import Foundation
import Testing

@testable import HelpdeskCore

@Suite("Knowledge-base Markdown (R6.2)")
struct KBMarkdownTests {
    static let rel = "rel=\"noopener noreferrer nofollow\""

    @Test(
        "blocks: headings under the page's own, paragraphs, lists, code, quotes and rules",
        arguments: [
            ("# 标题", "<h3>标题</h3>"),
            ("## 二级\n### 三级\n###### 六级", "<h4>二级</h4>\n<h5>三级</h5>\n<h5>六级</h5>"),
            ("####### 七个井号", "<p>####### 七个井号</p>"),
            ("#没有空格", "<p>#没有空格</p>"),
            ("第一行\n第二行\n\n第二段", "<p>第一行\n第二行</p>\n<p>第二段</p>"),
            ("  缩进的行  \n\t第二行", "<p>缩进的行\n第二行</p>"),
            ("一\r\n二\r三\n\r\n四", "<p>一\n二\n三</p>\n<p>四</p>"),
            ("- 一\n* 二\n+ 三", "<ul><li>一</li><li>二</li><li>三</li></ul>"),
            ("1、打开设置\n2、点击“网络”\n3、重启电脑", "<ol><li>打开设置</li><li>点击“网络”</li><li>重启电脑</li></ol>"),
            ("1. 打开\n2.关闭", "<ol><li>打开</li><li>关闭</li></ol>"),
            ("3. 接上一步\n4. 完成", "<ol start=\"3\"><li>接上一步</li><li>完成</li></ol>"),
            ("1.5 版本已修复", "<p>1.5 版本已修复</p>"),
            ("1、", "<p>1、</p>"),
            ("-不是列表", "<p>-不是列表</p>"),
            ("- 第一步\n  详细说明\n\n- 第二步\n\n段落", "<ul><li>第一步\n详细说明</li><li>第二步</li></ul>\n<p>段落</p>"),
            ("- 项目\n1. 编号", "<ul><li>项目</li></ul>\n<ol><li>编号</li></ol>"),
            ("说明：\n- 项目", "<p>说明：</p>\n<ul><li>项目</li></ul>"),
            (
                "1. 步骤\n```\ncmd\n```\n2. 步骤",
                "<ol><li>步骤</li></ol>\n<pre><code>cmd</code></pre>\n<ol start=\"2\"><li>步骤</li></ol>"
            ),
            ("```\n代码\n```", "<pre><code>代码</code></pre>"),
            ("```swift\nlet a = 1\n\n  缩进\n```", "<pre><code>let a = 1\n\n  缩进</code></pre>"),
            (
                "```\n# 不是标题\n- 不是列表\n> **不是粗体** [不是](https://a.com)\n```",
                "<pre><code># 不是标题\n- 不是列表\n&gt; **不是粗体** [不是](https://a.com)</code></pre>"
            ),
            ("````\n```\n内层\n```\n````", "<pre><code>```\n内层\n```</code></pre>"),
            ("``` 行内 ```", "<p><code>行内</code></p>"),
            (
                "> 注意\n> **备份**\n>\n> 第二段",
                "<blockquote><p>注意\n<strong>备份</strong></p>\n<p>第二段</p></blockquote>"
            ),
            ("> > 嵌套", "<blockquote><blockquote><p>嵌套</p></blockquote></blockquote>"),
            ("> - 一\n> - 二", "<blockquote><ul><li>一</li><li>二</li></ul></blockquote>"),
            ("> ```\n> **代码**\n> ```", "<blockquote><pre><code>**代码**</code></pre></blockquote>"),
            ("上\n---\n下", "<p>上</p>\n<hr>\n<p>下</p>"),
            ("***\n- - -\n___", "<hr>\n<hr>\n<hr>"),
            ("", ""),
            ("  \n\n\t", ""),
        ])
    func blocks(markdown: String, html: String) {
        #expect(KBMarkdown.html(markdown) == html)
    }

    @Test(
        "inline: code, strong, emphasis, links and bare URLs",
        arguments: [
            (
                "`code` 和 **粗体**、*斜体*、_斜体_",
                "<p><code>code</code> 和 <strong>粗体</strong>、<em>斜体</em>、<em>斜体</em></p>"
            ),
            ("**注意：**请先备份", "<p><strong>注意：</strong>请先备份</p>"),
            ("这是*重点*内容", "<p>这是<em>重点</em>内容</p>"),
            ("这是 _重点_ 内容", "<p>这是 <em>重点</em> 内容</p>"),
            ("snake_case_name 和 __init__", "<p>snake_case_name 和 __init__</p>"),
            ("C:\\_data\\_old_ 和 \\\\server\\share", "<p>C:\\_data\\_old_ 和 \\\\server\\share</p>"),
            ("2 * 3 * 4", "<p>2 * 3 * 4</p>"),
            ("***都有***", "<p><strong><em>都有</em></strong></p>"),
            ("*斜体里 **粗体***", "<p><em>斜体里 <strong>粗体</strong></em></p>"),
            ("**粗体里 *斜体***", "<p><strong>粗体里 <em>斜体</em></strong></p>"),
            ("`a * b` 与 *`*`*", "<p><code>a * b</code> 与 <em><code>*</code></em></p>"),
            ("`` `反引号` ``", "<p><code>`反引号`</code></p>"),
            ("`<b>` & <b>", "<p><code>&lt;b&gt;</code> &amp; &lt;b&gt;</p>"),
            (
                "[知识库](https://kb.example.com/a?b=1&c=2)",
                "<p><a href=\"https://kb.example.com/a?b=1&amp;c=2\" \(rel)>知识库</a></p>"
            ),
            ("[写信](mailto:it@example.com)", "<p><a href=\"mailto:it@example.com\" \(rel)>写信</a></p>"),
            ("[**粗**链接](HTTP://A.COM)", "<p><a href=\"HTTP://A.COM\" \(rel)><strong>粗</strong>链接</a></p>"),
            ("**[粗链接](https://a.com)**", "<p><strong><a href=\"https://a.com\" \(rel)>粗链接</a></strong></p>"),
            ("[`ipconfig`](https://a.com)", "<p><a href=\"https://a.com\" \(rel)><code>ipconfig</code></a></p>"),
            (
                "[维基](https://zh.wikipedia.org/wiki/Foo_(bar))",
                "<p><a href=\"https://zh.wikipedia.org/wiki/Foo_(bar)\" \(rel)>维基</a></p>"
            ),
            ("[甲 [乙] 丙](https://a.com)", "<p><a href=\"https://a.com\" \(rel)>甲 [乙] 丙</a></p>"),
            ("![截图](https://a.com/x.png)", "<p><a href=\"https://a.com/x.png\" \(rel)>截图</a></p>"),
            ("[https://a.com](https://b.com)", "<p><a href=\"https://b.com\" \(rel)>https://a.com</a></p>"),
            (
                "访问https://example.com/path，然后重试",
                "<p>访问<a href=\"https://example.com/path\" \(rel)>https://example.com/path</a>，然后重试</p>"
            ),
            ("见 https://a.com/x.", "<p>见 <a href=\"https://a.com/x\" \(rel)>https://a.com/x</a>.</p>"),
            (
                "(见 https://zh.wikipedia.org/wiki/Foo_(bar))",
                "<p>(见 <a href=\"https://zh.wikipedia.org/wiki/Foo_(bar)\" \(rel)>"
                    + "https://zh.wikipedia.org/wiki/Foo_(bar)</a>)</p>"
            ),
            ("HTTP://A.COM/B", "<p><a href=\"HTTP://A.COM/B\" \(rel)>HTTP://A.COM/B</a></p>"),
            ("xhttps://a.com 和 http://", "<p>xhttps://a.com 和 http://</p>"),
            ("# [链接](https://a.com) **标题**", "<h3><a href=\"https://a.com\" \(rel)>链接</a> <strong>标题</strong></h3>"),
            ("- [链接](http://a) 和 `code`", "<ul><li><a href=\"http://a\" \(rel)>链接</a> 和 <code>code</code></li></ul>"),
        ])
    func inline(markdown: String, html: String) {
        #expect(KBMarkdown.html(markdown) == html)
    }

    @Test(
        "a marker left open is text",
        arguments: [
            ("**未闭合", "<p>**未闭合</p>"),
            ("*未闭合", "<p>*未闭合</p>"),
            ("_未闭合", "<p>_未闭合</p>"),
            ("`未闭合", "<p>`未闭合</p>"),
            ("``a`", "<p>``a`</p>"),
            ("** 前有空格**", "<p>** 前有空格**</p>"),
            ("a ** b", "<p>a ** b</p>"),
            ("**a*", "<p>*<em>a</em></p>"),
            ("[只有方括号]", "<p>[只有方括号]</p>"),
            ("[没有括号] (https://a.com)", "<p>[没有括号] (<a href=\"https://a.com\" \(rel)>https://a.com</a>)</p>"),
            ("[未闭合](https://a.com", "<p>[未闭合](<a href=\"https://a.com\" \(rel)>https://a.com</a></p>"),
            ("```\n没有结束的代码块\n**粗体**", "<p>```\n没有结束的代码块\n<strong>粗体</strong></p>"),
            ("**粗 `代码** 里`", "<p>**粗 <code>代码** 里</code></p>"),
        ])
    func unclosed(markdown: String, html: String) {
        #expect(KBMarkdown.html(markdown) == html)
    }

    @Test(
        "nothing written becomes markup of its own: raw HTML is text, only web and mail links",
        arguments: [
            ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
            ("<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>"),
            (
                "<a href=\"https://a.com\" onclick=\"steal()\">点我</a>",
                "<p>&lt;a href=&quot;<a href=\"https://a.com\" \(rel)>https://a.com</a>&quot; "
                    + "onclick=&quot;steal()&quot;&gt;点我&lt;/a&gt;</p>"
            ),
            ("# <svg onload=alert(1)>", "<h3>&lt;svg onload=alert(1)&gt;</h3>"),
            ("> <script>x</script>", "<blockquote><p>&lt;script&gt;x&lt;/script&gt;</p></blockquote>"),
            ("- <style>body{}</style>", "<ul><li>&lt;style&gt;body{}&lt;/style&gt;</li></ul>"),
            ("`<iframe src=\"x\">`", "<p><code>&lt;iframe src=&quot;x&quot;&gt;</code></p>"),
            (
                "```\n</code></pre><script>alert(1)</script>\n```",
                "<pre><code>&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>"
            ),
            ("Tom's \"quote\"", "<p>Tom&#39;s &quot;quote&quot;</p>"),
            ("&lt;已转义&gt;", "<p>&amp;lt;已转义&amp;gt;</p>"),
            ("[点我](javascript:alert(1))", "<p>点我</p>"),
            ("[点我](JavaScript:alert(1))", "<p>点我</p>"),
            ("[点我]( javascript:alert(1) )", "<p>点我</p>"),
            ("[点我](data:text/html;base64,PHNjcmlwdD4=)", "<p>点我</p>"),
            ("[点我](vbscript:msgbox(1))", "<p>点我</p>"),
            ("[点我](//evil.example.com)", "<p>点我</p>"),
            ("![x](javascript:alert(1))", "<p>x</p>"),
            ("[<b>点我</b>](javascript:alert(1))", "<p>&lt;b&gt;点我&lt;/b&gt;</p>"),
            (
                "[x](https://a.com/\"onmouseover=\"alert(1))",
                "<p><a href=\"https://a.com/&quot;onmouseover=&quot;alert(1)\" \(rel)>x</a></p>"
            ),
            (
                "[x](https://a.com/\"\u{301}/onmouseover=alert(1)//)",
                "<p><a href=\"https://a.com/&quot;\u{301}/onmouseover=alert(1)//\" \(rel)>x</a></p>"
            ),
            (
                "[<b onmouseover=alert(1)>粗</b>](https://a.com)",
                "<p><a href=\"https://a.com\" \(rel)>&lt;b onmouseover=alert(1)&gt;粗&lt;/b&gt;</a></p>"
            ),
            (
                "https://a.com/\"onmouseover=\"alert(1)",
                "<p><a href=\"https://a.com/\" \(rel)>https://a.com/</a>&quot;onmouseover=&quot;alert(1)</p>"
            ),
            (
                "https://a.com/?q=<script>",
                "<p><a href=\"https://a.com/?q=\" \(rel)>https://a.com/?q=</a>&lt;script&gt;</p>"
            ),
        ])
    func safe(markdown: String, html: String) throws {
        let rendered = KBMarkdown.html(markdown)
        #expect(rendered == html)
        // What is left once the renderer's own tags are taken out holds no tag at all.
        let own = try Regex(
            #"</?(h3|h4|h5|p|ul|ol|li|pre|code|blockquote|strong|em|a)"#
                + #"( href="[^"<>]*" rel="noopener noreferrer nofollow"| start="\d+")?>|<hr>"#)
        #expect(!rendered.replacing(own, with: "").contains("<"))
    }

    @Test(
        "Chinese text and full-width punctuation pass through",
        arguments: [
            ("！？，。：；“”‘’（）【】《》、……——～", "<p>！？，。：；“”‘’（）【】《》、……——～</p>"),
            (
                "## 故障现象\n用户无法登录ＣＲＭ系统（错误码：E1001）。",
                "<h4>故障现象</h4>\n<p>用户无法登录ＣＲＭ系统（错误码：E1001）。</p>"
            ),
            ("　　全角空格缩进的段落", "<p>　　全角空格缩进的段落</p>"),
            ("见【设置】→「网络」→『高级』", "<p>见【设置】→「网络」→『高级』</p>"),
            ("中_文_字", "<p>中_文_字</p>"),
        ])
    func chinese(markdown: String, html: String) {
        #expect(KBMarkdown.html(markdown) == html)
    }

    @Test(
        "plain text keeps the words without the markup",
        arguments: [
            ("# 标题\n正文 **粗体** 和 `code`", "标题\n\n正文 粗体 和 code"),
            ("1、打开\n2、关闭\n\n- 甲\n- 乙", "1. 打开\n2. 关闭\n\n甲\n乙"),
            ("3. 接上\n4. 完成", "3. 接上\n4. 完成"),
            ("[知识库](https://kb.example.com) 与 [坏链接](javascript:x)", "知识库 与 坏链接"),
            ("> 引用\n\n---\n\n```\n<b>代码</b>\n```", "引用\n\n<b>代码</b>"),
            ("<script>原文</script>", "<script>原文</script>"),
            ("访问 https://a.com/x。", "访问 https://a.com/x。"),
            ("snake_case 与 *强调*", "snake_case 与 强调"),
            ("一\r\n二", "一\n二"),
            ("", ""),
        ])
    func plainText(markdown: String, text: String) {
        #expect(KBMarkdown.plainText(markdown) == text)
    }

    @Test("quotes nested past the limit are text")
    func deepQuotes() {
        let depth = KBMarkdown.maximumDepth
        let open = String(repeating: "<blockquote>", count: depth)
        let close = String(repeating: "</blockquote>", count: depth)
        let markdown = String(repeating: ">", count: depth + 4) + " 深"
        #expect(KBMarkdown.html(markdown) == open + "<p>&gt;&gt;&gt;&gt; 深</p>" + close)
    }

    /// 72 000 characters of markers that never close: the renderer is linear in them (a
    /// quadratic one took a minute on this input); the limit guards against a hang, it does
    /// not measure speed.
    @Test("a pasted log full of markers that never close is its text", .timeLimit(.minutes(1)))
    func markers() {
        let log = String(repeating: "*a _b [c](d **e f ", count: 4_000)
        #expect(KBMarkdown.html(log) == "<p>" + log.dropLast() + "</p>")
    }
}
