public import Foundation

/// One entry of the audit trail: who did what to which resource, from where, when, and how it ended.
///
/// The detail holds codes, tags, byte offsets, sizes, storage keys and pseudonyms, never a PHI value (a
/// name, an ID or a date from a patient's file): the trail is read by people who may not see PHI.
public struct AuditEvent: Codable, Hashable, Sendable {
    /// A unique id of the event (a lower-case UUID by default).
    public var id: String
    /// When the event happened.
    public var timestamp: Date
    /// Who acted: a user id, a service account, or a tool name.
    public var actorID: String
    /// What was done.
    public var action: AuditAction
    /// The type of the resource acted on, e.g. `upload`.
    public var resourceType: String
    /// The id of the resource acted on, e.g. an upload id or a storage key.
    public var resourceID: String
    /// How it ended.
    public var outcome: AuditOutcome
    /// The client's network address, when known.
    public var clientIP: String?
    /// The client's user agent, when known.
    public var userAgent: String?
    /// Further facts as key-value pairs, free of PHI values.
    public var detail: [String: String]

    /// Creates an event.
    public init(
        id: String = UUID().uuidString.lowercased(), timestamp: Date = Date(), actorID: String, action: AuditAction,
        resourceType: String, resourceID: String, outcome: AuditOutcome, clientIP: String? = nil,
        userAgent: String? = nil, detail: [String: String] = [:]
    ) {
        self.id = id
        self.timestamp = timestamp
        self.actorID = actorID
        self.action = action
        self.resourceType = resourceType
        self.resourceID = resourceID
        self.outcome = outcome
        self.clientIP = clientIP
        self.userAgent = userAgent
        self.detail = detail
    }
}

/// What an audit event records was done. Host apps and the package's modules add their own actions as
/// static constants in extensions.
public struct AuditAction: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible {
    /// The action's stable name, e.g. `upload.scan`.
    public var rawValue: String

    /// Creates an action from its stable name.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates an action from its stable name.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// A security alert: malware found, or a security check that could not be completed.
    public static let securityAlert = AuditAction("security.alert")

    /// The stable name.
    public var description: String { rawValue }

    /// Decodes the stable name from a single string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the stable name as a single string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// How the audited action ended.
public enum AuditOutcome: String, Codable, Hashable, Sendable, CaseIterable {
    /// It was done.
    case success
    /// It was refused by a check or policy (a rejected upload, a denied access).
    case rejected
    /// It could not be done or decided (a service unreachable, a write failed).
    case error
}
