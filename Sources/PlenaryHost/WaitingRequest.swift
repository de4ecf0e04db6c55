import PlenaryEngine

/// A client's request read in this turn of the host's loop and not yet answered: a socket client's (already through
/// `RoleGate` when its frame was read, as `HostConnection` does) or a phone's ballot from the web page (judged when
/// it is run). Both are run and answered by the one path, `RoomHost.performWaiting`, so a phone's ballot and a
/// socket voter's are recorded, synced and acknowledged alike, and share a group commit (decision 92).
enum WaitingRequest {
    case socket(descriptor: Int32, id: Int, action: WorkshopAction)
    case web(WebInbox.Pending)

    var isWeb: Bool {
        if case .web = self { true } else { false }
    }
}
