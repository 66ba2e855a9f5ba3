internal import CryptoSupport

/// A value-free description of one element: where it sits, its tag, VR, length and the SHA-256 of
/// its raw value bytes. Fingerprints let two parses be compared, and a file's structure be logged,
/// without showing any value.
public struct ElementFingerprint: Sendable, Hashable {
    /// The length and SHA-256 (lowercase hex) of a run of raw bytes.
    public struct BytesDigest: Sendable, Hashable {
        /// The number of bytes.
        public let length: Int
        /// The SHA-256 of the bytes, lowercase hex.
        public let sha256: String

        init(_ bytes: ArraySlice<UInt8>) {
            length = bytes.count
            sha256 = SHA256Hasher.hash(bytes).hexString
        }
    }

    /// What the element holds.
    public enum Content: Sendable, Hashable {
        /// Raw value bytes.
        case value(BytesDigest)
        /// A sequence of `itemCount` items; their elements follow as fingerprints of their own.
        case sequence(itemCount: Int)
        /// Encapsulated pixel data: the basic offset table and each fragment.
        case encapsulated(offsetTable: BytesDigest, fragments: [BytesDigest])
    }

    /// The nesting path: empty at the top level, else the enclosing sequences and item indexes,
    /// e.g. `(0008,1115)[0].(0008,1199)[2]`.
    public let path: String
    /// The tag.
    public let tag: Tag
    /// The VR.
    public let vr: VR
    /// The content.
    public let content: Content
}

extension DataSet {
    /// The fingerprints of every element at every nesting level, depth first in tag order: a
    /// sequence's fingerprint comes before those of its items' elements.
    public func fingerprints() -> [ElementFingerprint] {
        var result: [ElementFingerprint] = []
        forEachFingerprint { result.append($0) }
        return result
    }

    /// Calls `body` with the fingerprint of every element at every nesting level, in the order of
    /// ``fingerprints()``, without keeping them: memory stays that of one fingerprint, however
    /// many elements the data set holds.
    public func forEachFingerprint(_ body: (ElementFingerprint) throws -> Void) rethrows {
        try forEachFingerprint(path: "", body)
    }

    private func forEachFingerprint(path: String, _ body: (ElementFingerprint) throws -> Void) rethrows {
        for element in self {
            switch element.value {
            case .bytes(let bytes):
                try body(
                    ElementFingerprint(path: path, tag: element.tag, vr: element.vr, content: .value(.init(bytes))))
            case .sequence(let items):
                try body(
                    ElementFingerprint(
                        path: path, tag: element.tag, vr: element.vr, content: .sequence(itemCount: items.count)
                    )
                )
                let prefix = path.isEmpty ? "" : path + "."
                for (index, item) in items.enumerated() {
                    try item.forEachFingerprint(path: "\(prefix)\(element.tag)[\(index)]", body)
                }
            case .encapsulated(let pixelData):
                try body(
                    ElementFingerprint(
                        path: path, tag: element.tag, vr: element.vr,
                        content: .encapsulated(
                            offsetTable: .init(pixelData.basicOffsetTable),
                            fragments: pixelData.fragments.map { .init($0) }
                        )
                    )
                )
            }
        }
    }
}
