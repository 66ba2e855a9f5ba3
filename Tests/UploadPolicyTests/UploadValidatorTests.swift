import Foundation
import Testing

@testable import UploadPolicy

@Suite struct UploadValidatorTests {
    let images = UploadValidator(kind: .images)
    let dicom = UploadValidator(kind: .dicom)

    @Test func kindsHaveTheProductLimits() {
        #expect(UploadKind.images.maxFileCount == 10)
        #expect(UploadKind.images.maxFileSize == 10_000_000)
        #expect(UploadKind.images.allowedExtensions == ["jpg", "jpeg", "png", "gif", "webp"])
        #expect(UploadKind.dicom.maxFileCount == 1)
        #expect(UploadKind.dicom.maxFileSize == 100_000_000)
        #expect(UploadKind.dicom.allowedExtensions == ["dcm", "dicom"])
        #expect(UploadKind.named("dicom") == .dicom)
        #expect(UploadKind.named("video") == nil)
        #expect(UploadKind.accepting(.png) == .images)
        #expect(UploadKind.accepting(.dicom) == .dicom)
    }

    @Test func fileCount() throws {
        try images.checkFileCount(10)
        #expect(throws: UploadRejection(.tooManyFiles, "")) { try images.checkFileCount(11) }
        #expect(throws: UploadRejection(.tooManyFiles, "")) { try dicom.checkFileCount(2) }
        #expect(throws: UploadRejection(.empty, "")) { try dicom.checkFileCount(0) }
    }

    @Test func sizeAtAndOverTheLimit() throws {
        try images.checkSize(10_000_000)
        try dicom.checkSize(100_000_000)
        #expect(throws: UploadRejection(.tooLarge, "")) { try images.checkSize(10_000_001) }
        #expect(throws: UploadRejection(.tooLarge, "")) { try dicom.checkSize(100_000_001) }
        #expect(throws: UploadRejection(.empty, "")) { try images.checkSize(0) }
    }

    @Test func acceptsMatchingContentAndName() throws {
        #expect(try images.checkContent(fileName: FileName("scan.JPG"), prefix: Samples.jpeg) == .jpeg)
        #expect(try images.checkContent(fileName: FileName("scan.jpeg"), prefix: Samples.jpeg) == .jpeg)
        #expect(try images.checkContent(fileName: FileName("x.png"), prefix: Samples.png) == .png)
        #expect(try images.checkContent(fileName: FileName("x.gif"), prefix: Samples.gif89) == .gif)
        #expect(try images.checkContent(fileName: FileName("x.webp"), prefix: Samples.webp("VP8L")) == .webp)
        #expect(try dicom.checkContent(fileName: FileName("study.dcm"), prefix: Samples.dicom) == .dicom)
        #expect(try dicom.checkContent(fileName: FileName("study.DICOM"), prefix: Samples.dicom) == .dicom)
    }

    /// Regression: PACS exports name DICOM files without an extension, or by their SOP Instance UID.
    @Test(arguments: ["IM000001", "1.2.826.0.1.3680043.2.1125.1.4711.3", "DICOMDIR/SE1/IM1", "study."])
    func dicomAcceptsNamesWithoutExtension(name: String) throws {
        #expect(try dicom.checkContent(fileName: FileName(name), prefix: Samples.dicom) == .dicom)
    }

    @Test func imagesStillNeedTheirExtension() {
        #expect(throws: UploadRejection(.notAccepted, "")) {
            try images.checkContent(fileName: FileName("IMG0001"), prefix: Samples.jpeg)
        }
        #expect(throws: UploadRejection(.notAccepted, "")) {
            try dicom.checkContent(fileName: FileName("study.dcm.bak"), prefix: Samples.dicom)
        }
    }

    @Test func textNamedJPEGIsUnrecognised() {
        #expect(throws: UploadRejection(.unrecognizedContent, "")) {
            try images.checkContent(fileName: FileName("photo.jpg"), prefix: Samples.text)
        }
    }

    @Test func nonDICOMNamedDCMIsRefused() {
        #expect(throws: UploadRejection(.unrecognizedContent, "")) {
            try dicom.checkContent(fileName: FileName("study.dcm"), prefix: Samples.text)
        }
        #expect(throws: UploadRejection(.notAccepted, "")) {
            try dicom.checkContent(fileName: FileName("study.dcm"), prefix: Samples.png)
        }
    }

    @Test func extensionMustMatchContent() {
        #expect(throws: UploadRejection(.extensionMismatch, "")) {
            try images.checkContent(fileName: FileName("photo.png"), prefix: Samples.jpeg)
        }
        #expect(throws: UploadRejection(.notAccepted, "")) {
            try images.checkContent(fileName: FileName("photo.exe"), prefix: Samples.jpeg)
        }
        #expect(throws: UploadRejection(.notAccepted, "")) {
            try images.checkContent(fileName: FileName("photo"), prefix: Samples.jpeg)
        }
        #expect(throws: UploadRejection(.notAccepted, "")) {
            try images.checkContent(fileName: FileName("study.jpg"), prefix: Samples.dicom)
        }
    }

    @Test func emptyContent() {
        #expect(throws: UploadRejection(.empty, "")) {
            try images.checkContent(fileName: FileName("photo.jpg"), prefix: [UInt8]())
        }
    }

    @Test func rejectionMessagesNameLimitsNotContent() throws {
        let error = try #require(throws: UploadRejection.self) { try images.checkSize(12_345_678) }
        #expect(
            error.description == "tooLarge: 12345678 bytes, over the limit of 10000000 bytes a file for kind images")
    }
}

@Suite struct FileNameTests {
    @Test(arguments: [
        ("scan.JPG", "scan.JPG", "jpg"),
        ("C:\\Users\\me\\Desktop\\study.dcm", "study.dcm", "dcm"),
        ("../../etc/passwd", "passwd", ""),
        ("archive.tar.GZ", "archive.tar.GZ", "gz"),
        (".hidden", ".hidden", ""),
        ("  spaced .png  ", "spaced .png", "png"),
        ("evil\u{202E}gpj.exe", "evilgpj.exe", "exe"),
        ("line\nbreak.gif", "linebreak.gif", "gif"),
        ("", "upload", ""),
        ("/", "upload", ""),
    ])
    func parses(raw: String, display: String, ext: String) {
        let name = FileName(raw)
        #expect(name.displayName == display)
        #expect(name.fileExtension == ext)
    }

    @Test func capsLength() {
        let name = FileName(String(repeating: "a", count: 1000) + ".png")
        #expect(name.displayName.count == FileName.maxDisplayLength)
    }
}

@Suite struct StorageKeyTests {
    @Test func shapeAndDate() {
        let date = Date(timeIntervalSince1970: 1_764_720_000)  // 2025-12-03T00:00:00Z
        let key = StorageKey.make(
            kind: .dicom, contentType: .dicom, date: date, randomBytes: [UInt8](repeating: 0xAB, count: 16))
        #expect(key == "dicom/2025/12/03/" + String(repeating: "ab", count: 16) + ".dcm")
    }

    @Test func freshKeysDiffer() {
        let date = Date()
        let first = StorageKey.make(kind: .images, contentType: .jpeg, date: date)
        let second = StorageKey.make(kind: .images, contentType: .jpeg, date: date)
        #expect(first != second)
        #expect(first.hasPrefix("images/"))
        #expect(first.hasSuffix(".jpg"))
    }
}
