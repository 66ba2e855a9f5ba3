import Foundation
import MedicalUploadKit

/// A JSON value whose objects keep their keys in the order given, so every line has the same shape.
enum JSONValue {
    case string(String)
    case int(Int)
    case null
    case object([(String, JSONValue)])

    static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    static func int(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }

    var serialized: String {
        switch self {
        case .string(let text): return Self.quoted(text)
        case .int(let number): return String(number)
        case .null: return "null"
        case .object(let members):
            return "{" + members.map { Self.quoted($0.0) + ":" + $0.1.serialized }.joined(separator: ",") + "}"
        }
    }

    /// `text` as a JSON string literal, escaped by Foundation's encoder.
    private static func quoted(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        guard let data = try? encoder.encode(text) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// The output line of one file: `{"file","status","reason","key","contentType","size","scan","dicom"}`, every
/// key always present, `null` where there is no value.
func resultLine(file: String, report: IngestReport) -> String {
    var status = "error"
    var reason: String?
    var key: String?
    var dicom = JSONValue.null
    switch report.outcome {
    case .stored(let record):
        status = "stored"
        key = record.storageKey
        if let summary = record.dicom {
            dicom = .object([
                ("patientPseudonym", .string(summary.patientPseudonym)),
                ("studyInstanceUID", .string(summary.studyInstanceUID)),
                ("seriesInstanceUID", .string(summary.seriesInstanceUID)),
                ("sopInstanceUID", .string(summary.sopInstanceUID)),
                ("sopClassUID", .string(summary.sopClassUID)),
                ("modality", .string(summary.modality)),
                ("transferSyntaxUID", .string(summary.transferSyntaxUID)),
                ("rows", .int(summary.rows)),
                ("columns", .int(summary.columns)),
                ("numberOfFrames", .int(summary.numberOfFrames)),
            ])
        }
    case .rejected(let rejection):
        status = "rejected"
        reason = rejection.description
    case .failed(let error):
        reason = error.description
    }
    return JSONValue.object([
        ("file", .string(file)),
        ("status", .string(status)),
        ("reason", .string(reason)),
        ("key", .string(key)),
        ("contentType", .string(report.contentType)),
        ("size", .int(report.size)),
        ("scan", .string(report.scan?.description)),
        ("dicom", dicom),
    ]).serialized
}
