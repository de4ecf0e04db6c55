import ArgumentParser
import Glibc
import PlenaryEngine
import PlenaryStorage

struct PinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pin",
        abstract: "Make the moderator PIN's hash for a session file's `voter_pin`.",
        discussion: """
            Asks for the PIN twice without showing it (or reads one line from standard input when it is not \
            a terminal) and prints the line to put in the session file. The PIN itself is never written anywhere.

            Examples:
              plenary pin                    # asks twice, prints the voter_pin line
              plenary pin >> sevilla.yaml    # adds the line to the session file
            """
    )

    func run() throws {
        let pin: String
        if isatty(0) == 1 {
            let first = Self.readHidden("New moderator PIN: ")
            let second = Self.readHidden("Again: ")
            guard first == second else { throw UsageError.report("the two PINs differ", for: Self.self) }
            pin = first
        } else {
            pin = readLine(strippingNewline: true) ?? ""
        }
        guard pin.count >= SecretHash.pinMinimumLength else {
            throw UsageError.report("a PIN needs at least \(SecretHash.pinMinimumLength) characters", for: Self.self)
        }
        guard pin.count <= SecretHash.pinMaximumLength else {
            throw UsageError.report("a PIN can have at most \(SecretHash.pinMaximumLength) characters (the voter screen's prompt takes no more)", for: Self.self)
        }
        let hash = SecretHash.pin(pin, salt: WorkshopRunner.systemRandomBytes(16))
        print("voter_pin: \"\(hash)\"")
    }

    /// Reads a line with echo off, restoring the terminal whatever happens.
    static func readHidden(_ prompt: String) -> String {
        StandardError.write(prompt, newline: false)
        var saved = termios()
        tcgetattr(0, &saved)
        var hidden = saved
        hidden.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(0, TCSANOW, &hidden)
        defer {
            tcsetattr(0, TCSANOW, &saved)
            StandardError.write("")
        }
        return readLine(strippingNewline: true) ?? ""
    }
}
