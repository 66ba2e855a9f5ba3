// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "MedicalUploadKit",
    products: [
        .library(name: "DICOMKitCore", targets: ["DICOMKitCore"]),
        .library(name: "S3Presign", targets: ["S3Presign"]),
        .library(name: "UploadPolicy", targets: ["UploadPolicy"]),
        .library(name: "ClamClient", targets: ["ClamClient"]),
        .library(name: "AuditLog", targets: ["AuditLog"]),
        .library(name: "MedicalUploadKit", targets: ["MedicalUploadKit"]),
        .executable(name: "ingest", targets: ["ingest"]),
        .executable(name: "dicom-dump", targets: ["dicom-dump"]),
        .executable(name: "presign", targets: ["presign"]),
    ],
    targets: [
        // System libraries (Debian -dev packages), imported `internal` only.
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),

        // Internal shared crypto.
        .target(name: "CryptoSupport", dependencies: ["COpenSSL"]),
        // Internal: threads of our own for blocking calls, off the cooperative pool.
        .target(name: "IOSupport"),

        // The five leaf modules: they never import each other.
        .target(name: "DICOMKitCore", dependencies: ["CZlib", "CryptoSupport"]),
        .target(name: "S3Presign", dependencies: ["CryptoSupport"]),
        .target(name: "UploadPolicy", dependencies: ["CryptoSupport"]),
        .target(name: "ClamClient"),
        .target(name: "AuditLog", dependencies: ["CryptoSupport", "IOSupport"]),

        // The composition.
        .target(
            name: "MedicalUploadKit",
            dependencies: [
                "DICOMKitCore", "S3Presign", "UploadPolicy", "ClamClient", "AuditLog", "CryptoSupport", "IOSupport",
            ]
        ),

        // Executables.
        .executableTarget(name: "ingest", dependencies: ["MedicalUploadKit"], path: "Examples/ingest"),
        .executableTarget(name: "dicom-dump", dependencies: ["DICOMKitCore"], path: "Examples/dicom-dump"),
        .executableTarget(name: "presign", dependencies: ["S3Presign"], path: "Examples/presign"),
        .executableTarget(name: "dicom-bench", dependencies: ["DICOMKitCore"], path: "Benchmarks/dicom-bench"),

        // Tests.
        .testTarget(name: "CryptoSupportTests", dependencies: ["CryptoSupport"]),
        .testTarget(name: "IOSupportTests", dependencies: ["IOSupport"]),
        .testTarget(name: "DICOMKitCoreTests", dependencies: ["DICOMKitCore"]),
        .testTarget(name: "S3PresignTests", dependencies: ["S3Presign"]),
        .testTarget(name: "UploadPolicyTests", dependencies: ["UploadPolicy"]),
        .testTarget(name: "ClamClientTests", dependencies: ["ClamClient"]),
        .testTarget(name: "AuditLogTests", dependencies: ["AuditLog"]),
        .testTarget(
            name: "MedicalUploadKitTests",
            dependencies: ["MedicalUploadKit", "DICOMKitCore", "UploadPolicy", "ClamClient", "AuditLog"]
        ),
    ]
)

// Compiler settings, applied once to every Swift target.
for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(contentsOf: [
        .swiftLanguageMode(.v6),
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("InternalImportsByDefault"),
        .treatWarning("ExplicitSendable", as: .error),
    ])
    target.swiftSettings = settings
}
