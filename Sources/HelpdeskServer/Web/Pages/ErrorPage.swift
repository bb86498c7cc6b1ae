/// `error.mustache`: an error in the reader's language with its HTTP status.
struct ErrorPage: PageModel {
    static let template = "error"

    let message: String
    let status: Int
}
