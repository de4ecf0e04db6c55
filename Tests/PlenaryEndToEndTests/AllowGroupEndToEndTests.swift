import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `plenary run --allow-group NAME` refuses, before creating any file, whatever would leave the group's kiosks
/// unable to attach or let the group replace the socket; it needs tmux only (no sshd).
@Suite(.serialized) struct AllowGroupEndToEndTests {
    func refusal(_ arguments: [String], folderMode: mode_t = 0o710, fileMode: mode_t = 0o640) throws -> (screen: String, status: Int32, leftovers: [String]) {
        let (folder, file, plenary) = try AttachEndToEndTests().sessionWithPIN()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        chmod(folder, folderMode)
        chmod(file, fileMode)
        let pane = try TmuxPane(command: [plenary, "run", file] + arguments)
        defer { pane.close() }
        let status = try pane.waitForExit()
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0 != "demo.yaml" }
        return (try pane.capture(), status, leftovers)
    }

    var ownGroup: String {
        get throws { try #require(SSHVotingEndToEndTests.groupName(getegid())) }
    }

    @Test func anUnknownGroupIsRefused() throws {
        let result = try refusal(["--allow-group", "plenary-no-such-group"])
        #expect(result.status == 1)
        #expect(result.screen.contains("there is no group plenary-no-such-group"))
        #expect(result.leftovers.isEmpty, "files were created: \(result.leftovers)")
    }

    @Test func aFolderTheGroupCannotEnterIsRefusedNotRunWithoutTheSocket() throws {
        let group = try ownGroup
        let result = try refusal(["--allow-group", group], folderMode: 0o700)
        #expect(result.status == 1)
        #expect(result.screen.contains("members of group \(group) cannot enter"))
        #expect(result.leftovers.isEmpty, "files were created: \(result.leftovers)")
    }

    @Test func aSessionFileTheGroupCannotReadIsRefused() throws {
        let group = try ownGroup
        let result = try refusal(["--allow-group", group], fileMode: 0o600)
        #expect(result.status == 1)
        #expect(result.screen.contains("members of group \(group) cannot read"))
        #expect(result.screen.contains("chmod g+r"))
    }

    @Test func aVoterTerminalCannotAllowAGroup() throws {
        let result = try refusal(["--voter", "--allow-group", try ownGroup])
        #expect(result.status == 64)
        #expect(result.screen.contains("--allow-group is for the moderator screen"))
    }
}
