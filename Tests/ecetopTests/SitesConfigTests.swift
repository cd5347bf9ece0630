import ECEChat
import ECEConfig
import ECEMonitor
import Testing

/// `[[sites]]` in the config file: several servers, each with its entry points and its own budget.
@Suite("Config file: several sites")
struct SitesConfigTests {
    static func id(_ value: Int64) -> EntryPointID { EntryPointID(value)! }

    static let sample = """
        max-rate = 10
        timeout = 4

        [[sites]]
        name = "london"
        server = "https://ece-lon.example.com"
        max-rate = 5
        burst = 8

        [[sites]]
        name = "paris"
        server = "https://ece-par.example.com"

        [[entry-points]]
        site = "london"
        ids = "1000-1001"
        group = "Sales"

        [[entry-points]]
        site = "paris"
        ids = [1000, 1005]
        label = "Support"
        """

    @Test func eachSiteHasItsEntryPointsLabelsAndBudget() throws {
        let effective = EffectiveConfiguration(file: try ConfigFile.parse(Self.sample, path: "s.toml"))
        let sites = effective.sites
        #expect(sites.map(\.name) == ["london", "paris"])
        #expect(sites.map(\.server) == ["https://ece-lon.example.com", "https://ece-par.example.com"])
        // The same ID on two servers is two entry points.
        #expect(sites[0].entryPoints == [1000, 1001].map(Self.id))
        #expect(sites[1].entryPoints == [1000, 1005].map(Self.id))
        #expect(sites[0].maxRate == 5 && sites[0].burst == 8 && sites[0].timeout == 4)
        #expect(sites[1].maxRate == 10 && sites[1].burst == 20 && sites[1].timeout == 4)
        let london = effective.monitorConfiguration(for: sites[0])
        #expect(london.budget == .init(ratePerSecond: 5, burst: 8))
        #expect(london.entryPointInfo[Self.id(1000)] == .init(label: nil, group: "Sales"))
        let paris = effective.monitorConfiguration(for: sites[1])
        #expect(paris.entryPointInfo[Self.id(1000)] == .init(label: "Support", group: nil))
        #expect(effective.text.contains("[[sites]]"))
        #expect(effective.text.contains("name = \"paris\""))
        #expect(effective.text.contains("site = \"london\""))
    }

    @Test func flagsBeatEachSitesValuesAndServerReplacesTheSites() throws {
        let file = try ConfigFile.parse(Self.sample, path: "s.toml")
        var flags = ConfigFlags()
        flags.maxRate = 2
        #expect(EffectiveConfiguration(file: file, flags: flags).sites.map(\.maxRate) == [2, 2])
        flags.server = "http://one:8080"
        #expect(EffectiveConfiguration(file: file, flags: flags).sites.isEmpty)
        // The environment's server does not replace a file's sites.
        #expect(EffectiveConfiguration(file: file, environment: ["ECETOP_SERVER": "http://env"]).sites.count == 2)
    }

    @Test func aSingleServerFileHasNoSites() throws {
        let file = try ConfigFile.parse("server = \"http://a\"\n[[entry-points]]\nids = 1000", path: "c.toml")
        #expect(file.sites.isEmpty)
        #expect(EffectiveConfiguration(file: file).sites.isEmpty)
    }

    static let site = "[[sites]]\nname = \"london\"\nserver = \"http://a\"\n"
    static let points = "\n[[entry-points]]\nsite = \"london\"\nids = 1000\n"

    @Test(arguments: [
        ("[[sites]]\nserver = \"http://a\"", #"s.toml:1: "sites[1]" needs "name" (what the dashboard and the metrics call the site)"#),
        ("[[sites]]\nname = \"london\"", #"s.toml:1: "sites[1]" ("london") needs "server" (its base URL)"#),
        (site + "\n[[sites]]\nname = \"london\"\nserver = \"http://b\"" + points,
         #"s.toml:6: "sites[2].name": site "london" is already defined on line 2"#),
        ("[[sites]]\nname = \"x\"\nserver = \"ftp://a\"", #"s.toml:3: "sites[1].server": invalid server URL "ftp://a": the scheme must be http or https"#),
        (site + "max-rat = 3" + points, #"s.toml:4: unknown key "sites[1].max-rat"; did you mean "sites[1].max-rate"?"#),
        (site + "burst = 0" + points, #"s.toml:4: "sites[1].burst" must be between 1 and 1000000, got 0"#),
        ("server = \"http://a\"\n" + site + points, #"s.toml:1: "server" and [[sites]] cannot both be set: give each site its own server"#),
        (site + "\n[[entry-points]]\nids = 1000", #"s.toml:5: "entry-points[1]" needs "site" when the file lists [[sites]] (one of: london)"#),
        (site + "\n[[entry-points]]\nsite = \"lodnon\"\nids = 1000", #"s.toml:6: "entry-points[1].site": no site "lodnon"; did you mean "london"?"#),
        ("server = \"http://a\"\n[[entry-points]]\nsite = \"x\"\nids = 1",
         #"s.toml:3: "entry-points[1].site": the file lists no [[sites]]; add them, or drop "site" to use "server""#),
        (site + "\n[[sites]]\nname = \"paris\"\nserver = \"http://b\"" + points, #"s.toml:6: site "paris" has no [[entry-points]] with site = "paris""#),
        (site + points + points, #"s.toml:11: "entry-points[2].ids": entry point 1000 is already listed for site "london" on line 7"#),
        ("sites = 1", #"s.toml:1: "sites" must be an array of tables: write [[sites]] above each name/server, got an integer"#),
    ])
    func badSitesAreOneLineFileLineErrors(text: String, expected: String) {
        do {
            _ = try ConfigFile.parse(text, path: "s.toml")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.description == expected)
            #expect(!error.description.contains("\n"))
        }
    }
}
