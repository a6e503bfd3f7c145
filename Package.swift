// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "bouwstenen",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", exact: "4.122.3"),
        // Vapor's own version of it; named for NIOSingletons in the entrypoint.
        .package(url: "https://github.com/apple/swift-nio.git", exact: "2.101.3"),
        // The version PostgresNIO already brings; the SMTP client's TLS (Sources/App/Mail).
        .package(url: "https://github.com/apple/swift-nio-ssl.git", exact: "2.37.6"),
        .package(url: "https://github.com/vapor/fluent.git", exact: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", exact: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", exact: "2.14.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", exact: "2.4.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", exact: "0.9.20"),
        // Page snapshots in the tests (only its SnapshotTesting library is built).
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing.git", exact: "1.19.7"),
    ],
    targets: [
        .target(name: "Domain"),
        .target(name: "Reports", dependencies: ["Domain", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(
            name: "App",
            dependencies: [
                "Domain", "Reports",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                // Reads the XLSX files Microsoft Forms exports (with Foundation's XMLParser).
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            resources: [.copy("Resources")]
        ),
        // The demo and bench data generators: not part of the app, used by the executable
        // (`demo`, `bench-data`) and the tests.
        .target(
            name: "Fixtures",
            dependencies: [
                "App", "Domain",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
            ]
        ),
        .executableTarget(name: "bouwstenen", dependencies: ["App", "Fixtures", .product(name: "Fluent", package: "fluent"),
                                                            .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio")]),
        .testTarget(name: "DomainTests", dependencies: ["Domain"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Domain", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App", "Domain", "Fixtures",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
