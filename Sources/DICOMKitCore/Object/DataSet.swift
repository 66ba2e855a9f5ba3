/// An ordered collection of data elements, at most one per tag, sorted by tag.
///
/// A data set is the top level of a file or one item of a sequence. Look elements up by tag or
/// keyword and read their values with the typed accessors:
///
/// ```swift
/// let rows = file.dataSet.int(.rows)
/// let modality = file.dataSet.string(.modality)
/// let studyUID = file.dataSet[keyword: "StudyInstanceUID"]?.string
/// ```
///
/// Text is decoded on demand with the data set's Specific Character Set (``specificCharacterSet``):
/// single-byte ISO 8859 sets, UTF-8, GB18030, GBK and ISO 2022 code extensions for Japanese, Korean
/// and Chinese (see ``SpecificCharacterSet``). Typed values (numbers, dates, times, person names,
/// tags) have accessors by tag too, e.g. ``personNames(_:)``, ``dates(_:)``, ``decimals(_:)``.
public struct DataSet: Sendable, Equatable, RandomAccessCollection {
    /// The elements, sorted by tag.
    public private(set) var elements: [DataElement]

    /// The Specific Character Set (0008,0005) defined terms in effect for this data set's text: its own
    /// (0008,0005) when it has one, else those of the enclosing data set (PS3.5 6.1.2.5). Empty means the
    /// default repertoire. The reader sets it for every data set it reads; a data set built in code starts
    /// empty. It is not part of equality, which compares elements.
    public internal(set) var characterSetTerms: [String] = []
    /// For an item of a sequence read from a file, the item's length field: ``DataElement/undefinedLength``
    /// for an item ended by an item delimiter, else its length in bytes. `nil` for a top-level data
    /// set and for one built in code; not updated when the data set changes, and not part of equality.
    public internal(set) var lengthInFile: UInt32?

    /// Creates an empty data set.
    public init() {
        elements = []
    }

    /// Creates a data set from `elements` in any order; of several elements with one tag, the last
    /// wins.
    public init(_ elements: some Sequence<DataElement>) {
        let sorted = elements.enumerated().sorted {
            ($0.element.tag.rawValue, $0.offset) < ($1.element.tag.rawValue, $1.offset)
        }
        var unique: [DataElement] = []
        unique.reserveCapacity(sorted.count)
        for (_, element) in sorted {
            if unique.last?.tag == element.tag {
                unique[unique.count - 1] = element
            } else {
                unique.append(element)
            }
        }
        self.elements = unique
    }

    /// Wraps elements already sorted by tag without duplicates.
    init(sortedUniqueElements elements: [DataElement]) {
        self.elements = elements
    }

    /// Data sets are equal when their elements are.
    public static func == (lhs: DataSet, rhs: DataSet) -> Bool {
        lhs.elements == rhs.elements
    }

    /// The position of the first element.
    public var startIndex: Int { elements.startIndex }
    /// The position past the last element.
    public var endIndex: Int { elements.endIndex }

    /// The element at `position` (in tag order).
    public subscript(position: Int) -> DataElement {
        elements[position]
    }

    /// The element with `tag`, or `nil`. Setting an element replaces or inserts it (its `tag` must
    /// equal `tag`); setting `nil` removes it.
    public subscript(tag: Tag) -> DataElement? {
        get {
            switch search(tag) {
            case .found(let index): elements[index]
            case .insertAt: nil
            }
        }
        set {
            switch (search(tag), newValue) {
            case (.found(let index), .some(var element)):
                element.tag = tag
                elements[index] = element
            case (.found(let index), .none):
                elements.remove(at: index)
            case (.insertAt(let index), .some(var element)):
                element.tag = tag
                elements.insert(element, at: index)
            case (.insertAt, .none):
                break
            }
        }
    }

    /// The element of the attribute whose data dictionary keyword is `keyword` (e.g. `"PatientID"`),
    /// or `nil`.
    public subscript(keyword keyword: String) -> DataElement? {
        element(forKeyword: keyword)
    }

    /// The element of the attribute whose data dictionary keyword is `keyword`, or `nil`.
    public func element(forKeyword keyword: String) -> DataElement? {
        guard let tag = DataDictionary.tag(forKeyword: keyword) else { return nil }
        return self[tag]
    }

    /// Whether the data set holds an element with `tag`.
    public func contains(_ tag: Tag) -> Bool {
        if case .found = search(tag) { return true }
        return false
    }

    /// Inserts `element`, replacing any element with its tag.
    public mutating func set(_ element: DataElement) {
        self[element.tag] = element
    }

    /// Removes and returns the element with `tag`, if any.
    @discardableResult
    public mutating func remove(_ tag: Tag) -> DataElement? {
        guard case .found(let index) = search(tag) else { return nil }
        return elements.remove(at: index)
    }

    /// The first value of the text element `tag` decoded with ``specificCharacterSet``, its padding
    /// removed, or `nil` when absent or not text. See ``DataElement/string(characterSet:)``; for the
    /// warnings of decoding, ``decodedStrings(_:)``.
    public func string(_ tag: Tag) -> String? {
        guard let element = self[tag] else { return nil }
        guard element.vr.isAffectedByCharacterSet else { return element.string }
        return element.string(characterSet: specificCharacterSet)
    }

    /// Every value of the text element `tag` decoded with ``specificCharacterSet`` (split at
    /// backslashes where the VR allows several values), padding removed; empty when absent. See
    /// ``DataElement/strings(characterSet:)``.
    public func strings(_ tag: Tag) -> [String] {
        decodedStrings(tag).values
    }

    /// The first value of the US element `tag`, or `nil`.
    public func uint16(_ tag: Tag) -> UInt16? {
        self[tag]?.uint16
    }

    /// The first value of the element `tag` as an integer (IS text, or binary US, SS, UL, SL, SV, UV),
    /// or `nil`.
    public func int(_ tag: Tag) -> Int? {
        self[tag]?.int
    }

    /// The first value of the element `tag` as a floating-point number (DS, IS, FL, FD or an integer
    /// VR), or `nil`.
    public func double(_ tag: Tag) -> Double? {
        self[tag]?.double
    }

    /// The items of the sequence `tag`, or `nil` when absent or not a sequence.
    public func items(_ tag: Tag) -> [DataSet]? {
        self[tag]?.items
    }

    private enum SearchResult {
        case found(Int)
        case insertAt(Int)
    }

    private func search(_ tag: Tag) -> SearchResult {
        let key = tag.rawValue
        var low = 0
        var high = elements.count
        while low < high {
            let middle = (low + high) / 2
            let probe = elements[middle].tag.rawValue
            if probe == key {
                return .found(middle)
            }
            if probe < key {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return .insertAt(low)
    }
}
