// Names: data dictionary keywords and UID registry keywords, looked up once per tag or UID and kept
// as bytes ready to copy into the output.

import DICOMKitCore

/// Keywords of tags and of registered UIDs, cached as UTF-8 bytes.
struct Names {
    private var keywords: [UInt32: [UInt8]] = [:]
    private var uidKeywords: [ArraySlice<UInt8>: [UInt8]] = [:]

    static let item = Array("Item".utf8)
    static let itemDelimitationItem = Array("ItemDelimitationItem".utf8)
    static let sequenceDelimitationItem = Array("SequenceDelimitationItem".utf8)
    private static let privateTag = Array("PrivateTag".utf8)
    private static let unknownTag = Array("UnknownTag".utf8)

    init() {
        keywords.reserveCapacity(1024)
    }

    /// The data dictionary keyword of `tag` (`PrivateCreator` for private creators, `GroupLength` for
    /// group lengths the dictionary does not name), `PrivateTag` for other private tags, `UnknownTag`
    /// for public tags the dictionary does not know.
    mutating func keyword(_ tag: Tag) -> [UInt8] {
        let key = tag.rawValue
        if let known = keywords[key] {
            return known
        }
        let name: [UInt8]
        if let entry = DataDictionary.entry(for: tag), !entry.keyword.isEmpty {
            name = Array(entry.keyword.utf8)
        } else {
            name = tag.isPrivate ? Names.privateTag : Names.unknownTag
        }
        keywords[key] = name
        return name
    }

    /// The UID registry keyword of `uid` (its bytes, padding removed), or `nil` when the registry does
    /// not list it or names it without a keyword.
    mutating func uidKeyword(_ uid: ArraySlice<UInt8>) -> [UInt8]? {
        if let known = uidKeywords[uid] {
            return known.isEmpty ? nil : known
        }
        guard uid.count <= 64 else { return nil }
        var name: [UInt8] = []
        if let entry = UIDRegistry.entry(for: String(decoding: uid, as: UTF8.self)) {
            name = Array(entry.keyword.utf8)
        }
        if uidKeywords.count < 4096 {
            uidKeywords[ArraySlice(Array(uid))] = name
        }
        return name.isEmpty ? nil : name
    }
}
