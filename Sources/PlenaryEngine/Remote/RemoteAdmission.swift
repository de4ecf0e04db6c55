/// `RoleGate`'s answer to one client request.
public enum RemoteAdmission: Sendable, Equatable {
    /// Send this to the runner; the client is acknowledged once it is recorded (journal fsynced).
    case perform(WorkshopAction)
    /// Tell the client this, in words a person reads on their screen; nothing changed.
    case refused(String)
}
