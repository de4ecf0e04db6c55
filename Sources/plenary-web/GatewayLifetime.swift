import CParentDeath

/// The gateway must never outlive its host: a phone would see a page that no longer records anything.
enum GatewayLifetime {
    /// The kernel kills the gateway when the host dies, whatever the way. Should the host die before this call, the
    /// socket's end still ends the gateway.
    static func endWithParent() {
        _ = plenary_kill_me_when_parent_dies()
    }
}
