import Hummingbird
import NIOCore

/// Each request's context: Hummingbird's basics plus the peer's address, for the per-address rate limit, and a
/// small upload cap (a ballot is a few hundred bytes).
struct WebRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    var maxUploadSize: Int { WebServer.maximumBodyBytes }
}
