import Testing

@testable import S3Presign

@Suite struct S3PartitionTests {
    @Test(arguments: [
        ("us-east-1", "aws", "amazonaws.com"), ("eu-west-1", "aws", "amazonaws.com"),
        ("garage", "aws", "amazonaws.com"), ("cn-north-1", "aws-cn", "amazonaws.com.cn"),
        ("cn-northwest-1", "aws-cn", "amazonaws.com.cn"), ("us-gov-west-1", "aws-us-gov", "amazonaws.com"),
        ("us-iso-east-1", "aws-iso", "c2s.ic.gov"), ("us-isob-east-1", "aws-iso-b", "sc2s.sgov.gov"),
        ("eu-isoe-west-1", "aws-iso-e", "cloud.adc-e.uk"), ("us-isof-south-1", "aws-iso-f", "csp.hci.ic.gov"),
        ("eusc-de-east-1", "aws-eusc", "amazonaws.eu"), ("cn-north-x", "aws", "amazonaws.com"),
        ("cn-north-east-1", "aws", "amazonaws.com"),
    ])
    func regionsMapToPartitionsAsBotocoreDoes(_ region: String, _ name: String, _ suffix: String) {
        let partition = S3Partition.of(region: region)
        #expect(partition.name == name)
        #expect(partition.dnsSuffix == suffix)
    }
}
