import Foundation
import XCTest

/// A CA with a server certificate for `localhost` and a client certificate, plus a client
/// certificate from another CA, made with the `openssl` command-line tool.
struct TestCertificates {
    let directory: URL

    var caCertificate: String { path("ca.pem") }
    var serverCertificate: String { path("server.pem") }
    var serverKey: String { path("server.key") }
    var clientCertificate: String { path("client.pem") }
    var clientKey: String { path("client.key") }
    var strangerCertificate: String { path("stranger.pem") }
    var strangerKey: String { path("stranger.key") }

    init(in directory: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        self.directory = directory.appendingPathComponent("tls")
        try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
        try "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n"
            .write(to: self.directory.appendingPathComponent("server.ext"), atomically: true, encoding: .utf8)
        try "extendedKeyUsage=clientAuth\n".write(to: self.directory.appendingPathComponent("client.ext"), atomically: true, encoding: .utf8)
        let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        for ca in ["ca", "otherca"] {
            try openssl(["req", "-x509"] + key + ["-keyout", "\(ca).key", "-out", "\(ca).pem", "-days", "2",
                                                   "-subj", "/CN=Wegwijzer test \(ca)"], file: file, line: line)
        }
        for (name, ca, ext, subject) in [("server", "ca", "server.ext", "localhost"), ("client", "ca", "client.ext", "wegwijzer"),
                                         ("stranger", "otherca", "client.ext", "wegwijzer")] {
            try openssl(["req"] + key + ["-keyout", "\(name).key", "-out", "\(name).csr", "-subj", "/CN=\(subject)"],
                        file: file, line: line)
            try openssl(["x509", "-req", "-in", "\(name).csr", "-CA", "\(ca).pem", "-CAkey", "\(ca).key", "-CAcreateserial",
                         "-out", "\(name).pem", "-days", "2", "-extfile", ext], file: file, line: line)
        }
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    private func openssl(_ arguments: [String], file: StaticString, line: UInt) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.currentDirectoryURL = directory
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            XCTFail("openssl \(arguments.joined(separator: " ")) failed: \(text)", file: file, line: line)
            throw CocoaError(.executableLoad)
        }
    }
}
