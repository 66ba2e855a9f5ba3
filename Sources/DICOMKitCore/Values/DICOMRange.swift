/// A range of DA, TM or DT values as query matching writes them (PS3.4 C.2.2.2.5): `A-B` (from A
/// through B), `-B` (up to B), `A-` (from A on), or a single value `A` (lower and upper both A).
///
/// ```swift
/// let range = try DICOMDateRange(parsing: "20240101-")
/// range.lower?.dicomString   // "20240101"
/// range.upper                // nil
/// ```
///
/// Bounds may be partial values (`2023-2024` is from the start of 2023 to the end of 2024). The
/// order of the bounds is not checked, except to settle the hyphen of a DT negative UTC offset.
public struct DICOMRange<Bound: Sendable & Hashable>: Sendable, Hashable {
    /// The first value of the range, or `nil` for a range open below (`-B`).
    public let lower: Bound?
    /// The last value of the range, or `nil` for a range open above (`A-`).
    public let upper: Bound?

    /// Creates a range. Throws ``DICOMError/Code/invalidRange`` when both bounds are `nil`.
    public init(lower: Bound?, upper: Bound?) throws(DICOMError) {
        guard lower != nil || upper != nil else {
            throw DICOMError(.invalidRange, message: "a range needs at least one bound")
        }
        self.lower = lower
        self.upper = upper
    }

    /// Whether the range is one value (`A`, or `A-A`).
    public var isSingleValue: Bool {
        lower != nil && lower == upper
    }
}

/// A range of DA values: `YYYYMMDD-YYYYMMDD`, `-YYYYMMDD`, `YYYYMMDD-`, or one date.
public typealias DICOMDateRange = DICOMRange<DICOMDate>
/// A range of TM values: `HHMMSS-HHMMSS`, `-HHMMSS`, `HHMMSS-`, or one time.
public typealias DICOMTimeRange = DICOMRange<DICOMTime>
/// A range of DT values: `A-B`, `-B`, `A-`, or one date and time.
public typealias DICOMDateTimeRange = DICOMRange<DICOMDateTime>

extension DICOMRange where Bound == DICOMDate {
    /// Parses a DA range or single date (each bound as ``DICOMDate/init(parsing:)`` reads it).
    /// Throws ``DICOMError/Code/invalidRange`` for `-` alone or more than one hyphen, and
    /// ``DICOMError/Code/invalidDate`` for a bound that is not a date.
    public init(parsing text: some StringProtocol) throws(DICOMError) {
        let (lower, upper) = try splitRange(Substring(text))
        try self.init(
            lower: try lower.map { (bound) throws(DICOMError) in try DICOMDate(parsing: bound) },
            upper: try upper.map { (bound) throws(DICOMError) in try DICOMDate(parsing: bound) })
    }
}

extension DICOMRange where Bound == DICOMTime {
    /// Parses a TM range or single time (each bound as ``DICOMTime/init(parsing:)`` reads it).
    /// Throws ``DICOMError/Code/invalidRange`` for `-` alone or more than one hyphen, and
    /// ``DICOMError/Code/invalidTime`` for a bound that is not a time.
    public init(parsing text: some StringProtocol) throws(DICOMError) {
        let (lower, upper) = try splitRange(Substring(text))
        try self.init(
            lower: try lower.map { (bound) throws(DICOMError) in try DICOMTime(parsing: bound) },
            upper: try upper.map { (bound) throws(DICOMError) in try DICOMTime(parsing: bound) })
    }
}

extension DICOMRange where Bound == DICOMDateTime {
    /// Parses a DT range or single date and time.
    ///
    /// A hyphen may separate the bounds or start a negative UTC offset, so every reading is tried:
    /// first two bounds in order (the lower does not start after the upper ends), then a range open
    /// on one side, then a single value, then two bounds out of order. `20240101-20241231`,
    /// `20240101120000-0500-` and `-20240101` are ranges; `20240101120000-0500` is one value with an
    /// offset. Throws ``DICOMError/Code/invalidRange`` when no reading works.
    public init(parsing text: some StringProtocol) throws(DICOMError) {
        let trimmed = trimSpaces(Substring(text))
        var ordered: (DICOMDateTime, DICOMDateTime)?
        var openEnded: (DICOMDateTime?, DICOMDateTime?)?
        var unordered: (DICOMDateTime, DICOMDateTime)?
        for index in trimmed.indices where trimmed[index] == "-" {
            let left = trimmed[..<index]
            let right = trimmed[trimmed.index(after: index)...]
            let lower = left.isEmpty ? nil : try? DICOMDateTime(parsing: left)
            let upper = right.isEmpty ? nil : try? DICOMDateTime(parsing: right)
            guard left.isEmpty || lower != nil, right.isEmpty || upper != nil, lower != nil || upper != nil else {
                continue
            }
            if let lower, let upper {
                if lower.earliestMicroseconds <= upper.latestMicroseconds {
                    ordered = ordered ?? (lower, upper)
                } else {
                    unordered = unordered ?? (lower, upper)
                }
            } else {
                openEnded = openEnded ?? (lower, upper)
            }
        }
        if let (lower, upper) = ordered {
            try self.init(lower: lower, upper: upper)
        } else if let (lower, upper) = openEnded {
            try self.init(lower: lower, upper: upper)
        } else if let single = try? DICOMDateTime(parsing: trimmed) {
            try self.init(lower: single, upper: single)
        } else if let (lower, upper) = unordered {
            try self.init(lower: lower, upper: upper)
        } else {
            throw DICOMError(.invalidRange, message: "not a DT value or range of DT values")
        }
    }
}

/// Splits `A-B`, `-B`, `A-` or `A` (spaces around ignored) at its one hyphen.
private func splitRange(_ text: Substring) throws(DICOMError) -> (lower: Substring?, upper: Substring?) {
    let trimmed = trimSpaces(text)
    let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
    switch parts.count {
    case 1:
        return (parts[0], parts[0])
    case 2:
        guard !parts[0].isEmpty || !parts[1].isEmpty else {
            throw DICOMError(.invalidRange, message: "a range needs at least one bound")
        }
        return (parts[0].isEmpty ? nil : parts[0], parts[1].isEmpty ? nil : parts[1])
    default:
        throw DICOMError(.invalidRange, message: "a range has one hyphen")
    }
}
