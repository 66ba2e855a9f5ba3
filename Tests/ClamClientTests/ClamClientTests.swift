import Testing

@testable import ClamClient
