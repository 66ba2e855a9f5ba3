import Testing

@testable import S3Presign

@Suite struct AWSCredentialsTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    static let token = "FwoGZXIvYXdzEXAMPLETOKEN"

    @Test func printingNeverShowsTheSecretOrTheToken() {
        let credentials = AWSCredentials(
            accessKeyID: "AKIDEXAMPLE", secretAccessKey: Self.secret, sessionToken: Self.token)
        var dumped = ""
        dump(credentials, to: &dumped)
        let renderings = [
            credentials.description, credentials.debugDescription, "\(credentials)", String(reflecting: credentials),
            dumped,
        ]
        for text in renderings {
            #expect(text.contains("AKIDEXAMPLE"))
            #expect(!text.contains(Self.secret))
            #expect(!text.contains(Self.token))
            #expect(text.contains("<redacted>"))
        }
        #expect(credentials.hasSessionToken)
    }

    @Test func longTermCredentialsSayNothingAboutAToken() {
        let credentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: Self.secret)
        #expect(credentials.description == "AWSCredentials(accessKeyID: AKIDEXAMPLE, secretAccessKey: <redacted>)")
        #expect(!credentials.hasSessionToken)
    }
}
