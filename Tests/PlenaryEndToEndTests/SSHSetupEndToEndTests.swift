import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `plenary ssh-setup` from the real binary: absolute paths for whatever path it was given, refusals for names and
/// files it cannot use, and nothing changed on disk.
@Suite struct SSHSetupEndToEndTests {
    @Test func aRelativeSessionPathBecomesAbsoluteAndNothingIsWritten() throws {
        let (folder, _, plenary) = try AttachEndToEndTests().sessionWithPIN()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let real = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        let before = try FileManager.default.contentsOfDirectory(atPath: folder)
        let result = try Subprocess.run([plenary, "ssh-setup", "demo.yaml", "--group", "voters"], workingDirectory: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "a session with voter_pin needs no warning: \(result.stderr)")
        let program = URL(fileURLWithPath: plenary).resolvingSymlinksInPath().path
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("    ForceCommand \(program) attach \(real)/demo.yaml --voter --socket \(real)/demo.sock"))
        #expect(lines.contains("chgrp voters \(real)/demo.yaml \(real)"))
        #expect(lines.contains("sudo useradd --system --gid voters --no-create-home --home-dir / --shell /bin/sh vote"))
        #expect(lines.last == "\(program) run \(real)/demo.yaml --allow-group voters")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == before, "ssh-setup wrote a file")
    }

    @Test func aSessionWithoutAPINIsWarnedAbout() throws {
        let (folder, file) = try ModeratorEndToEndTests.copySession("demo.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try Subprocess.run([try TmuxPane.plenaryExecutable.path, "ssh-setup", file])
        #expect(result.status == 0)
        #expect(result.stderr.contains("has no voter_pin; a voter kiosk needs one"))
    }

    @Test func unusableNamesAndMissingFilesAreRefused() throws {
        let plenary = try TmuxPane.plenaryExecutable.path
        let badUser = try Subprocess.run([plenary, "ssh-setup", "x.yaml", "--user", "vote; rm -rf /"])
        #expect(badUser.status == 64)
        #expect(badUser.stderr.contains("is not a usable account or group name"))
        let missing = try Subprocess.run([plenary, "ssh-setup", "/nonexistent/sevilla.yaml"])
        #expect(missing.status != 0)
        #expect(missing.stdout.isEmpty, "nothing printed for a file that is not there: \(missing.stdout)")
    }
}
