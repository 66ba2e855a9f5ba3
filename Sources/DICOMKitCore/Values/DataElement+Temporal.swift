/// Dates, times and date-times from DA, TM and DT elements, and ranges of them as query keys
/// write them.
///
/// An empty value gives an empty array (or `nil` for a range). A value that cannot be read throws
/// a ``DICOMError`` naming the element's tag and the position of the value, never the value:
/// ``DICOMError/Code/vrMismatch`` for another VR, ``DICOMError/Code/invalidDate``,
/// ``DICOMError/Code/invalidTime`` or ``DICOMError/Code/invalidDateTime`` for a value that is not
/// one (an empty value between backslashes included), ``DICOMError/Code/invalidRange`` for a
/// malformed range.
extension DataElement {
    /// The values of a DA element. See ``DICOMDate/init(parsing:)``.
    public func dates() throws(DICOMError) -> [DICOMDate] {
        guard vr == .DA else { throw mismatch("dates") }
        return try textValues { (text, position) throws(DICOMError) in
            do throws(DICOMError) {
                return try DICOMDate(parsing: text)
            } catch {
                throw valueError(error.code, position, error.message)
            }
        }
    }

    /// The values of a TM element. See ``DICOMTime/init(parsing:)``.
    public func times() throws(DICOMError) -> [DICOMTime] {
        guard vr == .TM else { throw mismatch("times") }
        return try textValues { (text, position) throws(DICOMError) in
            do throws(DICOMError) {
                return try DICOMTime(parsing: text)
            } catch {
                throw valueError(error.code, position, error.message)
            }
        }
    }

    /// The values of a DT element. See ``DICOMDateTime/init(parsing:)``.
    public func dateTimes() throws(DICOMError) -> [DICOMDateTime] {
        guard vr == .DT else { throw mismatch("date-times") }
        return try textValues { (text, position) throws(DICOMError) in
            do throws(DICOMError) {
                return try DICOMDateTime(parsing: text)
            } catch {
                throw valueError(error.code, position, error.message)
            }
        }
    }

    /// The first value of a DA element read as a range (`A-B`, `-B`, `A-` or one date, as in a
    /// query), or `nil` for an empty value.
    public func dateRange() throws(DICOMError) -> DICOMDateRange? {
        guard vr == .DA else { throw mismatch("date ranges") }
        return try firstRange { (text) throws(DICOMError) in try DICOMDateRange(parsing: text) }
    }

    /// The first value of a TM element read as a range, or `nil` for an empty value.
    public func timeRange() throws(DICOMError) -> DICOMTimeRange? {
        guard vr == .TM else { throw mismatch("time ranges") }
        return try firstRange { (text) throws(DICOMError) in try DICOMTimeRange(parsing: text) }
    }

    /// The first value of a DT element read as a range, or `nil` for an empty value.
    public func dateTimeRange() throws(DICOMError) -> DICOMDateTimeRange? {
        guard vr == .DT else { throw mismatch("date-time ranges") }
        return try firstRange { (text) throws(DICOMError) in try DICOMDateTimeRange(parsing: text) }
    }

    private func firstRange<Range>(_ parse: (String) throws(DICOMError) -> Range) throws(DICOMError) -> Range? {
        guard let text = string, !text.isEmpty else { return nil }
        do throws(DICOMError) {
            return try parse(text)
        } catch {
            throw valueError(error.code, 0, error.message)
        }
    }
}
