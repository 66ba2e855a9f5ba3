internal import CryptoSupport
public import Foundation

/// Names for stored objects that carry nothing of the client's file name (which may hold a patient's
/// name) and cannot be guessed.
public enum StorageKey: Sendable {
    /// A new key `<kind>/<yyyy>/<mm>/<dd>/<32 random hex digits>.<ext>`, e.g.
    /// `dicom/2026/12/03/3f2a…9c.dcm`, dated in UTC.
    ///
    /// - Parameters:
    ///   - kind: the upload kind; its name is the first path component.
    ///   - contentType: the sniffed format; its canonical extension ends the key.
    ///   - date: when the upload was received.
    ///   - randomBytes: the key's random part; `nil` (the default) draws 16 fresh secure random bytes.
    ///     Inject bytes only in tests.
    public static func make(
        kind: UploadKind, contentType: ContentType, date: Date, randomBytes: [UInt8]? = nil
    ) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        func pad(_ value: Int?, _ width: Int) -> String {
            let digits = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let random = (randomBytes ?? SecureRandom.bytes(count: 16)).hexString
        let day = "\(pad(parts.year, 4))/\(pad(parts.month, 2))/\(pad(parts.day, 2))"
        return "\(kind.name)/\(day)/\(random).\(contentType.canonicalExtension)"
    }
}
