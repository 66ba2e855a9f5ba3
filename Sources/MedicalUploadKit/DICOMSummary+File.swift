import DICOMKitCore

extension DICOMSummary {
    /// The summary of a de-identified file: its pseudonyms and non-identifying values only.
    init(deidentified file: DICOMFile) {
        let data = file.dataSet
        let hasPixels = data.contains(.pixelData)
        self.init(
            patientPseudonym: data.string(.patientID) ?? "",
            studyInstanceUID: data.string(.studyInstanceUID),
            seriesInstanceUID: data.string(.seriesInstanceUID),
            sopInstanceUID: data.string(.sopInstanceUID),
            sopClassUID: data.string(.sopClassUID),
            modality: data.string(.modality),
            transferSyntaxUID: file.transferSyntaxUID,
            rows: data.int(.rows),
            columns: data.int(.columns),
            numberOfFrames: data.int(.numberOfFrames) ?? (hasPixels ? 1 : nil))
    }
}
