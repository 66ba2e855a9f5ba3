/// Typed values by tag. Each accessor reads the element `tag` of this data set (not of nested
/// items) as the `DataElement` accessor of the same name does; an absent element gives an empty
/// array or `nil`, never an error.
extension DataSet {
    /// The character sets of this data set's text: its own Specific Character Set (0008,0005) when it
    /// has one, else ``characterSetTerms`` (those the reader found in effect, inherited from the
    /// enclosing data set, or those set with ``setCharacterSetTerms(_:)``).
    public var specificCharacterSet: SpecificCharacterSet {
        if let element = self[.specificCharacterSet], let bytes = element.bytes {
            if bytes.isEmpty {
                return SpecificCharacterSet(terms: [])
            }
            if !bytes.contains(backslash) {
                return SpecificCharacterSet(terms: [String(decoding: trimText(bytes, vr: .CS), as: UTF8.self)])
            }
            return SpecificCharacterSet(terms: element.strings)
        }
        return SpecificCharacterSet(terms: characterSetTerms)
    }

    /// Sets the Specific Character Set terms in effect for this data set's text when it has no
    /// (0008,0005) of its own, e.g. for an item built in code that belongs in a data set with a
    /// character set.
    public mutating func setCharacterSetTerms(_ terms: [String]) {
        characterSetTerms = terms
    }

    /// Every value of the text element `tag` decoded with ``specificCharacterSet``, padding removed,
    /// with the warnings of decoding (see ``DataElement/decodedStrings(characterSet:)``). Empty when
    /// absent or not text.
    public func decodedStrings(_ tag: Tag) -> DecodedStrings {
        guard let element = self[tag] else { return DecodedStrings(values: []) }
        if !element.vr.isAffectedByCharacterSet {
            return element.decodedStrings(characterSet: .defaultRepertoire)
        }
        return element.decodedStrings(characterSet: specificCharacterSet)
    }

    /// The values of the PN element `tag` as person names, decoded with ``specificCharacterSet``;
    /// empty when absent, empty or not PN.
    public func personNames(_ tag: Tag) -> [PersonName] {
        self[tag]?.personNames(characterSet: specificCharacterSet) ?? []
    }

    /// The first value of the PN element `tag` as a person name, or `nil` when absent, empty or not
    /// PN.
    public func personName(_ tag: Tag) -> PersonName? {
        personNames(tag).first
    }

    /// The values of the element `tag` as integers (IS, US, SS, UL, SL, SV, UV). See
    /// ``DataElement/integers()``.
    public func integers(_ tag: Tag) throws(DICOMError) -> [Int] {
        try self[tag]?.integers() ?? []
    }

    /// The values of the DS element `tag`. See ``DataElement/decimals()``.
    public func decimals(_ tag: Tag) throws(DICOMError) -> [DecimalString] {
        try self[tag]?.decimals() ?? []
    }

    /// The values of the element `tag` as floating-point numbers. See ``DataElement/doubles()``.
    public func doubles(_ tag: Tag) throws(DICOMError) -> [Double] {
        try self[tag]?.doubles() ?? []
    }

    /// The values of the DA element `tag`. See ``DataElement/dates()``.
    public func dates(_ tag: Tag) throws(DICOMError) -> [DICOMDate] {
        try self[tag]?.dates() ?? []
    }

    /// The first value of the DA element `tag`, or `nil` when absent or empty.
    public func date(_ tag: Tag) throws(DICOMError) -> DICOMDate? {
        try dates(tag).first
    }

    /// The values of the TM element `tag`. See ``DataElement/times()``.
    public func times(_ tag: Tag) throws(DICOMError) -> [DICOMTime] {
        try self[tag]?.times() ?? []
    }

    /// The first value of the TM element `tag`, or `nil` when absent or empty.
    public func time(_ tag: Tag) throws(DICOMError) -> DICOMTime? {
        try times(tag).first
    }

    /// The values of the DT element `tag`. See ``DataElement/dateTimes()``.
    public func dateTimes(_ tag: Tag) throws(DICOMError) -> [DICOMDateTime] {
        try self[tag]?.dateTimes() ?? []
    }

    /// The first value of the DT element `tag`, or `nil` when absent or empty.
    public func dateTime(_ tag: Tag) throws(DICOMError) -> DICOMDateTime? {
        try dateTimes(tag).first
    }

    /// The DA element `tag` read as a range (as in a query), or `nil` when absent or empty. See
    /// ``DataElement/dateRange()``.
    public func dateRange(_ tag: Tag) throws(DICOMError) -> DICOMDateRange? {
        try self[tag]?.dateRange()
    }

    /// The TM element `tag` read as a range, or `nil` when absent or empty.
    public func timeRange(_ tag: Tag) throws(DICOMError) -> DICOMTimeRange? {
        try self[tag]?.timeRange()
    }

    /// The DT element `tag` read as a range, or `nil` when absent or empty.
    public func dateTimeRange(_ tag: Tag) throws(DICOMError) -> DICOMDateTimeRange? {
        try self[tag]?.dateTimeRange()
    }

    /// The values of the AT element `tag`, or `nil`. See ``DataElement/tags``.
    public func tags(_ tag: Tag) -> [Tag]? {
        self[tag]?.tags
    }

    /// The values of the element `tag` (US, SS, OW) as unsigned 16-bit integers, or `nil`.
    public func uint16s(_ tag: Tag) -> [UInt16]? {
        self[tag]?.uint16s
    }

    /// The values of the element `tag` (SS, US, OW) as signed 16-bit integers, or `nil`.
    public func int16s(_ tag: Tag) -> [Int16]? {
        self[tag]?.int16s
    }

    /// The values of the element `tag` (UL, SL, OL) as unsigned 32-bit integers, or `nil`.
    public func uint32s(_ tag: Tag) -> [UInt32]? {
        self[tag]?.uint32s
    }

    /// The values of the element `tag` (SL, UL, OL) as signed 32-bit integers, or `nil`.
    public func int32s(_ tag: Tag) -> [Int32]? {
        self[tag]?.int32s
    }

    /// The values of the element `tag` (UV, SV, OV) as unsigned 64-bit integers, or `nil`.
    public func uint64s(_ tag: Tag) -> [UInt64]? {
        self[tag]?.uint64s
    }

    /// The values of the element `tag` (SV, UV, OV) as signed 64-bit integers, or `nil`.
    public func int64s(_ tag: Tag) -> [Int64]? {
        self[tag]?.int64s
    }

    /// The values of the FL or OF element `tag`, or `nil`.
    public func float32s(_ tag: Tag) -> [Float]? {
        self[tag]?.float32s
    }

    /// The values of the FD or OD element `tag`, or `nil`.
    public func float64s(_ tag: Tag) -> [Double]? {
        self[tag]?.float64s
    }
}
