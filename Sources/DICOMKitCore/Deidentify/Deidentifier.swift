internal import CryptoSupport

/// De-identifies DICOM files with the Basic Application Level Confidentiality Profile (PS3.15
/// Annex E, Table E.1-1), keyed by a secret so that pseudonyms are stable per key.
///
/// ```swift
/// let deidentifier = try Deidentifier(secretKey: key)      // at least 16 bytes
/// let clean = try deidentifier.deidentify(file)
/// let bytes = try clean.serialized()
/// ```
///
/// What it does, at every nesting level (inside sequences, items of items):
/// - removes every private element (odd groups, private creators included), every group length,
///   and every file meta information element (group 0002) found in the data set: the writer builds
///   the meta group itself;
/// - applies the table's action: X removes; Z empties (a sequence becomes empty); D writes a dummy
///   value valid for the VR (DA `19000101`, TM `000000`, DT `19000101000000`, PN `ANONYMIZED^`,
///   AS `000Y`, IS/DS `0`, other text `ANONYMIZED` cut to the VR's length, binary zeros; a sequence
///   becomes one empty item; a UI is replaced as by U); U replaces each UID with
///   `2.25.` + the decimal of the first 16 bytes of HMAC-SHA256(key, UID); K keeps, sequences
///   with their items de-identified;
/// - resolves the combined codes without consulting the IOD, to the weakest action that always
///   keeps the object valid: X/Z to Z; X/D, Z/D and X/Z/D to D; X/Z/U* to U for a UI, for a
///   sequence to keeping it with every item de-identified (whose UIDs the table replaces), and to Z
///   otherwise;
/// - fails closed for attributes the table does not list, in this order:
///   1. a short supplementary table of identifying attributes E.1-1 leaves out (retired order
///      numbers (0040,1006), (0040,1007), (0040,2006), (0040,2007); Overlay Description
///      (60xx,0022); birth and death dates in an alternative calendar (0010,0033), (0010,0034);
///      Breed Registration Number (0010,2295); Contact URI (0074,100A) and Contact Display Name
///      (0074,100C); Owner ID (2100,0160); Boarding Pass ID (4010,101A) and Itinerary ID
///      (4010,1051)) is applied: all are removed;
///   2. a public attribute the data dictionary does not know is removed, whatever its VR (a UN
///      blob included), since nothing says what it holds;
///   3. free text and locators are removed: an attribute whose VR, or whose dictionary VR, is LT,
///      ST, UT, UC or UR (a Retrieve URL holds the original UIDs; UC holds free text);
///   4. names and dates get a dummy (D): an attribute whose VR, or whose dictionary VR, is PN, DA
///      or DT (the dictionary's VR matters for values sent as UN);
///   5. anything else is kept, sequences with their items de-identified; a kept text value holding
///      control bytes (a declared length that swallows the elements after it) is refused with
///      ``DICOMError/Code/invalidValue`` rather than kept;
/// - replaces Patient ID (0010,0020) with ``pseudonym(forPatientID:)`` instead of emptying it;
/// - sets Patient Identity Removed (0012,0062) to `YES`, De-identification Method (0012,0063) and
///   De-identification Method Code Sequence (0012,0064, DCM 113100); Burned In Annotation
///   (0028,0301) is left as it is;
/// - rebuilds the file meta information so that the media storage SOP Instance UID is the new SOP
///   Instance UID.
///
/// Pixel data is not inspected: burned-in text is outside the Basic Profile's reach. Kept
/// attributes of other VRs (LO, SH, CS, ...) that the table does not list keep their values: a
/// Code Meaning (0008,0104) typed by hand, for example, is kept as it is.
public struct Deidentifier: Sendable, CustomStringConvertible, CustomReflectable {
    /// The shortest secret key accepted, in bytes.
    public static let minimumKeyLength = 16
    /// The text written in De-identification Method (0012,0063).
    public static let methodDescription = "PS3.15 E.1 Basic Profile; MedicalUploadKit DICOMKitCore"

    private let secretKey: [UInt8]

    /// Creates a de-identifier keyed by `secretKey`.
    ///
    /// - Throws: ``DICOMError/Code/invalidKey`` when the key is shorter than ``minimumKeyLength``.
    public init(secretKey: [UInt8]) throws(DICOMError) {
        guard secretKey.count >= Deidentifier.minimumKeyLength else {
            throw DICOMError(
                .invalidKey, message: "the secret key must be at least \(Deidentifier.minimumKeyLength) bytes"
            )
        }
        self.secretKey = secretKey
    }

    /// A description that never shows the key.
    public var description: String {
        "Deidentifier(Basic Profile)"
    }

    /// A mirror without children, so that `dump` and debuggers never show the key.
    public var customMirror: Mirror {
        Mirror(self, children: [])
    }

    /// `file` de-identified, with file meta information consistent with its new UIDs.
    ///
    /// - Throws: ``DICOMError/Code/nestingTooDeep`` for a data set nested deeper than
    ///   ``DICOMFile/ReadOptions/nestingDepthCeiling`` (only possible for data sets built in code).
    public func deidentify(_ file: DICOMFile) throws(DICOMError) -> DICOMFile {
        var dataSet = try process(file.dataSet, depth: 0)
        dataSet.set(DataElement(tag: .patientIdentityRemoved, vr: .CS, string: "YES").paddedToEvenLength())
        dataSet.set(
            DataElement(tag: .deidentificationMethod, vr: .LO, string: Deidentifier.methodDescription)
                .paddedToEvenLength())
        let code = DataSet([
            DataElement(tag: .codeValue, vr: .SH, string: "113100").paddedToEvenLength(),
            DataElement(tag: .codingSchemeDesignator, vr: .SH, string: "DCM").paddedToEvenLength(),
            DataElement(tag: .codeMeaning, vr: .LO, string: "Basic Application Confidentiality Profile")
                .paddedToEvenLength(),
        ])
        dataSet.set(DataElement(tag: .deidentificationMethodCodeSequence, items: [code]))
        var previous = DataSet()
        if let sopClass = file.fileMetaInformation.string(.mediaStorageSOPClassUID) {
            previous.set(DataElement(tag: .mediaStorageSOPClassUID, vr: .UI, string: sopClass))
        }
        if let sopInstance = file.fileMetaInformation.string(.mediaStorageSOPInstanceUID), !sopInstance.isEmpty {
            previous.set(
                DataElement(tag: .mediaStorageSOPInstanceUID, vr: .UI, string: replacementUID(for: sopInstance))
                    .paddedToEvenLength()
            )
        }
        return DICOMFile(dataSet: dataSet, transferSyntax: file.transferSyntax, fileMetaInformation: previous)
    }

    /// The pseudonym that replaces Patient ID `patientID`: `MUK-` and the first 16 hex digits
    /// (uppercase) of HMAC-SHA256(key, `"PatientID:" + patientID`), with `patientID` stripped of
    /// leading and trailing spaces. The same ID and key always give the same pseudonym.
    public func pseudonym(forPatientID patientID: String) -> String {
        let trimmed = decodeText(trimText(ArraySlice(patientID.utf8), vr: .LO))
        let mac = HMACSHA256.authenticationCode(key: secretKey, message: "PatientID:" + trimmed)
        return "MUK-" + mac.prefix(8).hexString.uppercased()
    }

    /// The UID that replaces `uid`: `2.25.` and the decimal value of the first 16 bytes of
    /// HMAC-SHA256(key, `uid`) (padding removed), at most 44 characters. The same UID and key always
    /// give the same replacement, so a study keeps one pseudonymous Study Instance UID.
    public func replacementUID(for uid: String) -> String {
        let trimmed = trimUIDPadding(decodeText(trimText(ArraySlice(uid.utf8), vr: .UI)))
        let mac = HMACSHA256.authenticationCode(key: secretKey, message: trimmed)
        return "2.25." + decimalString(bigEndian: mac.prefix(16))
    }

    // MARK: - Data sets

    private func process(_ dataSet: DataSet, depth: Int) throws(DICOMError) -> DataSet {
        guard depth <= DICOMFile.ReadOptions.nestingDepthCeiling else {
            throw DICOMError(
                .nestingTooDeep, message: "sequences nest deeper than \(DICOMFile.ReadOptions.nestingDepthCeiling)"
            )
        }
        var output: [DataElement] = []
        output.reserveCapacity(dataSet.count)
        for element in dataSet {
            let vr = Deidentifier.effectiveVR(of: element)
            switch Deidentifier.treatment(of: element) {
            case .remove:
                continue
            case .pseudonym:
                let original = element.bytes.map { decodeText(trimText($0, vr: .LO)) } ?? ""
                output.append(
                    DataElement(tag: .patientID, vr: .LO, string: pseudonym(forPatientID: original))
                        .paddedToEvenLength())
            case .keep:
                output.append(try keepingStructure(element, depth: depth))
            case .zero:
                output.append(zeroed(element, vr: vr))
            case .dummy:
                output.append(dummy(element, vr: vr))
            case .replaceUIDs:
                output.append(replacingUIDs(element))
            }
        }
        return DataSet(sortedUniqueElements: output)
    }

    /// What ``deidentify(_:)`` does with one element of a data set (at any nesting level).
    enum Treatment: Equatable {
        /// Left out.
        case remove
        /// Patient ID, replaced by ``pseudonym(forPatientID:)``.
        case pseudonym
        /// Kept as it is; a sequence is kept with each item de-identified.
        case keep
        /// Emptied (a sequence left without items).
        case zero
        /// Replaced by ``dummyValue(for:)`` (a sequence by one empty item).
        case dummy
        /// Each UID replaced by ``replacementUID(for:)``.
        case replaceUIDs
    }

    /// The treatment of `element`: private elements, group lengths and group 0002 elements are
    /// removed, Patient ID gets its pseudonym, and every other element the action of Table E.1-1 (or,
    /// unlisted, of ``unlistedAction(for:)``) resolved without consulting the IOD (see the type's
    /// documentation).
    static func treatment(of element: DataElement) -> Treatment {
        let tag = element.tag
        if tag.isPrivate || tag.isGroupLength || tag.isFileMetaInformation {
            return .remove
        }
        if tag == .patientID {
            return .pseudonym
        }
        let isSequence = element.items != nil
        let isUID = effectiveVR(of: element) == .UI
        switch BasicProfile.action(for: tag) ?? unlistedAction(for: element) {
        case .keep:
            return .keep
        case .remove:
            return .remove
        case .zero, .removeOrZero:
            return .zero
        case .dummy, .zeroOrDummy, .removeOrDummy, .removeOrZeroOrDummy:
            return !isSequence && isUID ? .replaceUIDs : .dummy
        case .replaceUID, .removeOrZeroOrReplaceUID:
            if isUID {
                return .replaceUIDs
            }
            return isSequence ? .keep : .zero
        }
    }

    /// Whether ``deidentify(_:)`` keeps the value of `element`, an element of a data set at any
    /// nesting level, exactly as it is, so that showing the value reveals nothing de-identification
    /// would not. For a sequence: whether the sequence is kept, its items then de-identified element
    /// by element (ask again for each of their elements); a removed, emptied or replaced sequence
    /// gives `false`, and nothing inside it is kept.
    ///
    /// `false` for private elements, group lengths, group 0002 elements, Patient ID (replaced by a
    /// pseudonym), every attribute whose Table E.1-1 action (or, for an unlisted attribute, the
    /// fail-closed rule) removes, empties or replaces it, and kept text holding control bytes (which
    /// de-identification refuses). The answer depends on the element alone, not on the key.
    ///
    /// ```swift
    /// for element in file.dataSet where Deidentifier.keepsValue(of: element) {
    ///     print(element.tag, element.string ?? "")    // safe to show
    /// }
    /// ```
    public static func keepsValue(of element: DataElement) -> Bool {
        guard treatment(of: element) == .keep else { return false }
        if element.items != nil {
            return true
        }
        do {
            try checkKeptText(element)
            return true
        } catch {
            return false
        }
    }

    /// Whether the file meta information of a file that ``deidentify(_:)`` returns carries the value of
    /// `element`, an element of the original file's meta information, over unchanged: `true` for File
    /// Meta Information Version (0002,0001), Media Storage SOP Class UID (0002,0002) and Transfer
    /// Syntax UID (0002,0010), which say what the file is rather than whose it is. Every other element
    /// of group 0002 is rebuilt (the group length, the implementation's UID and version name), replaced
    /// (Media Storage SOP Instance UID) or left out (source and sending application entity titles,
    /// private information), so its value is not carried over; so is any element outside group 0002.
    public static func keepsFileMetaInformationValue(of element: DataElement) -> Bool {
        switch element.tag {
        case .fileMetaInformationVersion, .mediaStorageSOPClassUID, .transferSyntaxUID: true
        default: false
        }
    }

    /// The element itself, its items (if a sequence) de-identified. A kept text value must be text: one
    /// holding control bytes has a declared length that swallows the elements after it (whose identifying
    /// values would then survive inside the kept one), so it is refused rather than kept.
    private func keepingStructure(_ element: DataElement, depth: Int) throws(DICOMError) -> DataElement {
        guard case .sequence(let items) = element.value else {
            try Deidentifier.checkKeptText(element)
            return element
        }
        var processed: [DataSet] = []
        processed.reserveCapacity(items.count)
        for item in items {
            processed.append(try process(item, depth: depth + 1))
        }
        return DataElement(tag: element.tag, vr: .SQ, value: .sequence(processed))
    }

    private func zeroed(_ element: DataElement, vr: VR) -> DataElement {
        if element.items != nil {
            return DataElement(tag: element.tag, items: [])
        }
        return DataElement(tag: element.tag, vr: vr, bytes: [])
    }

    private func dummy(_ element: DataElement, vr: VR) -> DataElement {
        if element.items != nil {
            return DataElement(tag: element.tag, items: [DataSet()])
        }
        return DataElement(tag: element.tag, vr: vr, bytes: Deidentifier.dummyValue(for: vr)).paddedToEvenLength()
    }

    private func replacingUIDs(_ element: DataElement) -> DataElement {
        guard let bytes = element.bytes else {
            return DataElement(tag: element.tag, vr: .UI, bytes: [])
        }
        let values = bytes.split(separator: backslash, omittingEmptySubsequences: false).map { value in
            let uid = decodeText(trimText(value, vr: .UI))
            return uid.isEmpty ? "" : replacementUID(for: uid)
        }
        return DataElement(tag: element.tag, vr: .UI, strings: values).paddedToEvenLength()
    }

    /// The action for a public attribute that Table E.1-1 does not list (see the type's
    /// documentation): the supplementary table's; X when the dictionary does not know the tag or
    /// the element's VR or the dictionary's is LT, ST, UT, UC or UR; D when either is PN, DA or DT; else K.
    static func unlistedAction(for element: DataElement) -> BasicProfile.Action {
        if let action = SupplementaryActions.action(for: element.tag) {
            return action
        }
        guard let specification = DataDictionary.specification(for: element.tag) else {
            return .remove
        }
        let vrs = CollectionOfOne(element.vr) + specification.vrs
        if vrs.contains(where: { $0 == .LT || $0 == .ST || $0 == .UT || $0 == .UC || $0 == .UR }) {
            return .remove
        }
        if vrs.contains(where: { $0 == .PN || $0 == .DA || $0 == .DT }) {
            return .dummy
        }
        return .keep
    }

    /// Throws `invalidValue` when a text element holds a control byte its VR does not allow: anything below
    /// 0x20 but ESC (character set escapes) and, in LT, ST, UT and UC, TAB, LF, FF and CR. Trailing NUL
    /// padding, which real files carry, is tolerated.
    static func checkKeptText(_ element: DataElement) throws(DICOMError) {
        let vr = effectiveVR(of: element)
        guard vr.isText, let bytes = element.bytes else { return }
        let formatted: Set<UInt8> = vr == .LT || vr == .ST || vr == .UT || vr == .UC ? [0x09, 0x0A, 0x0C, 0x0D] : []
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == 0 { end = bytes.index(before: end) }
        for byte in bytes[bytes.startIndex..<end] where byte < 0x20 && byte != 0x1B && !formatted.contains(byte) {
            throw DICOMError(
                .invalidValue, tag: element.tag,
                message: "the \(vr) value of \(element.tag) holds control bytes; its length may swallow other elements")
        }
    }

    /// The element's VR, or for a UN element of a public attribute with one dictionary VR, that VR.
    static func effectiveVR(of element: DataElement) -> VR {
        guard element.vr == .UN, !element.tag.isPrivate, let entry = DataDictionary.entry(for: element.tag),
            entry.vrs.count == 1
        else {
            return element.vr
        }
        return entry.vrs[0]
    }

    /// A non-empty dummy value valid for `vr`.
    static func dummyValue(for vr: VR) -> [UInt8] {
        let text: String
        switch vr {
        case .DA: text = "19000101"
        case .TM: text = "000000"
        case .DT: text = "19000101000000"
        case .PN: text = "ANONYMIZED^"
        case .AS: text = "000Y"
        case .IS, .DS: text = "0"
        case .UI: text = "2.25.0"
        case .AE, .CS, .SH, .LO, .ST, .LT, .UC, .UT, .UR:
            text = String("ANONYMIZED".prefix(vr.maximumValueLength ?? 10))
        case .SQ:
            return []
        case .OB, .UN:
            return [0, 0]
        case .AT, .FD, .FL, .OD, .OF, .OL, .OV, .OW, .SL, .SS, .SV, .UL, .US, .UV:
            return [UInt8](repeating: 0, count: vr.binaryValueSize ?? 2)
        }
        return Array(text.utf8)
    }
}

/// The decimal digits of the unsigned big-endian integer `bytes` (no leading zeros; `0` for zero).
func decimalString(bigEndian bytes: some Collection<UInt8>) -> String {
    let padded = [UInt8](repeating: 0, count: (4 - bytes.count % 4) % 4) + Array(bytes)
    var words: [UInt32] = stride(from: 0, to: padded.count, by: 4).map { start in
        padded[start..<(start + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }
    var digits: [UInt8] = []
    while words.contains(where: { $0 != 0 }) {
        var remainder: UInt64 = 0
        for index in words.indices {
            let value = remainder << 32 | UInt64(words[index])
            words[index] = UInt32(value / 10)
            remainder = value % 10
        }
        digits.append(UInt8(ascii: "0") + UInt8(remainder))
    }
    if digits.isEmpty {
        return "0"
    }
    return String(decoding: digits.reversed(), as: UTF8.self)
}
