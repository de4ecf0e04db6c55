import Testing
import PlenaryEngine
@testable import PlenaryUI

/// The screen's minutes round as the report's and the results file's do (`WholeMinutes`, decision 80).
@Suite struct TimeTextTests {
    @Test func minutesOnScreenRoundHalvesAwayFromZero() {
        let seconds: [Int64] = [29, 30, 89, 90, -29, -30, -89, -90]
        #expect(seconds.map(TimeText.minutes) == ["0 min", "1 min", "1 min", "2 min", "0 min", "1 min", "1 min", "2 min"])
    }

    @Test func aDelayReadsTheSameDistanceAheadAndBehind() {
        #expect(TimeText.delay(90) == "2 min behind")
        #expect(TimeText.delay(-90) == "2 min ahead")
        #expect(TimeText.delay(89) == "1 min behind")
        #expect(TimeText.delay(-89) == "1 min ahead")
        #expect(TimeText.delay(-59) == "on time")
    }
}
