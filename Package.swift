// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "helpdesk",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "helpdesk", targets: ["helpdesk"]),
        .library(name: "HelpdeskCore", targets: ["HelpdeskCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-async-algorithms.git", from: "1.1.4"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        .target(
            name: "HelpdeskCore",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "HelpdeskMail",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "HelpdeskIM",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "HelpdeskStore",
            dependencies: [
                "HelpdeskCore",
                "HelpdeskMail",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "HelpdeskUseCases",
            dependencies: [
                "HelpdeskCore",
                "HelpdeskStore",
                "HelpdeskMail",
                "HelpdeskIM",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "HelpdeskServer",
            dependencies: [
                "HelpdeskCore",
                "HelpdeskStore",
                "HelpdeskUseCases",
                "HelpdeskMail",
                "HelpdeskIM",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "helpdesk",
            dependencies: [
                "HelpdeskServer",
                "HelpdeskUseCases",
                "HelpdeskStore",
                "HelpdeskCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "HelpdeskTestSupport",
            dependencies: [
                "HelpdeskCore",
                "HelpdeskStore",
                "HelpdeskUseCases",
                "HelpdeskServer",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            path: "Tests/HelpdeskTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HelpdeskCoreTests",
            dependencies: ["HelpdeskCore", "HelpdeskTestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HelpdeskCLITests",
            dependencies: ["helpdesk", "HelpdeskCore", "HelpdeskTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HelpdeskMailTests",
            dependencies: ["HelpdeskMail"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HelpdeskIMTests",
            dependencies: ["HelpdeskIM"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HelpdeskStoreTests",
            dependencies: ["HelpdeskStore", "HelpdeskCore", "HelpdeskTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HelpdeskServerTests",
            dependencies: [
                "HelpdeskServer", "HelpdeskUseCases", "HelpdeskStore", "HelpdeskCore", "HelpdeskTestSupport",
                "HelpdeskIM",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
