/// `board.mustache`: the supervisor's board of open P0/P1 tickets.
struct BoardPage: PageModel {
    static let template = "board"

    let rows: [QueueRow]
    /// Seconds between reloads of the board.
    let refresh: Int
}
