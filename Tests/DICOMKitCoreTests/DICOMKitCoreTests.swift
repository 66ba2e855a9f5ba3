import Testing

@testable import DICOMKitCore
