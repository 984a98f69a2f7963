import Routing
import XCTest

/// The path diagnostics of test configurations carry.
let routingConfTestPath = "routing.conf"

/// Parses `text` as `routing.conf`.
func parseRoutingConf(_ text: String) -> (config: RoutingConfig?, diagnostics: [Diagnostic]) {
    ConfigParser.parse(text, path: routingConfTestPath)
}

/// Asserts that parsing `text` yields exactly the `expected` diagnostics, in order: each at its
/// line and column, its message (prefixed `warning: ` for a warning) containing the substring.
/// Also asserts that the configuration is `nil` exactly when an error is expected.
func assertDiagnostics(_ text: String, _ expected: [(line: Int, column: Int, substring: String)],
                       file: StaticString = #filePath, line: UInt = #line) {
    let (config, diagnostics) = parseRoutingConf(text)
    let listing = diagnostics.map(\.description).joined(separator: "\n")
    XCTAssertEqual(diagnostics.count, expected.count, "diagnostics:\n\(listing)", file: file, line: line)
    for (index, (actual, wanted)) in zip(diagnostics, expected).enumerated() {
        let shown = actual.severity == .warning ? "warning: " + actual.message : actual.message
        XCTAssertEqual(actual.location.path, routingConfTestPath, file: file, line: line)
        XCTAssertEqual(actual.location.line, wanted.line, "line of #\(index + 1): \(actual)", file: file, line: line)
        XCTAssertEqual(actual.location.column, wanted.column, "column of #\(index + 1): \(actual)", file: file, line: line)
        XCTAssertTrue(shown.contains(wanted.substring), "#\(index + 1): '\(actual)' lacks '\(wanted.substring)'",
                      file: file, line: line)
    }
    let errorExpected = expected.contains { !$0.substring.hasPrefix("warning: ") }
    XCTAssertEqual(config == nil, errorExpected, "config should be \(errorExpected ? "nil" : "present")\n\(listing)",
                   file: file, line: line)
}

/// Asserts that `text` parses without any diagnostic, and returns the configuration.
@discardableResult
func assertValidRoutingConf(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> RoutingConfig? {
    let (config, diagnostics) = parseRoutingConf(text)
    XCTAssertEqual(diagnostics.map(\.description), [], file: file, line: line)
    XCTAssertNotNil(config, file: file, line: line)
    return config
}

/// A complete configuration without mistakes, in the style of the shipped one.
let sampleRoutingConf = """
    # Wegwijzer routing for the KCC
    [router]
    state = /var/lib/wegwijzer
    queues = queues                      # under state
    fallback = kcc                       # matched without case
    min-score = 4
    min-margin = 1
    subject-weight = 3
    urgent = spoed, =gevaar, "gas lucht"
    max-text = 128K

    [team Stadsbeheer]
    description = "Openbare ruimte # verlichting, bestrating"
    signals = lantaarnpaal:3, stoep*:2, *tegel:2, \\
              "losse tegel":3, lachgas:-4
    signals = grofvuil:3

    [team Milieu]
    queue = /srv/queues/milieu-team
    endpoint = https://milieu.example.nl/hook
    signals = stank*:3, *overlast*:2, =asbest:4

    [team KCC]

    [area Katwijk]
    postcodes = 2221-2225, 2231
    places = Katwijk, Rijnsburg, "Alphen aan den Rijn"

    [source kcc-mail]
    type = maildir
    path = mail/kcc
    after = delete

    [source formulieren]
    type = form-drop
    path = /srv/drop/forms
    subject-field = onderwerp, titel
    house-number-field = huisnr
    max-size = 10M

    [source telefonie]
    type = call-drop
    path = drop/calls
    min-confidence = 0.6

    [source hooks]
    type = webhook
    listen = 127.0.0.1:8025
    listen = [::1]:8025
    secret = /etc/wegwijzer/webhook.secret
    token = tokens
    """
