import Foundation
import Testing
@testable import PlenaryEngine
import PlenaryStorage

/// `ZoneRules` must give the offsets Foundation's `TimeZone` gives (decision 104): the calendar used them before.
@Suite struct ZoneRulesTests {
    /// The sessions' zones, and zones whose rules are unusual: negative summer time (Dublin), half- and
    /// quarter-hour offsets (St John's, Kathmandu, Chatham, Lord Howe's half-hour summer time), the southern
    /// hemisphere (Sydney, Santiago), rules that ended (Sao Paulo, Tehran) and a day skipped (Apia, 2011).
    static let zones = [
        "Europe/Madrid", "Europe/Brussels", "Europe/Helsinki", "Europe/Dublin", "Europe/London", "America/New_York",
        "America/St_Johns", "America/Sao_Paulo", "America/Santiago", "Australia/Sydney", "Australia/Lord_Howe",
        "Asia/Kathmandu", "Asia/Kolkata", "Asia/Tehran", "Pacific/Chatham", "Pacific/Apia", "UTC",
    ]

    /// What `plenary` does at start (once per test process; the same database each time).
    static let systemDatabase: Void = ZoneRules.useDatabase(SystemZoneDatabase(folder: "/usr/share/zoneinfo").read)

    init() { Self.systemDatabase }

    static func foundationOffset(_ zone: String, _ second: Int64) -> Int32 {
        Int32(TimeZone(identifier: zone)!.secondsFromGMT(for: Date(timeIntervalSince1970: Double(second))))
    }

    @Test(arguments: zones)
    func offsetsAreFoundationsEveryTwelveHoursFrom1990To2100(zone: String) throws {
        let rules = try #require(ZoneRules.system(identifier: zone), "no rules read for \(zone) from /usr/share/zoneinfo")
        var mismatches: [String] = []
        // 1990-01-01 to 2100-01-01, at 00:00 and 12:00 UTC: after 2037 the file's footer rule answers.
        var second: Int64 = 631_152_000
        while second < 4_102_444_800 && mismatches.count < 5 {
            let ours = rules.utcOffset(atSecond: second)
            let theirs = Self.foundationOffset(zone, second)
            if ours != theirs { mismatches.append("\(second): \(ours.map(String.init) ?? "nil") vs \(theirs)") }
            second += 43_200
        }
        #expect(mismatches.isEmpty, "\(zone): \(mismatches)")
    }

    @Test(arguments: zones)
    func eachTransitionFallsOnFoundationsSecond(zone: String) throws {
        let rules = try #require(ZoneRules.system(identifier: zone))
        let timeZone = try #require(TimeZone(identifier: zone))
        var mismatches: [String] = []
        var date = Date(timeIntervalSince1970: 946_684_800)  // 2000-01-01
        var transitions = 0
        while let next = timeZone.nextDaylightSavingTimeTransition(after: date), next.timeIntervalSince1970 < 4_102_444_800 {
            let at = Int64(next.timeIntervalSince1970.rounded())
            for second in [at - 1, at] where rules.utcOffset(atSecond: second) != Self.foundationOffset(zone, second) {
                mismatches.append("\(second)")
            }
            transitions += 1
            date = next
        }
        #expect(mismatches.isEmpty, "\(zone): offsets differ at \(mismatches.prefix(5))")
        if ["Europe/Madrid", "America/New_York", "Australia/Sydney"].contains(zone) {
            #expect(transitions > 150, "\(zone): only \(transitions) transitions seen from 2000 to 2100")
        }
    }

    @Test func theCalendarReadsLocalTimesAcrossSummerTime() {
        let madrid = LocalCalendar(timeZoneIdentifier: "Europe/Madrid")
        // 2025-03-30 01:59:59 UTC is 03:59:59 in Madrid (summer time began at 01:00 UTC); 00:59:59 UTC was 01:59:59.
        #expect(madrid.clockTimeWithSeconds(Instant(seconds: 1_743_299_999)) == "03:59:59")
        #expect(madrid.clockTimeWithSeconds(Instant(seconds: 1_743_296_399)) == "01:59:59")
        #expect(madrid.iso8601(Instant(seconds: 1_743_299_999)) == "2025-03-30T03:59:59+02:00")
        #expect(madrid == LocalCalendar(timeZoneIdentifier: "Europe/Madrid"))
        #expect(madrid != LocalCalendar(timeZoneIdentifier: "Europe/Helsinki"))
    }

    @Test func footerRulesAreReadAsTheDatabaseWritesThem() throws {
        let central = try #require(PosixZoneRule.parse("CET-1CEST,M3.5.0,M10.5.0/3"))
        #expect(central.standardOffset == 3600)
        #expect(central.daylight?.offset == 7200)
        #expect(central.daylight?.start == .init(day: .monthWeekDay(month: 3, week: 5, weekday: 0), time: 7200))
        #expect(central.daylight?.end == .init(day: .monthWeekDay(month: 10, week: 5, weekday: 0), time: 10_800))
        // 2050-03-27 is the last Sunday of March: summer time from 01:00 UTC.
        #expect(central.utcOffset(atSecond: 2_531_955_599) == 3600)
        #expect(central.utcOffset(atSecond: 2_531_955_600) == 7200)

        let tehranLike = try #require(PosixZoneRule.parse("<+0330>-3:30"))
        #expect(tehranLike == PosixZoneRule(standardOffset: 12_600, daylight: nil))
        let dublin = try #require(PosixZoneRule.parse("IST-1GMT0,M10.5.0,M3.5.0/1"))
        #expect(dublin.standardOffset == 3600 && dublin.daylight?.offset == 0)
        let greenland = try #require(PosixZoneRule.parse("<-02>2<-01>,M3.5.0/-1,M10.5.0/0"))
        #expect(greenland.daylight?.start.time == -3600)
        let julian = try #require(PosixZoneRule.parse("AAA3BBB,J60/2,300/2"))
        #expect(julian.daylight?.start.day == .julianNoLeap(60))
        #expect(julian.daylight?.end.day == .zeroBased(300))
        // J60 is March 1 in every year; day 59 counted from 0 is February 29 in a leap year.
        #expect(julian.daylight?.start.daysSinceEpoch(in: 2024) == LocalCalendar.daysSinceEpoch(year: 2024, month: 3, day: 1))
        #expect(PosixZoneRule.Transition(day: .zeroBased(59), time: 0).daysSinceEpoch(in: 2024)
                == LocalCalendar.daysSinceEpoch(year: 2024, month: 2, day: 29))

        for refused in ["", "CET", "CET-1CEST", "CE-1", "CET-1CEST,M3.5.0", "CET-1CEST,M13.5.0,M10.5.0", "CET-1CEST,M3.6.0,M10.5.0",
                        "CET-1CEST,M3.5.7,M10.5.0", "CET-1CEST,M3.5.0,M10.5.0/999", "CET-99", "<+03", "CET-1CEST,J0,J300", "CET-1 "] {
            #expect(PosixZoneRule.parse(refused) == nil, "\(refused) should be refused")
        }
    }

    @Test func damagedFilesAreRefusedWithoutCrashing() throws {
        let bytes = try #require(FileManager.default.contents(atPath: "/usr/share/zoneinfo/Europe/Madrid").map { [UInt8]($0) })
        let whole = try #require(ZoneRules.parse(bytes))
        #expect(whole.utcOffset(atSecond: 1_750_000_000) == 7200)
        // Every shorter file is cut somewhere that matters: the footer's final line break at the latest.
        for length in 0..<bytes.count {
            #expect(ZoneRules.parse(Array(bytes[0..<length])) == nil, "cut at \(length) bytes")
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var damaged = bytes
            for _ in 0..<3 { damaged[Int.random(in: 0..<damaged.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator) }
            _ = ZoneRules.parse(damaged)?.utcOffset(atSecond: Int64.random(in: -1 << 40...1 << 40, using: &generator))
        }
    }

    @Test func namesThatAreNotZonesAreRefused() {
        for name in ["", "/etc/localtime", "../../etc/passwd", "Europe/../../etc/passwd", "Europe//Madrid", "Europe/Madrid/",
                     "Mars/Olympus_Mons", "Europe/Madrid\u{0}", "posixrules.d/../x", "Europe"] {
            #expect(ZoneRules.system(identifier: name) == nil, "\(name)")
        }
        #expect(!LocalCalendar.knowsZone("Mars/Olympus_Mons"))
        #expect(!LocalCalendar.knowsZone(""))
        #expect(LocalCalendar.knowsZone("Europe/Madrid"))
    }

    @Test func theDatabaseFolderIsTheCLibrarys() {
        #expect(SystemZoneDatabase.folder(tzdir: nil) == "/usr/share/zoneinfo")
        #expect(SystemZoneDatabase.folder(tzdir: "") == "/usr/share/zoneinfo")
        #expect(SystemZoneDatabase.folder(tzdir: "/opt/zoneinfo") == "/opt/zoneinfo")
        #expect(SystemZoneDatabase(folder: "/usr/share/zoneinfo").read("Europe") == nil, "a folder is not a zone")
        #expect(SystemZoneDatabase(folder: "/nonexistent").read("Europe/Madrid") == nil)
    }

    @Test func universalTimeNeedsNoFile() {
        #expect(ZoneRules.system(identifier: "UTC")?.utcOffset(atSecond: 0) == 0)
        #expect(ZoneRules.system(identifier: "Etc/UTC")?.utcOffset(atSecond: 4_000_000_000) == 0)
    }
}
