// swift-tools-version:6.0
import PackageDescription

// Modules follow the data flow: sources → normalize → route → deliver.
let package = Package(
    name: "Wegwijzer",
    products: [
        .executable(name: "wegwijzer", targets: ["wegwijzer"]),
    ],
    targets: [
        // C libraries, through their system packages
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CSystem"),
        // epoll, eventfd and accept4 from the C library, for the webhook server
        .systemLibrary(name: "CLinux"),

        // foundations: hashing, durable files, the message model
        .target(name: "Hashing", dependencies: ["CCrypto"]),
        .target(name: "Storage", dependencies: ["CSystem"]),
        .target(name: "Messages"),

        // sources and normalize: drop directories and channel normalizers
        .target(name: "Mail"),
        .target(name: "Intake", dependencies: ["Messages", "Storage", "Mail", "Hashing", "CLinux"]),
        // normalize: Dutch text analysis (pure)
        .target(name: "Text"),
        // route: routing.conf, the router and its decisions (pure)
        .target(name: "Routing", dependencies: ["Text", "Messages"]),
        // route: learning signal weights from a municipality's own history (pure)
        .target(name: "Learning", dependencies: ["Routing", "Text"]),
        // deliver: queue directories, the commit journal, the outbox and HTTP delivery
        .target(name: "Delivery", dependencies: ["Messages", "Hashing", "Storage", "CCurl"]),
        // deliver: receipts to citizens (who gets one, the per-address limit, the message)
        .target(name: "Receipts", dependencies: ["Messages", "Routing", "Hashing", "Storage"]),
        // insight: the archive of routed messages and their corrections, the history and the report
        .target(name: "Archive", dependencies: ["Storage"]),
        // insight: the report's figures, as JSON and as an HTML page with SVG charts (pure)
        .target(name: "Insight", dependencies: ["Archive", "Messages"]),
        // insight: moving a routed message to another team (reroute, misrouted/), exactly once
        .target(name: "Corrections", dependencies: ["Archive", "Delivery", "Messages", "Routing", "Storage"]),
        // privacy: every place that holds message data; retention, find and forget (docs/privacy.md)
        .target(name: "Privacy", dependencies: ["Archive", "Delivery", "Receipts", "Routing", "Intake", "Messages", "Text", "Storage"]),
        // the daemon: pipeline, sources, signals, sd_notify, logging
        .target(name: "Daemon", dependencies: ["Intake", "Mail", "Routing", "Delivery", "Receipts", "Privacy", "Messages", "Storage", "Archive", "Corrections"]),
        .executableTarget(
            name: "wegwijzer",
            dependencies: ["Daemon", "Intake", "Mail", "Routing", "Learning", "Delivery", "Privacy", "Messages", "Text", "Storage", "Archive", "Corrections", "Insight"]),

        .testTarget(name: "TextTests", dependencies: ["Text"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RoutingTests", dependencies: ["Routing", "Text", "Messages"]),
        .testTarget(name: "LearningTests", dependencies: ["Learning", "Routing"]),
        .testTarget(name: "HashingTests", dependencies: ["Hashing"]),
        .testTarget(name: "DeliveryTests", dependencies: ["Delivery", "Messages", "Hashing", "Storage"]),
        .testTarget(name: "MailTests", dependencies: ["Mail"], resources: [.copy("Fixtures")]),
        .testTarget(name: "IntakeTests", dependencies: ["Intake", "Messages"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ReceiptsTests", dependencies: ["Receipts", "Routing", "Messages", "Mail"]),
        .testTarget(name: "ArchiveTests", dependencies: ["Archive", "Insight"]),
        .testTarget(name: "PrivacyTests", dependencies: ["Privacy", "Archive", "Delivery", "Receipts", "Routing"]),
        .testTarget(name: "DaemonTests", dependencies: ["Daemon", "Intake", "Delivery", "Routing"]),
        .testTarget(name: "WegwijzerTests", dependencies: ["Messages", "Intake"]),
    ],
    swiftLanguageModes: [.v6]
)
