import ECEChat
import ECEConfig
import ECEMonitor
import Foundation
import Testing

/// The config file: parsing, precedence of flags over file over defaults, and one-line errors.
@Suite("Config file")
struct ConfigFileTests {
    static let examplePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../docs/config.example.toml").standardized.path

    static func id(_ value: Int64) -> EntryPointID { EntryPointID(value)! }

    @Test func theShippedExampleIsValidAndSetsEveryKey() throws {
        let file = try ConfigFile.load(path: Self.examplePath)
        #expect(file.server?.value == "https://ece.example.com/system")
        #expect(file.interval?.value == 5)
        #expect(file.timeout?.value == 3)
        #expect(file.maxRate?.value == 20)
        #expect(file.burst?.value == 20)
        #expect(file.theme?.value == "default")
        #expect(file.view?.value == "auto")
        #expect(file.bell?.value == false)
        #expect(file.proxy?.value == "http://proxy.example.com:3128")
        #expect(file.waitTime?.value == 120)
        #expect(file.queueDepth?.value == 5)
        #expect(file.freeSlots?.value == 0)
        #expect(file.wallEnabled?.value == false)
        #expect(file.wallRotate?.value == 10)
        #expect(file.entryPoints.map(\.ids) == [[1000, 1001, 1002, 1003], [1004, 1006, 1007], [1010]].map { $0.map(Self.id) })
        #expect(file.entryPoints.map(\.group) == ["Sales", "Support", nil])
        #expect(file.entryPoints.map(\.label) == ["Web chat", nil, "VIP line"])
    }

    static let sample = """
        server = "https://ece.example.com"
        interval = 2.5
        max-rate = 0

        [thresholds]
        wait-time = 90
        free-slots = 1

        [[entry-points]]
        ids = "1000-1001"
        group = "Sales"
        label = "Web chat"

        [[entry-points]]
        ids = 1005
        """

    @Test func aValidFileGivesEffectiveValuesWithTheirLines() throws {
        let effective = EffectiveConfiguration(file: try ConfigFile.parse(Self.sample, path: "c.toml"))
        #expect(effective.server == Setting("https://ece.example.com", .file(path: "c.toml", line: 1)))
        #expect(effective.interval == Setting(2.5, .file(path: "c.toml", line: 2)))
        #expect(effective.maxRate == Setting(0, .file(path: "c.toml", line: 3)))
        #expect(effective.timeout == Setting(5, .builtIn))
        #expect(effective.burst == Setting(20, .builtIn))
        #expect(effective.theme == Setting("default", .builtIn))
        #expect(effective.waitTime == Setting(90, .file(path: "c.toml", line: 6)))
        #expect(effective.queueDepth == Setting(nil, .builtIn))
        #expect(effective.freeSlots == Setting(1, .file(path: "c.toml", line: 7)))
        #expect(effective.wallEnabled == Setting(false, .builtIn))
        #expect(effective.entryPoints == Setting([1000, 1001, 1005].map(Self.id), .file(path: "c.toml", line: 10)))

        let monitor = effective.monitorConfiguration()
        #expect(monitor.interval == .milliseconds(2500))
        #expect(monitor.budget.isUnlimited)
        #expect(monitor.thresholds == AlertThresholds(waitTimeAtLeastSeconds: 90, queueDepthAtLeast: nil, freeSlotsAtMost: 1))
        #expect(monitor.entryPointInfo[Self.id(1001)] == .init(label: "Web chat", group: "Sales"))
        #expect(monitor.entryPointInfo[Self.id(1005)] == nil)
    }

    @Test func flagsBeatTheEnvironmentWhichBeatsTheFileWhichBeatsDefaults() throws {
        let file = try ConfigFile.parse(Self.sample, path: "c.toml")
        var flags = ConfigFlags()
        flags.interval = 10
        flags.burst = 3
        let effective = EffectiveConfiguration(file: file, flags: flags, environment: ["ECETOP_SERVER": "http://env:8080"])
        #expect(effective.interval == Setting(10, .flag("--interval")))
        #expect(effective.burst == Setting(3, .flag("--burst")))
        #expect(effective.maxRate == Setting(0, .file(path: "c.toml", line: 3)))
        #expect(effective.timeout == Setting(5, .builtIn))
        #expect(effective.server == Setting("http://env:8080", .environment("ECETOP_SERVER")))

        flags.server = "http://flag"
        #expect(EffectiveConfiguration(file: file, flags: flags, environment: ["ECETOP_SERVER": "http://env"]).server
            == Setting("http://flag", .flag("--server")))
        // Without a file the demo's shorter default interval shows through.
        #expect(EffectiveConfiguration(file: nil, defaultInterval: 2).interval == Setting(2, .builtIn))
    }

    @Test func commandLineIDsReplaceTheFilesButKeepItsLabels() throws {
        var flags = ConfigFlags()
        flags.ids = [1001, 2000].map(Self.id)
        let effective = EffectiveConfiguration(file: try ConfigFile.parse(Self.sample, path: "c.toml"), flags: flags)
        #expect(effective.entryPoints == Setting(flags.ids, .flag("ID arguments")))
        let info = effective.monitorConfiguration().entryPointInfo
        #expect(info[Self.id(1001)] == .init(label: "Web chat", group: "Sales"))
        #expect(info[Self.id(2000)] == nil)
    }

    @Test func thresholdsWarnAtTheirValuesInclusive() {
        let rules: [Alert.Rule] = [.waitTimeAtLeast(120), .queueDepthAtLeast(5), .freeSlotsAtMost(0), .freeSlotsAtMost(2)]
        #expect(rules.map(\.description) == ["wait time at or above 120 s", "queue depth at or above 5", "no free slots", "free slots at or below 2"])
    }

    @Test(arguments: [
        ("interval = 5\nintervall = 5", #"c.toml:2: unknown key "intervall"; did you mean "interval"?"#),
        ("[thresholds]\nwait-tme = 3", #"c.toml:2: unknown key "thresholds.wait-tme"; did you mean "thresholds.wait-time"?"#),
        ("[wall]\nenabled = true\nrotation = 5",
         #"c.toml:3: unknown key "wall.rotation" (known here: enabled, rotate)"#),
        ("[[entry-points]]\nids = 1\nlabels = \"x\"", #"c.toml:3: unknown key "entry-points[1].labels"; did you mean "entry-points[1].label"?"#),
        ("\n\ninterval = \"5\"", #"c.toml:3: "interval" must be a number, got a string"#),
        ("burst = 2.5", #"c.toml:1: "burst" must be a whole number, got a floating-point number"#),
        ("thresholds = 5", #"c.toml:1: "thresholds" must be a table: write [thresholds] on a line of its own, got an integer"#),
        ("[wall]\nenabled = \"yes\"", #"c.toml:2: "wall.enabled" must be true or false, got a string"#),
        ("interval = 0.1", #"c.toml:1: "interval" must be between 0.5 and 3600 seconds, got 0.1"#),
        ("burst = 0", #"c.toml:1: "burst" must be between 1 and 1000000, got 0"#),
        ("[thresholds]\nqueue-depth = 0", #"c.toml:2: "thresholds.queue-depth" must be between 1 and 1000000, got 0"#),
        ("[wall]\nrotate = 0", #"c.toml:2: "wall.rotate" must be between 1 and 3600, got 0"#),
        ("\nfull-every = 11", #"c.toml:2: "full-every" must be between 1 and 10, got 11"#),
        ("server = \"ftp://x\"", #"c.toml:1: "server": invalid server URL "ftp://x": the scheme must be http or https"#),
        ("theme = \"\"", #"c.toml:1: "theme" must not be empty"#),
        ("[[entry-points]]\nids = 1\nlabel = \"a\\tb\"", #"c.toml:3: "entry-points[1].label" must not contain control characters such as tabs or newlines"#),
        ("[[entry-points]]\nids = \"1003-1000\"", #"c.toml:2: "entry-points[1].ids": invalid entry point ID "1003-1000": range ends before it starts"#),
        ("[[entry-points]]\nids = 0", #"c.toml:2: "entry-points[1].ids": invalid entry point ID "0": entry point IDs start at 1"#),
        ("[[entry-points]]\nids = [true]", #"c.toml:2: "entry-points[1].ids" must be an ID, a range such as "1000-1003", or an array of those, got an array holding a bool"#),
        ("[[entry-points]]\ngroup = \"x\"", #"c.toml:1: "entry-points[1]" needs "ids" (an ID such as 1000 or a range such as "1000-1003")"#),
        ("[[entry-points]]\nids = \"1000-1003\"\n\n[[entry-points]]\nids = [1005, 1002]",
         #"c.toml:5: "entry-points[2].ids": entry point 1002 is already listed on line 2"#),
        ("[[entry-points]]\nids = 1.5", #"c.toml:2: "entry-points[1].ids" must be an ID, a range such as "1000-1003", or an array of those, got a floating-point number"#),
        ("entry-points = 3", #"c.toml:1: "entry-points" must be an array of tables: write [[entry-points]] above each ids/group/label, got an integer"#),
    ])
    func eachMistakeIsOneLineNamingFileLineAndKey(text: String, expected: String) {
        #expect(throws: ConfigError.self) { try ConfigFile.parse(text, path: "c.toml") }
        do {
            _ = try ConfigFile.parse(text, path: "c.toml")
        } catch {
            #expect(error.description == expected)
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func syntaxErrorsCarryTOMLKitsLineAndColumn() {
        do {
            _ = try ConfigFile.parse("interval = 5\nburst = = 3\n", path: "c.toml")
            Issue.record("a syntax error was accepted")
        } catch {
            #expect(error.line == 2)
            #expect(error.column != nil)
            #expect(error.description.hasPrefix("c.toml:2: TOML syntax error at column \(error.column ?? 0): "), "\(error)")
            #expect(!error.description.contains("\n"))
        }
    }

    @Test(arguments: ["\u{0}", "[", "[[entry-points]]\nids = 99999999999999999999", "a.b.c = 1", "[thresholds.x]\ny = 1",
                      "[[thresholds]]\nwait-time = 1", "\"\" = 1", "interval = inf", "interval = nan", "ids = 1",
                      "[[entry-points]]\nids = \"1-20000\"", "x = \"\"\"\n[wall]\n\"\"\""])
    func oddInputIsAnErrorNeverACrash(text: String) {
        #expect(throws: ConfigError.self) { try ConfigFile.parse(text, path: "c.toml") }
    }

    @Test func aMissingExplicitFileIsAnErrorAMissingDefaultFileIsNot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecetop-config-\(UUID().uuidString)").path
        #expect(throws: ConfigError(file: "\(folder)/none.toml", line: nil, message: "no such file")) {
            try ConfigLocation.load(explicit: "\(folder)/none.toml", environment: [:])
        }
        #expect(try ConfigLocation.load(explicit: nil, environment: ["XDG_CONFIG_HOME": folder]) == nil)
        #expect(ConfigLocation.defaultPath(environment: ["XDG_CONFIG_HOME": folder]) == "\(folder)/ecetop/config.toml")
        #expect(ConfigLocation.defaultPath(environment: ["HOME": "/home/u"]) == "/home/u/.config/ecetop/config.toml")
        // The XDG spec ignores a relative XDG_CONFIG_HOME.
        #expect(ConfigLocation.defaultPath(environment: ["XDG_CONFIG_HOME": "rel", "HOME": "/home/u"]) == "/home/u/.config/ecetop/config.toml")

        try FileManager.default.createDirectory(atPath: "\(folder)/ecetop", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "burst = 7\n".write(toFile: "\(folder)/ecetop/config.toml", atomically: true, encoding: .utf8)
        #expect(try ConfigLocation.load(explicit: nil, environment: ["XDG_CONFIG_HOME": folder])?.burst?.value == 7)
    }

    @Test func fullEveryComesFromTheFileUnlessTheFlagSaysOtherwiseAndIsUnsetByDefault() throws {
        let file = try ConfigFile.parse("interval = 2\nfull-every = 4\n", path: "f.toml")
        let fromFile = EffectiveConfiguration(file: file)
        #expect(fromFile.fullEvery == Setting(4, .file(path: "f.toml", line: 2)))
        #expect(fromFile.monitorConfiguration().fullEvery == 4)
        var flags = ConfigFlags()
        flags.fullEvery = 2
        #expect(EffectiveConfiguration(file: file, flags: flags).fullEvery == Setting(2, .flag("--full-every")))
        let unset = EffectiveConfiguration(file: nil)
        #expect(unset.fullEvery == Setting(nil, .builtIn))
        #expect(unset.monitorConfiguration().fullEvery == nil)
        #expect(unset.text.contains("# full-every not set: the smallest that fits the budget"))
    }

    @Test func viewAndBellComeFromTheFileUnlessAFlagSaysOtherwise() throws {
        let file = try ConfigFile.parse("view = \"table\"\nbell = true\n", path: "v.toml")
        let fromFile = EffectiveConfiguration(file: file)
        #expect(fromFile.view == Setting("table", .file(path: "v.toml", line: 1)))
        #expect(fromFile.bell == Setting(true, .file(path: "v.toml", line: 2)))
        var flags = ConfigFlags()
        flags.view = "grid"
        #expect(EffectiveConfiguration(file: file, flags: flags).view == Setting("grid", .flag("--view")))
        #expect(EffectiveConfiguration(file: nil).view == Setting("auto", .builtIn))
        #expect(EffectiveConfiguration(file: nil).bell == Setting(false, .builtIn))
        #expect(throws: ConfigError.self) { try ConfigFile.parse("view = \"list\"\n", path: "v.toml") }
        do {
            _ = try ConfigFile.parse("\nview = \"list\"\n", path: "v.toml")
        } catch {
            #expect(error.description == "v.toml:2: \"view\": must be one of grid, table, auto, got \"list\"")
        }
    }
}
