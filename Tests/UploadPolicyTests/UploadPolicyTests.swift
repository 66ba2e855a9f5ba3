import Testing

@testable import UploadPolicy
