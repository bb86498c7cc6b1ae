/// The SLA cell of a queue row or ticket: the target that runs now, when it is due, its state
/// in words and a class for colour (`sla-ok`, `sla-warn`, `sla-breach`, `sla-paused`, `sla-done`).
struct SLACell: Sendable {
    let target: String
    let due: String
    let `class`: String
    let text: String
}
