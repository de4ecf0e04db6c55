import Testing
import PlenaryEngine
@testable import PlenaryWeb

@Suite struct WebBallotFormTests {
    func form(_ change: (inout WebBallotForm) -> Void) -> WebBallotForm {
        var form = WebBallotForm(poll: "p", csrf: "t")
        change(&form)
        return form
    }

    @Test func eachPollTypeMakesItsBallot() throws {
        #expect(try form { $0.choice = 2 }.ballot(for: .single, optionCount: 3).get() == .single(option: 2))
        #expect(try form { $0.picks = [2, 0, 2] }.ballot(for: .multiple, optionCount: 3).get() == .multiple(options: [0, 2]))
        #expect(try form { $0.value = 4 }.ballot(for: .scale, optionCount: 0).get() == .scale(value: 4))
        #expect(try form { $0.text = "More pilots" }.ballot(for: .open, optionCount: 0).get() == .open(text: "More pilots"))
        // Option 0 placed 2nd, option 1 placed 3rd, option 2 placed 1st.
        #expect(try form { $0.positions = [2, 3, 1] }.ballot(for: .ranking, optionCount: 3).get() == .ranking(order: [2, 0, 1]))
        #expect(try form { $0.points = [50, 0, 50] }.ballot(for: .allocation, optionCount: 3).get() == .allocation(points: [50, 0, 50]))
    }

    @Test func aFormThatDoesNotSayIsRefusedWithWhatToDo() {
        #expect(form { _ in }.ballot(for: .single, optionCount: 3) == .failure(.init("Choose one answer, then send.")))
        #expect(form { $0.picks = [] }.ballot(for: .multiple, optionCount: 3) == .failure(.init("Choose at least one answer, then send.")))
        #expect(form { $0.text = "  \n " }.ballot(for: .open, optionCount: 0) == .failure(.init("Write your answer, then send.")))
        #expect(form { $0.points = [100] }.ballot(for: .allocation, optionCount: 3)
                == .failure(.init("Give points to every answer (0 is fine), then send.")))
    }

    @Test func aRankingNeedsEveryPlaceOnce() {
        #expect(form { $0.positions = [1, 1, 2] }.ballot(for: .ranking, optionCount: 3)
                == .failure(.init("Each place can be given once: give every answer a different place.")))
        #expect(form { $0.positions = [1, 2] }.ballot(for: .ranking, optionCount: 3)
                == .failure(.init("Give every answer a place, then send.")))
        #expect(form { $0.positions = [0, 1, 2] }.ballot(for: .ranking, optionCount: 3)
                == .failure(.init("Each place can be given once: give every answer a different place.")))
    }
}
