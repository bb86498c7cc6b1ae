import Foundation
import HelpdeskCore

/// Realistic support-desk text in Chinese for generated benchmark tickets: a system and a
/// symptom for the title, a few circumstances for the description, a fix for the solution.
/// Systems and symptoms are drawn with skewed weights, so some words are common (`系统`,
/// `无法登录`) and some rare (`工资条`, each error code), as on a real desk.
struct GeneratedTicketText {
    static let systems: [(String, Int)] = [
        ("CRM系统", 60), ("ERP系统", 50), ("OA审批", 70), ("财务报销系统", 40), ("公司邮箱", 80), ("VPN", 70),
        ("打印机", 60), ("铁路12306订票", 10), ("考勤系统", 30), ("数据库", 30), ("视频会议", 40), ("企业微信", 50),
        ("钉钉", 40), ("SAP", 20), ("文件服务器", 30), ("官网", 15), ("工资条查询", 2), ("门禁卡", 10), ("无线网络", 60),
        ("Outlook", 40), ("共享盘", 25), ("报表平台", 20), ("呼叫中心", 10), ("合同管理系统", 8), ("仓储系统", 12),
    ]
    static let symptoms: [(String, Int)] = [
        ("无法登录", 60), ("打不开", 50), ("报错", 50), ("运行很慢", 40), ("连接超时", 40), ("数据不同步", 20),
        ("页面空白", 20), ("提示权限不足", 25), ("频繁掉线", 25), ("打印乱码", 5), ("附件上传失败", 15), ("密码过期", 20),
        ("账号被锁定", 20), ("闪退", 15), ("报数据库连接错误", 10), ("审批流程卡住", 15), ("收不到邮件", 20), ("卡纸", 5),
    ]
    static let circumstances = [
        "从今天上午开始", "昨天下午更新补丁之后", "换了新电脑以后", "只有我们部门出现", "重启后依旧", "同事那边正常",
        "客户那边急着要", "影响整个销售团队", "在三楼会议室", "出差在外地", "用手机也不行", "清过缓存还是一样",
        "之前从来没有过", "每隔十几分钟就出现一次", "月底结账急用", "新员工第一天入职",
    ]
    static let fixes = [
        "已重置账号密码并解锁", "清理浏览器缓存后恢复", "重新安装客户端后恢复", "更换网线后恢复", "扩容数据库连接池",
        "修复权限配置", "重启应用服务", "更新证书", "更换硒鼓", "调整防火墙策略", "同步域控账号",
    ]
    static let departments = ["销售部", "财务部", "人力资源部", "研发中心", "客服中心", "行政部", "市场部", "采购部"]

    var random: (Int) -> Int

    func pick<T>(_ weighted: [(T, Int)]) -> T {
        var roll = random(weighted.reduce(0) { $0 + $1.1 })
        for (value, weight) in weighted {
            if roll < weight { return value }
            roll -= weight
        }
        return weighted[0].0
    }

    func pick<T>(_ values: [T]) -> T { values[random(values.count)] }

    /// Title, description and a solution.
    func ticket() -> (title: String, description: String, solution: String, department: String) {
        let system = pick(Self.systems)
        let symptom = pick(Self.symptoms)
        var parts = [pick(Self.circumstances), "\(system)\(symptom)"]
        if random(3) == 0 { parts.append("错误码 E\(1000 + random(9000))") }
        parts.append(pick(Self.circumstances))
        if random(4) == 0 { parts.append("影响\(2 + random(30))名同事") }
        let description = parts.joined(separator: "，") + "。请尽快处理。"
        return ("\(system)\(symptom)", description, pick(Self.fixes) + "，用户确认已解决。", pick(Self.departments))
    }
}
