import Testing

@testable import MedicalUploadKit
