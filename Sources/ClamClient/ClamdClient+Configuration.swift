extension ClamdClient {
    /// The limits and timeouts of a ``ClamdClient``.
    ///
    /// Every knob has a default suited to a clamd configured with `StreamMaxLength`,
    /// `MaxFileSize` and `MaxScanSize` around 100 MB:
    ///
    /// ```swift
    /// var configuration = ClamdClient.Configuration()
    /// configuration.readTimeout = .seconds(30)
    /// configuration.maxStreamLength = 100 * 1024 * 1024  // clamd's StreamMaxLength
    /// let client = ClamdClient(endpoint: .unixSocket(path: "/run/clamav/clamd.ctl"), configuration: configuration)
    /// ```
    public struct Configuration: Sendable, Hashable {
        /// The most time name resolution plus connecting may take. Default 5 s.
        public var connectTimeout: Duration
        /// The most time clamd may go without accepting any bytes of a command or stream (a stall
        /// timeout, so long uploads are not cut short). Default 60 s.
        public var writeTimeout: Duration
        /// The most time from the end of the sent command or stream to clamd's complete reply. The
        /// default, 150 s, exceeds clamd's default `MaxScanTime` (120 s), so a slow scan ends with
        /// clamd's own limit alert rather than a client timeout.
        public var readTimeout: Duration
        /// The data bytes per INSTREAM chunk, 1...16 MiB. Default 64 KiB. Capped at
        /// ``maxStreamLength`` when that is smaller.
        public var chunkSize: Int
        /// When set, the client refuses a stream longer than this many bytes with
        /// ``ClamdError/Code/sizeLimitExceeded`` before sending more (for buffers and files before
        /// connecting at all). Set it to clamd's `StreamMaxLength` to fail fast. Default `nil`:
        /// clamd's own limit applies, and its error is reported the same way.
        public var maxStreamLength: Int?
        /// The longest reply accepted before the terminator; longer is a
        /// ``ClamdError/Code/protocolError``. 1 KiB...16 MiB. Default 16 KiB.
        public var maxReplyLength: Int

        /// Creates a configuration; every argument has the default described on its property.
        public init(
            connectTimeout: Duration = .seconds(5),
            writeTimeout: Duration = .seconds(60),
            readTimeout: Duration = .seconds(150),
            chunkSize: Int = 64 * 1024,
            maxStreamLength: Int? = nil,
            maxReplyLength: Int = 16 * 1024
        ) {
            self.connectTimeout = connectTimeout
            self.writeTimeout = writeTimeout
            self.readTimeout = readTimeout
            self.chunkSize = chunkSize
            self.maxStreamLength = maxStreamLength
            self.maxReplyLength = maxReplyLength
        }

        /// The largest `chunkSize` accepted.
        static let chunkSizeLimit = 16 * 1024 * 1024

        /// The chunk size actually used: `chunkSize`, at most `maxStreamLength` (and at least 1).
        var effectiveChunkSize: Int {
            max(1, min(chunkSize, maxStreamLength ?? chunkSize))
        }

        /// Throws `invalidConfiguration` for values the client cannot work with.
        func validate(endpoint: ClamdEndpoint) throws(ClamdError) {
            func invalid(_ detail: String) -> ClamdError {
                ClamdError(code: .invalidConfiguration, endpoint: endpoint, detail: detail)
            }
            for (name, value) in [
                ("connectTimeout", connectTimeout), ("writeTimeout", writeTimeout), ("readTimeout", readTimeout),
            ] where value <= .zero {
                throw invalid("\(name) must be positive, is \(value)")
            }
            guard (1...Self.chunkSizeLimit).contains(chunkSize) else {
                throw invalid("chunkSize must be in 1...\(Self.chunkSizeLimit), is \(chunkSize)")
            }
            if let maxStreamLength, maxStreamLength < 0 {
                throw invalid("maxStreamLength must not be negative, is \(maxStreamLength)")
            }
            guard (1024...(16 * 1024 * 1024)).contains(maxReplyLength) else {
                throw invalid("maxReplyLength must be in 1024...16777216, is \(maxReplyLength)")
            }
        }
    }
}
