// swift-tools-version:5.9
// SwiftPM package for macOS (tests) and iOS (via an XCFramework, see bindings-uniffi/README.md).
// Before building: `bindings-uniffi/generate.sh release` (generates Sources/SendGridAdmin and the
// FFI header) and `cargo build --release -p sendgrid-admin-uniffi` for the library linked below.
import PackageDescription

let package = Package(
    name: "SendGridAdmin",
    platforms: [.macOS(.v12), .iOS(.v15)],
    products: [.library(name: "SendGridAdmin", targets: ["SendGridAdmin"])],
    targets: [
        .systemLibrary(name: "SendGridAdminFFI", path: "Sources/SendGridAdminFFI"),
        .target(
            name: "SendGridAdmin",
            dependencies: ["SendGridAdminFFI"],
            path: "Sources/SendGridAdmin",
            linkerSettings: [.unsafeFlags(["-L../../target/release"])]
        ),
        .testTarget(name: "SendGridAdminTests", dependencies: ["SendGridAdmin"], path: "Tests/SendGridAdminTests"),
    ]
)
