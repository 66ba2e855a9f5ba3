/// Basic offset table and fragments of encapsulated pixel data (PS3.5 A.4).
public struct EncapsulatedPixelData: Sendable, Equatable {
    /// The value of the first item: the basic offset table (often empty).
    public var basicOffsetTable: ArraySlice<UInt8>
    /// The values of the following items, one per fragment, in order.
    public var fragments: [ArraySlice<UInt8>]

    /// Creates encapsulated pixel data.
    public init(basicOffsetTable: some Sequence<UInt8> = [], fragments: [ArraySlice<UInt8>]) {
        self.basicOffsetTable = ArraySlice(basicOffsetTable)
        self.fragments = fragments
    }
}
