import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A scrape in the Prometheus text format, parsed: the samples and the `# TYPE` of each family.
struct PrometheusText {
    struct Sample {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    struct ParseError: Error, CustomStringConvertible {
        var line: String
        var description: String { "not a Prometheus sample line: \(line)" }
    }

    var samples: [Sample] = []
    var types: [String: String] = [:]

    init(parsing text: String) throws {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("# TYPE ") {
                let parts = line.split(separator: " ")
                if parts.count == 4 { types[String(parts[2])] = String(parts[3]) }
                continue
            }
            if line.hasPrefix("#") { continue }
            samples.append(try Self.sample(String(line)))
        }
    }

    /// Samples of `name` whose labels include all of `labels`.
    func samples(_ name: String, _ labels: [String: String] = [:]) -> [Sample] {
        samples.filter { sample in sample.name == name && labels.allSatisfy { sample.labels[$0.key] == $0.value } }
    }

    /// The value of the one sample of `name` with `labels`, nil when there is none (or several).
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        let found = samples(name, labels)
        return found.count == 1 ? found[0].value : nil
    }

    private static func sample(_ line: String) throws -> Sample {
        var characters = Array(line)[...]
        var name = ""
        while let first = characters.first, first != "{", first != " " {
            name.append(first)
            characters = characters.dropFirst()
        }
        var labels: [String: String] = [:]
        if characters.first == "{" {
            characters = characters.dropFirst()
            while let first = characters.first, first != "}" {
                if first == "," { characters = characters.dropFirst(); continue }
                var key = ""
                while let character = characters.first, character != "=" {
                    key.append(character)
                    characters = characters.dropFirst()
                }
                guard characters.dropFirst().first == "\"" else { throw ParseError(line: line) }
                characters = characters.dropFirst(2)
                var value = ""
                while let character = characters.first, character != "\"" {
                    characters = characters.dropFirst()
                    if character == "\\", let escaped = characters.first {
                        value.append(escaped == "n" ? "\n" : escaped)
                        characters = characters.dropFirst()
                    } else {
                        value.append(character)
                    }
                }
                guard !characters.isEmpty else { throw ParseError(line: line) }
                characters = characters.dropFirst()
                labels[key] = value
            }
            guard !characters.isEmpty else { throw ParseError(line: line) }
            characters = characters.dropFirst()
        }
        let valueText = String(characters).trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
        guard !name.isEmpty, let value = Double(valueText) ?? (valueText == "+Inf" ? .infinity : nil) else { throw ParseError(line: line) }
        return Sample(name: name, labels: labels, value: value)
    }
}

/// Scrapes `/metrics` with async-http-client, the way Prometheus would.
struct MetricsScraper {
    let http: HTTPClient

    /// Runs `body` with a scraper whose client is shut down on every path.
    @discardableResult
    static func with<T>(_ body: (MetricsScraper) async throws -> T) async throws -> T {
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            let result = try await body(MetricsScraper(http: http))
            try await http.shutdown()
            return result
        } catch {
            try? await http.shutdown()
            throw error
        }
    }

    /// One request: status, content type and body.
    func request(_ url: String, method: HTTPMethod = .GET) async throws -> (status: UInt, contentType: String?, body: String) {
        var request = HTTPClientRequest(url: url)
        request.method = method
        let response = try await http.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 16 << 20)
        return (response.status.code, response.headers.first(name: "content-type"), String(buffer: body))
    }

    func scrape(_ url: String) async throws -> PrometheusText {
        let (status, _, body) = try await request(url)
        guard status == 200 else { throw ScrapeFailed(description: "GET \(url) answered \(status)") }
        return try PrometheusText(parsing: body)
    }

    /// Scrapes every 100 ms until `condition` holds, failing after a generous real deadline.
    @discardableResult
    func scrape(_ url: String, until condition: (PrometheusText) -> Bool, what: String) async throws -> PrometheusText {
        let deadline = ContinuousClock.now + .seconds(30)
        while true {
            let text = try await scrape(url)
            if condition(text) { return text }
            guard ContinuousClock.now < deadline else { throw ScrapeFailed(description: "timed out waiting for \(what)") }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Fetches the raw text every `spacing` until `condition` holds, failing after `limit`:
    /// for pages so large that parsing each one would starve what is being watched.
    func fetch(_ url: String, every spacing: Duration, within limit: Duration, until condition: (String) -> Bool, what: String) async throws -> String {
        let deadline = ContinuousClock.now + limit
        while true {
            let (status, _, body) = try await request(url)
            guard status == 200 else { throw ScrapeFailed(description: "GET \(url) answered \(status)") }
            if condition(body) { return body }
            guard ContinuousClock.now < deadline else { throw ScrapeFailed(description: "timed out waiting for \(what)") }
            try await Task.sleep(for: spacing)
        }
    }

    struct ScrapeFailed: Error, CustomStringConvertible {
        var description: String
    }
}
