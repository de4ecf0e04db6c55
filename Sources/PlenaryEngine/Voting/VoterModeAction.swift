/// Handing the terminal to voters and taking it back; the voters' own keys are `VoterInput`.
public enum VoterModeAction: Sendable, Equatable {
    /// Hands the terminal to voters for the open polls (asks for a PIN first if none is set).
    case start
    /// Starts straight in voter mode (`--voter`, e.g. after a supervisor restarted the program).
    case resume
    /// The code sheet's hashes and the used set, read at start.
    case loadCodeBook(CodeBook)
    /// A line for the voter screen from outside the voter flow (a storage problem).
    case message(String)
    case editNewPIN(LineEdit)
    case submitNewPIN
    /// The runner hashed the new PIN.
    case pinReady(SecretHash)
    /// The result of `.checkPIN`: leave voter mode, or count a wrong attempt.
    case pinChecked(matches: Bool)
}
