/// The outcome of a complete scan: the only two answers that are not errors.
///
/// The set of cases is closed on purpose: a scan either covered every byte and found nothing, or
/// found a signature. Everything else (limits hit, scanner errors, timeouts, odd replies) is a
/// thrown ``ClamdError``, so a `switch` over a verdict never needs a default that could be
/// mistaken for clean.
public enum ClamdVerdict: Sendable, Hashable {
    /// clamd scanned the whole stream and replied exactly `stream: OK`.
    case clean
    /// clamd replied `stream: <signature> FOUND`; `signature` is the name exactly as clamd sent it,
    /// e.g. `Eicar-Test-Signature.UNOFFICIAL`.
    case infected(signature: String)
}
