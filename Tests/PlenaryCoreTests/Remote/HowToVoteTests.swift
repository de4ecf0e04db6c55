import Foundation
import Testing
import PlenaryTestSupport
@testable import PlenaryEngine
@testable import PlenaryStorage
import PlenarySessionFile

/// The session's `how_to_vote` line reaches the projector and the voters (issue 14), and nothing else comes with it.
@Suite struct HowToVoteTests {
    static let yaml = """
        plenary: 1
        title: Room
        how_to_vote: "Kiosks at the back · or ssh vote@10.0.0.5"
        agenda:
          - {title: Only slot, duration: 10}
        """

    @Test func theSessionFileGivesOneLine() throws {
        let session = try SessionFile.parse(yaml: Self.yaml, file: "t.yaml").get()
        #expect(session.howToVote == "Kiosks at the back · or ssh vote@10.0.0.5")
        let without = try SessionFile.parse(yaml: Self.yaml.replacingOccurrences(of: "how_to_vote", with: "# how_to_vote"),
                                            file: "t.yaml").get()
        #expect(without.howToVote == nil)
    }

    @Test func aSecondLineIsRefusedWithItsPlace() {
        let yaml = Self.yaml.replacingOccurrences(of: #""Kiosks at the back · or ssh vote@10.0.0.5""#, with: #""Kiosks\nssh""#)
        guard case .failure(let errors) = SessionFile.parse(yaml: yaml, file: "t.yaml") else {
            Issue.record("a two-line how_to_vote was accepted")
            return
        }
        #expect(errors.errors.map(\.description) == ["t.yaml:3:14: how_to_vote: must fit on one line"])
    }

    @Test(arguments: [ClientRole.audience, .voter, .group("wg1"), .moderator])
    func everyRoleIsSentTheLine(role: ClientRole) throws {
        var session = Fixtures.sevilla()
        session.howToVote = "Kiosk 3 or ssh vote@plenary.local"
        let state = try Fixtures.state(session, now: Fixtures.at(12, 0))
        #expect(RoomView(of: state, for: role).howToVote == "Kiosk 3 or ssh vote@plenary.local")
    }

    /// A client built before the line existed, or a host whose session has none, still decodes the view.
    @Test func aViewWithoutTheLineDecodes() throws {
        let state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        let view = RoomView(of: state, for: .audience)
        let json = String(decoding: try JSONEncoder().encode(view), as: UTF8.self)
        #expect(!json.contains("howToVote"))
        #expect(try JSONDecoder().decode(RoomView.self, from: Data(json.utf8)) == view)
    }
}
