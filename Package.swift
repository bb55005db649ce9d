// swift-tools-version:6.1
import PackageDescription

// Layers, dependencies pointing one way:
// Spreadsheet (XLSX grid, no domain) → Model (pure values) → Bridge (layouts, import, export) → CLI.
let package = Package(
    name: "GoalBridge",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "GoalBridge", targets: ["GoalBridge"]),
        .library(name: "GoalBridgeSpreadsheet", targets: ["GoalBridgeSpreadsheet"]),
        .executable(name: "goalbridge", targets: ["goalbridge"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .target(name: "GoalBridgeSpreadsheet", dependencies: ["CLibXML2", "CZip", "CXLSXWriter"]),
        .target(name: "GoalBridgeModel", resources: [.copy("Resources")]),
        .target(name: "GoalBridge", dependencies: ["GoalBridgeSpreadsheet", "GoalBridgeModel"],
                resources: [.copy("Resources")]),
        .target(name: "GoalBridgeReview", dependencies: ["GoalBridgeModel"], resources: [.copy("Resources")]),
        .target(name: "GoalBridgeDataset", dependencies: [
            "GoalBridge", "GoalBridgeReview",
            .product(name: "GRDB", package: "GRDB.swift"),
            // The SQLite C API that GRDB itself links, for binding collect's inserts directly (BoundStatement).
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .executableTarget(name: "goalbridge", dependencies: [
            "GoalBridge", "GoalBridgeReview", "GoalBridgeDataset",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "goalbridge-bench", dependencies: ["GoalBridge", "GoalBridgeDataset", "GoalBridgeReview"], path: "Benchmarks/goalbridge-bench"),
        // Built with -sanitize=fuzzer by scripts/fuzz.sh; a normal build is a replay tool for findings.
        .executableTarget(name: "goalbridge-fuzz", dependencies: ["GoalBridge", "GoalBridgeReview"], path: "Fuzz/goalbridge-fuzz"),
        // Scratch folders for the tests: one root per test process, removed at exit.
        .target(name: "TestScratch", path: "Tests/TestScratch"),
        .testTarget(name: "SpreadsheetTests", dependencies: ["GoalBridgeSpreadsheet", "CZip", "TestScratch"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ModelTests", dependencies: ["GoalBridgeModel", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "DatasetTests", dependencies: ["GoalBridgeDataset", "GoalBridge", "GoalBridgeSpreadsheet", "GoalBridgeReview", "TestScratch",
                                                        .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "ReviewTests", dependencies: ["GoalBridgeReview", "GoalBridge", "GoalBridgeSpreadsheet", "TestScratch"]),
        .testTarget(name: "BridgeTests", dependencies: ["GoalBridge", "GoalBridgeReview", "TestScratch", .product(name: "PropertyBased", package: "swift-property-based")], resources: [.copy("Fixtures")]),
    ]
)
