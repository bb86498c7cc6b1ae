/// `login.mustache`: the sign-in form, after a failed attempt with the error and the username.
struct LoginPage: PageModel {
    static let template = "login"

    let error: String?
    let username: String
}
