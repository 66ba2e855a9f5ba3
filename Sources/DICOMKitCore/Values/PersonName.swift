/// One value of a PN (Person Name) element: up to three component groups, each of up to five
/// components (PS3.5 6.2.1).
///
/// The groups are separated by `=`: alphabetic (single-byte characters), ideographic and
/// phonetic. The components of a group are separated by `^`: family name, given name, middle name,
/// prefix, suffix.
///
/// ```swift
/// let name = PersonName(parsing: "Yamada^Tarou=山田^太郎=やまだ^たろう")
/// name.alphabetic.familyName   // "Yamada"
/// name.ideographic.givenName   // "太郎"
/// name.phonetic.familyName     // "やまだ"
/// ```
///
/// Read elements with ``DataSet/personNames(_:)`` or ``DataElement/personNames(characterSet:)``,
/// which decode the bytes with the Specific Character Set first: the delimiters must be found in
/// the decoded text, not in the bytes. A `PersonName` holds identifying data: it has no
/// `description`, so that it is not logged by accident.
public struct PersonName: Sendable, Hashable {
    /// The five components of one component group.
    public struct ComponentGroup: Sendable, Hashable {
        /// The family name complex.
        public var familyName: String
        /// The given name complex.
        public var givenName: String
        /// The middle name.
        public var middleName: String
        /// The name prefix (e.g. a title).
        public var namePrefix: String
        /// The name suffix.
        public var nameSuffix: String

        /// Creates a component group.
        public init(
            familyName: String = "", givenName: String = "", middleName: String = "", namePrefix: String = "",
            nameSuffix: String = ""
        ) {
            self.familyName = familyName
            self.givenName = givenName
            self.middleName = middleName
            self.namePrefix = namePrefix
            self.nameSuffix = nameSuffix
        }

        /// Splits one component group at `^`. Components past the fifth, which the standard does not
        /// allow, stay in ``nameSuffix`` with their `^` separators, so nothing is lost.
        public init(parsing text: some StringProtocol) {
            var components = Substring(text).split(separator: "^", maxSplits: 4, omittingEmptySubsequences: false).map(
                String.init)
            while components.count < 5 {
                components.append("")
            }
            self.init(
                familyName: components[0], givenName: components[1], middleName: components[2],
                namePrefix: components[3], nameSuffix: components[4])
        }

        /// The five components in order: family, given, middle, prefix, suffix.
        public var components: [String] {
            [familyName, givenName, middleName, namePrefix, nameSuffix]
        }

        /// Whether every component is empty.
        public var isEmpty: Bool {
            components.allSatisfy(\.isEmpty)
        }

        /// The group as DICOM writes it: components joined by `^`, trailing empty components and
        /// their separators left out (`Doe^Jane`).
        public var dicomString: String {
            var components = components
            while components.last?.isEmpty == true {
                components.removeLast()
            }
            return components.joined(separator: "^")
        }
    }

    /// The alphabetic group (single-byte characters).
    public var alphabetic: ComponentGroup
    /// The ideographic group (e.g. Kanji, Hanja, Chinese characters).
    public var ideographic: ComponentGroup
    /// The phonetic group (e.g. Hiragana, Hangul).
    public var phonetic: ComponentGroup

    /// Creates a name from its groups.
    public init(
        alphabetic: ComponentGroup = ComponentGroup(), ideographic: ComponentGroup = ComponentGroup(),
        phonetic: ComponentGroup = ComponentGroup()
    ) {
        self.alphabetic = alphabetic
        self.ideographic = ideographic
        self.phonetic = phonetic
    }

    /// Splits one decoded PN value (not several: split at `\` first) into groups at `=` and
    /// components at `^`. Groups past the third, which the standard does not allow, stay in the
    /// phonetic group with their `=` separators, so nothing is lost. Parsing never fails.
    public init(parsing text: some StringProtocol) {
        let groups = Substring(text).split(separator: "=", maxSplits: 2, omittingEmptySubsequences: false)
        self.init(
            alphabetic: ComponentGroup(parsing: groups[0]),
            ideographic: groups.count > 1 ? ComponentGroup(parsing: groups[1]) : ComponentGroup(),
            phonetic: groups.count > 2 ? ComponentGroup(parsing: groups[2]) : ComponentGroup())
    }

    /// The three groups in order: alphabetic, ideographic, phonetic.
    public var componentGroups: [ComponentGroup] {
        [alphabetic, ideographic, phonetic]
    }

    /// Whether every group is empty.
    public var isEmpty: Bool {
        componentGroups.allSatisfy(\.isEmpty)
    }

    /// The name as DICOM writes it: groups joined by `=`, trailing empty groups and their separators
    /// left out (`Yamada^Tarou=山田^太郎`).
    public var dicomString: String {
        var groups = componentGroups.map(\.dicomString)
        while groups.last?.isEmpty == true {
            groups.removeLast()
        }
        return groups.joined(separator: "=")
    }
}
