/// A form a phone posts: whatever it asks, it carries the form token its page was given.
protocol WebPostedForm: Decodable {
    var csrf: String { get }
}

extension WebBallotForm: WebPostedForm {}
extension WebBoardForm: WebPostedForm {}
