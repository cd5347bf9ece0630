// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "ecetop",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ecetop", targets: ["ecetop"]),
        .executable(name: "ecetop-bench", targets: ["ecetop-bench"]),
        .library(name: "ECEChat", targets: ["ECEChat"]),
        .library(name: "ECESimulator", targets: ["ECESimulator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // Helpers every layer may use: no dependencies, nothing about ECE's API.
        .target(name: "ECECommon"),
        .target(
            name: "ECEChat",
            dependencies: [
                "ECECommon",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ECEMonitor",
            dependencies: [
                "ECEChat",
                "ECECommon",
                .product(name: "Logging", package: "swift-log"),
                // Locks ThreadSanitizer can see (pthread), unlike the standard library's Mutex.
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        .target(
            name: "ECETerminal",
            dependencies: [
                "CNcursesw",
                "ECEChat",
                "ECECommon",
                "ECEMonitor",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .target(
            name: "ECEConfig",
            dependencies: [
                "ECEChat",
                "ECECommon",
                "ECEMonitor",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // Starting and stopping a Hummingbird server: the simulator's and the metrics server's.
        .target(
            name: "ECEServing",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ECEMetrics",
            dependencies: [
                "ECEChat",
                "ECECommon",
                "ECEMonitor",
                "ECEServing",
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ECESimulator",
            dependencies: [
                "ECEChat",
                "ECECommon",
                "ECEServing",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .executableTarget(
            name: "ecetop",
            dependencies: [
                "ECEChat",
                "ECECommon",
                "ECEConfig",
                "ECEMetrics",
                "ECEMonitor",
                "ECETerminal",
                "ECESimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "ecetop-bench",
            dependencies: [
                "ECEChat",
                "ECECommon",
                "ECEMonitor",
                "ECETerminal",
                "ECESimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        // Helpers shared by the test targets (test targets cannot share sources).
        .target(
            name: "ECETestSupport",
            path: "Tests/ECETestSupport"
        ),
        .testTarget(
            name: "ECECommonTests",
            dependencies: ["ECECommon"]
        ),
        .testTarget(
            name: "ECEChatTests",
            dependencies: [
                "ECEChat",
                "ECECommon",
                "ECESimulator",
                "ECETestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources")]
        ),
        .testTarget(
            name: "ECEMonitorTests",
            dependencies: [
                "ECEMonitor", "ECEChat", "ECECommon", "ECESimulator", "ECETerminal", "ECETestSupport",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "ECETerminalTests",
            dependencies: ["ECETerminal", "ECEMonitor", "ECEChat", "ECECommon", "ECETestSupport"]
        ),
        .testTarget(
            name: "ECESimulatorTests",
            dependencies: ["ECESimulator", "ECEChat", "ECECommon"]
        ),
        .testTarget(
            name: "ecetopTests",
            dependencies: [
                "ECEChat", "ECECommon", "ECEConfig", "ECEMetrics", "ECEMonitor", "ECESimulator", "ECETestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
