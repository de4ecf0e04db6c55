/// `RoleGate`'s answer to one client request.
public enum RemoteAdmission: Sendable, Equatable {
    /// Send this to the runner; the client is acknowledged once it is recorded (journal fsynced).
    case perform(WorkshopAction)
    /// Tell the client this, in words a person reads on their screen; nothing changed.
    case refused(String)
    /// Refused because of the voting code (missing, mistyped, not on the sheet, already used for this poll): the
    /// client asks the person for their code again instead of showing the same question.
    case refusedCode(String)
}
