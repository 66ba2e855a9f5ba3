/// An AWS access key pair, with the session token of temporary (STS) credentials.
///
/// Printing the value never shows the secret access key or the session token: `description`,
/// `debugDescription` and the mirror used by `dump` show the access key ID only.
///
/// ```swift
/// let credentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: secret)
/// print(credentials)  // AWSCredentials(accessKeyID: AKIDEXAMPLE, secretAccessKey: <redacted>)
/// ```
public struct AWSCredentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The access key ID, e.g. `AKIDEXAMPLE`. Not secret: it appears in every signed request.
    public let accessKeyID: String
    /// The secret access key. Only the signer reads it.
    let secretAccessKey: String
    /// The session token of temporary credentials, sent as `X-Amz-Security-Token`.
    let sessionToken: String?

    /// Creates credentials. They are checked when first used to sign, not here.
    ///
    /// - Parameters:
    ///   - accessKeyID: The access key ID.
    ///   - secretAccessKey: The secret access key.
    ///   - sessionToken: The session token of temporary credentials, or `nil` for long-term keys.
    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// Whether the credentials carry a session token (temporary credentials).
    public var hasSessionToken: Bool { sessionToken != nil }

    /// The access key ID, with the secret and the token redacted.
    public var description: String {
        let token = sessionToken == nil ? "" : ", sessionToken: <redacted>"
        return "AWSCredentials(accessKeyID: \(accessKeyID), secretAccessKey: <redacted>\(token))"
    }

    /// Same as ``description``: the secret and the token are redacted.
    public var debugDescription: String { description }

    /// A mirror that shows the access key ID and hides the secret and the token.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "accessKeyID": accessKeyID,
                "secretAccessKey": "<redacted>",
                "sessionToken": sessionToken == nil ? "nil" : "<redacted>",
            ],
            displayStyle: .struct
        )
    }

    /// Checks that the credentials can be put into a SigV4 credential scope.
    func validate() throws(S3PresignError) {
        if accessKeyID.isEmpty {
            throw S3PresignError(.invalidCredentials, field: "accessKeyID", reason: "the access key ID is empty")
        }
        for (offset, byte) in accessKeyID.utf8.enumerated()
        where byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: "/") {
            throw S3PresignError(
                .invalidCredentials, field: "accessKeyID", offset: offset,
                reason: "the access key ID has a space, a control character or a '/'"
            )
        }
        if secretAccessKey.isEmpty {
            throw S3PresignError(
                .invalidCredentials, field: "secretAccessKey", reason: "the secret access key is empty")
        }
        guard let sessionToken else { return }
        if sessionToken.isEmpty {
            throw S3PresignError(
                .invalidCredentials, field: "sessionToken", reason: "the session token is empty; pass nil instead"
            )
        }
        for (offset, byte) in sessionToken.utf8.enumerated() where byte < 0x20 || byte == 0x7F {
            throw S3PresignError(
                .invalidCredentials, field: "sessionToken", offset: offset,
                reason: "the session token has a control character"
            )
        }
    }
}
