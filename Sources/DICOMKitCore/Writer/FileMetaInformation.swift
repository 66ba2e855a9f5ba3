/// Builds the file meta information group (PS3.10 7.1) for a data set.
enum FileMetaInformation {
    /// The meta group for `dataSet` in `transferSyntax`: group length, version 00\01, media storage
    /// SOP Class and Instance UIDs (from the data set's SOP Class and Instance UIDs, else from
    /// `previous`; left out when neither has a non-empty value), transfer syntax UID, and
    /// DICOMKitCore's implementation class UID and version name.
    static func build(dataSet: DataSet, transferSyntax: TransferSyntax, previous: DataSet) -> DataSet {
        var meta = DataSet()
        meta.set(DataElement(tag: .fileMetaInformationVersion, vr: .OB, bytes: [0x00, 0x01]))
        let sopClass = nonEmpty(dataSet.string(.sopClassUID)) ?? nonEmpty(previous.string(.mediaStorageSOPClassUID))
        if let sopClass {
            meta.set(DataElement(tag: .mediaStorageSOPClassUID, vr: .UI, string: sopClass))
        }
        let sopInstance =
            nonEmpty(dataSet.string(.sopInstanceUID)) ?? nonEmpty(previous.string(.mediaStorageSOPInstanceUID))
        if let sopInstance {
            meta.set(DataElement(tag: .mediaStorageSOPInstanceUID, vr: .UI, string: sopInstance))
        }
        meta.set(DataElement(tag: .transferSyntaxUID, vr: .UI, string: transferSyntax.uid))
        meta.set(DataElement(tag: .implementationClassUID, vr: .UI, string: DICOMWriter.implementationClassUID))
        meta.set(DataElement(tag: .implementationVersionName, vr: .SH, string: DICOMWriter.implementationVersionName))
        meta = DataSet(sortedUniqueElements: meta.map { $0.paddedToEvenLength() })
        let groupLength = meta.reduce(0) { $0 + ExplicitVRLittleEndianEncoder.encodedLength(of: $1) }
        meta.set(DataElement(tag: .fileMetaInformationGroupLength, uint32s: [UInt32(truncatingIfNeeded: groupLength)]))
        return meta
    }
}

private func nonEmpty(_ text: String?) -> String? {
    guard let text, !text.isEmpty else { return nil }
    return text
}
