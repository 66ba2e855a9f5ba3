/// Where a clamd daemon listens.
///
/// clamd accepts commands on a TCP socket (`TCPSocket`/`TCPAddr` in `clamd.conf`) and on a Unix
/// domain socket (`LocalSocket`). The Unix socket is the faster choice when clamd runs on the same
/// host; TCP is the choice for a clamd in another container or host.
public enum ClamdEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// A TCP endpoint. `host` is an IPv4 or IPv6 literal (brackets optional: `::1` or `[::1]`) or
    /// a host name, resolved on every call on a thread of the client's own, within the connect
    /// timeout; `port` is 1...65535.
    case tcp(host: String, port: Int)
    /// A Unix domain socket at `path` (at most 107 bytes of UTF-8, the size of `sun_path`).
    case unixSocket(path: String)

    /// The endpoint as a URL-like string, e.g. `tcp://127.0.0.1:3310` or `unix:/run/clamd.ctl`.
    public var description: String {
        switch self {
        case .tcp(let host, let port):
            if host.contains(":") && !host.hasPrefix("[") {
                return "tcp://[\(host)]:\(port)"
            }
            return "tcp://\(host):\(port)"
        case .unixSocket(let path):
            return "unix:\(path)"
        }
    }
}
