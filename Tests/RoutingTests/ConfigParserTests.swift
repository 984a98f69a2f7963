import Routing
import XCTest

final class ConfigParserTests: XCTestCase {
    func testTenMistakesGiveTenErrorsInLineOrder() {
        let text = """
            # Ten mistakes, one on each line that has one
            [router]
            fallback = KCC
            min-scroe = 3
            subject-weight = 12
            max-text = 64Q

            [team Stadsbeheer]
            signals = lantaarnpaal:3, stoep*tegel:2, grofvuil:3
            signals = "losse tegel:2
            endpoint = ftp://stadsbeheer.example.nl

            [team KCC]
            queue

            [team stadsbeheer]

            [area Katwijk]
            postcodes = 2221-2225, 2231-2229

            [source hooks]
            type = webhook
            listen = 127.0.0.1:8025
            path = /srv/hooks
            """
        assertDiagnostics(text, [
            (4, 1, "unknown key 'min-scroe' in [router] (did you mean 'min-score'?)"),
            (5, 18, "'subject-weight' must be from 1 to 10, not 12"),
            (6, 12, "'max-text' must be a size such as 64K or 25M, not '64Q'"),
            (9, 32, "'*' is only allowed at the start or end"),
            (10, 11, "unbalanced quote"),
            (11, 12, "'endpoint' must be an http:// or https:// URL"),
            (14, 6, "missing '=' after 'queue'"),
            (16, 7, "duplicate team 'stadsbeheer' (first defined at line 8 as 'Stadsbeheer'"),
            (19, 24, "postcode range 2231-2229 runs backwards (low > high)"),
            (24, 1, "'path' does not apply to a webhook source"),
        ])
    }

    func testDiagnosticsPrintAsPathLineColumn() {
        let (_, diagnostics) = ConfigParser.parse("[router]\nfallback = KCC\nmin-score = 0\n[team KCC]\n",
                                                  path: "/etc/wegwijzer/routing.conf")
        XCTAssertEqual(diagnostics.map(\.description),
                       ["/etc/wegwijzer/routing.conf:3:13: 'min-score' must be from 0.001 to 1000000, not 0"])
    }

    func testSampleConfigParsesIntoTheModel() throws {
        let config = try XCTUnwrap(assertValidRoutingConf(sampleRoutingConf))
        XCTAssertEqual(config.router.state, "/var/lib/wegwijzer")
        XCTAssertEqual(config.router.queues, "queues")
        XCTAssertEqual(config.router.fallback, "KCC", "fallback takes the team's own spelling")
        XCTAssertEqual(config.router.minScore, 4)
        XCTAssertEqual(config.router.minMargin, 1)
        XCTAssertEqual(config.router.subjectWeight, 3)
        XCTAssertEqual(config.router.maxTextBytes, 128 * 1024)
        XCTAssertEqual(config.router.urgent.map(\.pattern), [.word("spoed"), .exact("gevaar"), .phrase(["gas", "lucht"])])
        XCTAssertEqual(config.teams.map(\.name), ["Stadsbeheer", "Milieu", "KCC"])

        let stadsbeheer = config.teams[0]
        XCTAssertEqual(stadsbeheer.queue, "stadsbeheer")
        XCTAssertNil(stadsbeheer.endpoint)
        XCTAssertEqual(stadsbeheer.description, "Openbare ruimte # verlichting, bestrating")
        XCTAssertEqual(stadsbeheer.signals.map(\.text),
                       ["lantaarnpaal", "stoep*", "*tegel", "\"losse tegel\"", "lachgas", "grofvuil"])
        XCTAssertEqual(stadsbeheer.signals.map(\.weight), [3, 2, 2, 3, -4, 3])
        XCTAssertEqual(stadsbeheer.signals[3].location, SourceLocation(path: routingConfTestPath, line: 15, column: 11))
        XCTAssertEqual(stadsbeheer.location, SourceLocation(path: routingConfTestPath, line: 12, column: 1))

        let milieu = config.teams[1]
        XCTAssertEqual(milieu.queue, "/srv/queues/milieu-team")
        XCTAssertEqual(milieu.endpoint, "https://milieu.example.nl/hook")
        XCTAssertEqual(milieu.signals.map(\.pattern), [.head("stank"), .inside("overlast"), .exact("asbest")])

        XCTAssertEqual(config.areas.count, 1)
        XCTAssertEqual(config.areas[0].postcodeRanges, [2221...2225, 2231...2231])
        XCTAssertEqual(config.areas[0].places, ["Katwijk", "Rijnsburg", "Alphen aan den Rijn"])
        XCTAssertEqual(config.sources.map(\.type), [.maildir, .formDrop, .callDrop, .webhook])
        XCTAssertEqual(config.configHash, RoutingConfig.hash(of: Array(sampleRoutingConf.utf8)))
    }

    func testDefaultsOfAMinimalConfig() throws {
        let config = try XCTUnwrap(assertValidRoutingConf("[router]\nfallback = KCC\n[team KCC]\n"))
        XCTAssertEqual(config.router, RouterSettings(fallback: "KCC"))
        XCTAssertEqual(config.router.state, "/var/lib/wegwijzer")
        XCTAssertEqual(config.router.queues, "/var/spool/wegwijzer/queues")
        XCTAssertEqual(config.router.minScore, 3)
        XCTAssertEqual(config.router.minMargin, 2)
        XCTAssertEqual(config.router.subjectWeight, 2)
        XCTAssertEqual(config.router.maxTextBytes, 65536)
        XCTAssertEqual(config.teams[0].queue, "kcc")
        XCTAssertEqual(config.queuePath(forTeam: "KCC"), "/var/spool/wegwijzer/queues/kcc")
    }

    func testSectionErrors() {
        assertDiagnostics("""
            [router]
            fallback = KCC
            [Team KCC]
            [teams Milieu]
            [team]
            [router extra]
            [area Katwijk]
            [area KATWIJK]
            [source x]
            [team KCC]
            """, [
                (3, 2, "unknown section kind 'Team' (did you mean 'team'?)"),
                (4, 2, "unknown section kind 'teams' (did you mean 'team'?)"),
                (5, 1, "section [team] needs a name, such as [team Stadsbeheer]"),
                (6, 1, "duplicate section [router] (first at line 1)"),
                (6, 9, "[router] takes no name: remove 'extra'"),
                (8, 7, "duplicate area 'KATWIJK'"),
                (9, 1, "missing required key 'type' in [source x]"),
            ])
        assertDiagnostics("[team KCC]\n", [(1, 1, "missing [router] section (it must set 'fallback = TEAM')")])
        // A misspelled header is one mistake: it is not reported again as a missing section or team.
        assertDiagnostics("[routes]\nfallback = KCC\n[Team KCC]\n", [
            (1, 2, "unknown section kind 'routes' (did you mean 'router'?)"),
            (3, 2, "unknown section kind 'Team' (did you mean 'team'?)"),
        ])
        assertDiagnostics("[router]\nfallback = KCC\n[tem KCC]\n", [
            (3, 2, "unknown section kind 'tem' (did you mean 'team'?)"),
        ])
        assertDiagnostics("[queue X]\n[router]\nfallback = A\n[team A]\n", [
            (1, 2, "unknown section kind 'queue' (expected router, team, area, source or acknowledge)"),
        ])
    }

    func testFallbackMustNameATeam() {
        assertDiagnostics("[router]\nmin-score = 2\n[team KCC]\n", [
            (1, 1, "missing required key 'fallback' in [router]"),
        ])
        assertDiagnostics("[router]\nfallback = KCX\n[team KCC]\n", [
            (2, 12, "'fallback' names no team: there is no [team KCX] (did you mean 'KCC'?)"),
        ])
        assertDiagnostics("[router]\nfallback =\n[team KCC]\n", [
            (2, 11, "missing value for 'fallback'"),
        ])
    }

    func testUnknownKeysSuggestKeysOfTheirSection() {
        assertDiagnostics("""
            [router]
            fallback = KCC
            Min-Score = 3
            signals = stank
            colour = blue
            [team KCC]
            sigals = stank:3
            urgent = spoed
            """, [
                (3, 1, "unknown key 'Min-Score' in [router] (did you mean 'min-score'?)"),
                (4, 1, "unknown key 'signals' in [router] ('signals' belongs under [team NAME])"),
                (5, 1, "unknown key 'colour' in [router]"),
                (7, 1, "unknown key 'sigals' in [team KCC] (did you mean 'signals'?)"),
                (8, 1, "unknown key 'urgent' in [team KCC] ('urgent' belongs under [router])"),
            ])
    }

    func testDuplicateSingleKeysAndRepeatedListKeys() throws {
        assertDiagnostics("""
            [router]
            fallback = KCC
            fallback = KCC
            urgent = spoed
            urgent = brand
            [team KCC]
            description = a
            description = b
            """, [
                (3, 1, "duplicate key 'fallback' (first set at line 2)"),
                (8, 1, "duplicate key 'description' (first set at line 7)"),
            ])
        let config = try XCTUnwrap(assertValidRoutingConf("[router]\nfallback = KCC\nurgent = spoed\nurgent = brand\n[team KCC]\n"))
        XCTAssertEqual(config.router.urgent.map(\.text), ["spoed", "brand"])
    }

    func testNumbersAndSizesAreCheckedWithRanges() {
        assertDiagnostics("""
            [router]
            fallback = KCC
            min-score = three
            min-margin = -1
            subject-weight = 0
            max-text = 512
            [team KCC]
            """, [
                (3, 13, "'min-score' must be a number such as 0.5, not 'three'"),
                (4, 14, "'min-margin' must be a number such as 0.5, not '-1'"),
                (5, 18, "'subject-weight' must be from 1 to 10, not 0"),
                (6, 12, "'max-text' must be from 1K to 16M, not 512"),
            ])
        assertDiagnostics("[router]\nfallback = KCC\nmin-score = 99999999999999999999999\n[team KCC]\n", [
            (3, 13, "'min-score' must be from 0.001 to 1000000, not 99999999999999999999999"),
        ])
    }

    func testArchiveDaysDefaultsToNinetyAndIsChecked() throws {
        XCTAssertEqual(assertValidRoutingConf("[router]\nfallback = A\n[team A]\n")?.router.archiveDays, 90)
        XCTAssertEqual(assertValidRoutingConf("[router]\nfallback = A\narchive-days = 0\n[team A]\n")?.router.archiveDays, 0)
        XCTAssertEqual(assertValidRoutingConf("[router]\nfallback = A\narchive-days = 365\n[team A]\n")?.router.archiveDays, 365)
        assertDiagnostics("[router]\nfallback = KCC\narchive-days = 4000\n[team KCC]\n", [
            (3, 16, "'archive-days' must be from 0 to 3650, not 4000"),
        ])
    }

    func testSizeSuffixes() throws {
        for (written, bytes) in [("65536", 65536), ("64K", 65536), ("64 KiB", 65536), ("1M", 1 << 20),
                                 ("2MiB", 2 << 20), ("16m", 16 << 20), ("4k", 4096)] {
            let config = try XCTUnwrap(assertValidRoutingConf("[router]\nfallback = A\nmax-text = \(written)\n[team A]\n"),
                                       written)
            XCTAssertEqual(config.router.maxTextBytes, bytes, written)
        }
    }

    func testTeamNamesAreComparedWithoutCase() throws {
        let config = try XCTUnwrap(assertValidRoutingConf("[router]\nfallback = wmo\n[team Wmo]\n[team KCC]\nsignals = =kcc:3\n"))
        XCTAssertEqual(config.team(named: "WMO")?.name, "Wmo")
        XCTAssertEqual(config.fallbackTeam?.name, "Wmo")
        XCTAssertNil(config.team(named: "Milieu"))
    }

    func testTwoTeamsCannotShareAQueueDirectory() {
        assertDiagnostics("""
            [router]
            fallback = KCC
            [team KCC]
            [team Balie]
            queue = kcc
            signals = balie:3
            [team Loket]
            queue = /var/spool/wegwijzer/queues/kcc
            signals = loket:3
            [team Balie2]
            queue = ./balie
            signals = =balie2:3
            """, [
                (5, 9, "team 'Balie' uses the same queue directory as team 'KCC'"),
                (8, 9, "team 'Loket' uses the same queue directory as team 'KCC' (/var/spool/wegwijzer/queues/kcc)"),
            ])
    }

    func testAreaErrors() {
        assertDiagnostics("""
            [router]
            fallback = KCC
            [team KCC]
            [area Noord]
            postcodes = 222, 0999, 2221AB, 3000 - 3100, 4000-, ,5000
            places = Noordwijk,, "Den Haag"
            """, [
                (5, 13, "postcode '222' must be 4 digits"),
                (5, 18, "postcode 0999 is below 1000"),
                (5, 24, "postcode '2221AB' must be 4 digits"),
                (5, 45, "incomplete postcode range '4000-'"),
                (5, 52, "empty postcode entry"),
                (6, 20, "empty name in 'places'"),
            ])
    }

    func testUnbalancedQuoteAnywhereIsReportedOnce() {
        assertDiagnostics("""
            [router]
            fallback = KCC
            urgent = spoed, "gas lucht
            [team KCC]
            description = "Klant Contact Centrum
            signals = "geen idee  # not a comment inside quotes
            """, [
                (3, 17, "unbalanced quote: this '\"' is never closed"),
                (5, 15, "unbalanced quote"),
                (6, 11, "unbalanced quote"),
            ])
    }

    func testRelativePathsResolve() throws {
        let config = try XCTUnwrap(assertValidRoutingConf(sampleRoutingConf))
        XCTAssertEqual(config.queuesRoot, "/var/lib/wegwijzer/queues")
        XCTAssertEqual(config.queuePath(forTeam: "stadsbeheer"), "/var/lib/wegwijzer/queues/stadsbeheer")
        XCTAssertEqual(config.queuePath(forTeam: "Milieu"), "/srv/queues/milieu-team")
        XCTAssertEqual(config.sources.first.flatMap(config.sourcePath), "/var/lib/wegwijzer/mail/kcc")
        XCTAssertEqual(config.resolvedPath("mail/kcc", base: "/var/lib/wegwijzer"), "/var/lib/wegwijzer/mail/kcc")
        XCTAssertEqual(config.resolvedPath("/srv/x", base: "/var/lib"), "/srv/x")
        XCTAssertEqual(config.resolvedPath("./x", base: "/var/lib/"), "/var/lib/x")
        XCTAssertEqual(config.resolvedPath(".", base: "/var/lib"), "/var/lib")
        XCTAssertEqual(config.resolvedPath("x", base: ""), "x")
        let moved = config.withState("./var")
        XCTAssertEqual(moved.queuesRoot, "./var/queues")
        XCTAssertEqual(moved.queuePath(forTeam: "KCC"), "./var/queues/kcc")
    }

    func testConfigHashIsFNV1a64OfTheBytes() {
        XCTAssertEqual(RoutingConfig.hash(of: [UInt8]()), "cbf29ce484222325")
        XCTAssertEqual(RoutingConfig.hash(of: Array("a".utf8)), "af63dc4c8601ec8c")
        XCTAssertEqual(RoutingConfig.hash(of: Array("foobar".utf8)), "85944171f73967e8")
        let text = "[router]\nfallback = A\n[team A]\n"
        let one = parseRoutingConf(text).config?.configHash
        let other = parseRoutingConf(text + "# changed\n").config?.configHash
        XCTAssertEqual(one?.count, 16)
        XCTAssertNotEqual(one, other)
    }

    func testGarbageNeverCrashesAndAlwaysReportsSomething() {
        let pieces = ["[", "]", "=", "\"", ",", ":", "*", "#", "\\", "\n", " ", "team", "router", "x", "é", "\r\n", "-"]
        var state: UInt64 = 42
        for _ in 0..<300 {
            var text = "[router]\nfallback = A\n[team A]\nsignals = "
            for _ in 0..<40 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            let (config, diagnostics) = parseRoutingConf(text)
            XCTAssertEqual(config == nil, diagnostics.contains(where: \.isError), text)
            for diagnostic in diagnostics {
                XCTAssertGreaterThanOrEqual(diagnostic.location.line, 1, text)
                XCTAssertGreaterThanOrEqual(diagnostic.location.column, 1, text)
            }
        }
    }
}
