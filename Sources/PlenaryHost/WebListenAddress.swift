#if canImport(Glibc)
import Glibc
#endif

/// `--web [ADDRESS:]PORT`: where the voting page listens, and the address phones are shown. Without an address it
/// listens on every interface, since the point is phones on the venue's network; the address shown is then the
/// laptop's first private IPv4 address (its Wi-Fi or hotspot), which a phone on that network reaches.
public struct WebListenAddress: Sendable, Equatable {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Nil with the reason when `text` is not `PORT` or `ADDRESS:PORT` (an IPv4 address or `localhost`).
    public static func parse(_ text: String) -> Result<WebListenAddress, ParseError> {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2, let portText = parts.last, let port = Int(portText), (0...65535).contains(port) else {
            return .failure(ParseError("\(text): give a port (8080) or an address and a port (192.168.1.20:8080)"))
        }
        guard parts.count == 2 else { return .success(WebListenAddress(host: "0.0.0.0", port: port)) }
        let host = parts[0] == "localhost" ? "127.0.0.1" : parts[0]
        var parsed = in_addr()
        guard inet_pton(AF_INET, host, &parsed) == 1 else {
            return .failure(ParseError("\(text): \(parts[0]) is not an IPv4 address of this machine (e.g. 192.168.1.20, or 127.0.0.1)"))
        }
        return .success(WebListenAddress(host: host, port: port))
    }

    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    public var isLoopback: Bool { host.hasPrefix("127.") }

    /// The address to show phones for a page bound to `port`.
    public func shownURL(port: Int, interfaces: [String] = WebListenAddress.localIPv4Addresses()) -> String {
        let shownHost = host == "0.0.0.0" ? Self.preferred(interfaces) ?? "127.0.0.1" : host
        return "http://\(shownHost)\(port == 80 ? "" : ":\(port)")/"
    }

    /// Private addresses first (the venue's or the hotspot's network), then any other non-loopback one.
    static func preferred(_ addresses: [String]) -> String? {
        let outside = addresses.filter { !$0.hasPrefix("127.") }
        func isPrivate(_ address: String) -> Bool {
            let octets = address.split(separator: ".").compactMap { Int($0) }
            guard octets.count == 4 else { return false }
            return octets[0] == 10 || (octets[0] == 172 && (16...31).contains(octets[1])) || (octets[0] == 192 && octets[1] == 168)
        }
        return outside.first(where: isPrivate) ?? outside.first
    }

    /// This machine's IPv4 addresses, interface by interface (getifaddrs).
    public static func localIPv4Addresses() -> [String] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return [] }
        defer { freeifaddrs(list) }
        var addresses: [String] = []
        for entry in sequence(first: first, next: { $0.pointee.ifa_next }) {
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET),
                  entry.pointee.ifa_flags & UInt32(IFF_UP) != 0 else { continue }
            var buffer = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
            let text = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { inet in
                var raw = inet.pointee.sin_addr
                return inet_ntop(AF_INET, &raw, &buffer, socklen_t(buffer.count)).map { _ in
                    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                }
            }
            if let text { addresses.append(text) }
        }
        return addresses
    }
}
