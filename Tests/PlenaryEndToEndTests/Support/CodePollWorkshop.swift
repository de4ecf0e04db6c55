import Foundation
import Testing

/// A one-poll workshop with `admission: codes`, a moderator PIN and a printed sheet of three codes, in a folder of
/// its own (mkdtemp makes it 0700, so a host may open its socket there).
struct CodePollWorkshop {
    let folder: String
    let file: String
    let plenary: String
    /// The sheet's codes as printed, "XXXX-XXXX-XXXX".
    let codes: [String]
    /// What `plenary codes` printed.
    let sheet: String

    init(title: String, pin: String) throws {
        var template = Array("/tmp/plenary-codes-XXXXXX".utf8CString)
        folder = String(cString: try #require(mkdtemp(&template)))
        file = folder + "/vote.yaml"
        plenary = try TmuxPane.plenaryExecutable.path
        let pinLine = try Subprocess.run([plenary, "pin"], input: pin + "\n").stdout
        try """
        plenary: 1
        title: \(title)
        admission: codes
        \(pinLine)
        agenda:
          - {title: Vote, duration: 10, polls: [choice]}
        polls:
          - {id: choice, question: Pick one, type: single, options: [Yes, No]}

        """.write(toFile: file, atomically: true, encoding: .utf8)
        let printed = try Subprocess.run([plenary, "codes", file, "--count", "3"])
        #expect(printed.status == 0, "\(printed.stderr)")
        sheet = printed.stdout
        codes = sheet.matches(of: /\b[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}\b/).map { String($0.output) }
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}
