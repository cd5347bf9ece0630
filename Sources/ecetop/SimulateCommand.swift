import ArgumentParser
import ECEChat
import ECESimulator
import Foundation
import Logging

/// `ecetop simulate`: serves a simulated ECE chat API (and its `/sim/…` control API) until
/// SIGINT or SIGTERM.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run a simulated ECE chat API server for demos, tests and benchmarks.",
        discussion: """
        Scenarios: \(ScenarioPreset.allCases.map(\.rawValue).joined(separator: ", ")), or a TOML scenario file. \
        Prints one line "ecetop simulator listening on http://HOST:PORT" when ready; logs go to standard error. \
        Fault rates are probabilities per request from 0 to 1. See docs/simulator.md.
        """
    )

    @Option(name: .long, help: ArgumentHelp("Address to listen on.", valueName: "HOST"))
    var host = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("Port to listen on; 0 picks a free one.", valueName: "N"))
    var port = 8080

    @Option(name: .customLong("tls-cert"), help: ArgumentHelp("Serve HTTPS with this PEM certificate chain (needs --tls-key).", valueName: "FILE"))
    var tlsCertificate: String?

    @Option(name: .customLong("tls-key"), help: ArgumentHelp("The PEM private key of --tls-cert.", valueName: "FILE"))
    var tlsKey: String?

    @Option(name: .long, help: ArgumentHelp("A preset name or a TOML scenario file.", valueName: "NAME|FILE"))
    var scenario = "calm"

    @Option(name: .long, help: ArgumentHelp("Seed of the simulation: same seed and speed, same story.", valueName: "N"))
    var seed: UInt64 = 1

    @Option(name: .long, help: ArgumentHelp("Simulated seconds per real second; 0 pauses (POST /sim/advance moves time).", valueName: "X"))
    var speed: Double = 1

    @Option(name: .customLong("entry-points"), help: ArgumentHelp("Entry points of a preset, e.g. 1000-1199 (default \(ECESimulatorDefaults.entryPoints)).", valueName: "RANGE"))
    var entryPoints: String?

    @Option(name: .long, help: ArgumentHelp("Added delay before each answer, in seconds.", valueName: "SECONDS"))
    var latency: Double = 0

    @Option(name: .long, help: ArgumentHelp("Random extra or less delay, up to this many seconds.", valueName: "SECONDS"))
    var jitter: Double = 0

    @Option(name: .customLong("error-rate"), help: ArgumentHelp("Share of requests answered 500 with a body.", valueName: "RATE"))
    var errorRate: Double = 0

    @Option(name: .customLong("defect-rate"), help: ArgumentHelp("Share of answers sent as the vendor's printed, defective samples.", valueName: "RATE"))
    var defectRate: Double = 0

    @Option(name: .customLong("mixup-rate"), help: ArgumentHelp("Share of answers in the other format (JSON for XML and back).", valueName: "RATE"))
    var mixupRate: Double = 0

    @Option(name: .customLong("stall-rate"), help: ArgumentHelp("Share of requests never answered.", valueName: "RATE"))
    var stallRate: Double = 0

    @Option(name: .customLong("drop-rate"), help: ArgumentHelp("Share of requests whose connection is closed without an answer.", valueName: "RATE"))
    var dropRate: Double = 0

    @Option(name: .customLong("oversize-rate"), help: ArgumentHelp("Share of answers with a body over 64 KiB.", valueName: "RATE"))
    var oversizeRate: Double = 0

    @Flag(name: .customLong("oversize-chunked"), help: "Send oversized bodies chunked, without Content-Length.")
    var oversizeChunked = false

    @Option(name: .customLong("reset-rate"), help: ArgumentHelp("Share of requests whose connection is reset (TCP RST) without an answer.", valueName: "RATE"))
    var resetRate: Double = 0

    @Option(name: .customLong("trickle-rate"), help: ArgumentHelp("Share of answers whose body is sent a byte at a time.", valueName: "RATE"))
    var trickleRate: Double = 0

    @Option(name: .customLong("trickle-speed"), help: ArgumentHelp("Bytes a second of a trickled body.", valueName: "BYTES"))
    var trickleSpeed: Double = 16

    @Option(name: .customLong("garbage-rate"), help: ArgumentHelp("Share of answers that are random bytes (200, labelled as asked).", valueName: "RATE"))
    var garbageRate: Double = 0

    @Option(name: .customLong("chat-allowed-reason"), help: ArgumentHelp("chatAllowed answers allowed=\"false\" with this reason, verbatim.", valueName: "TEXT"))
    var chatAllowedReason: String?

    @Option(name: .customLong("fault-calls"), help: ArgumentHelp("Apply the fault rates only to these calls, e.g. capacity,chatAllowed.", valueName: "CALLS"))
    var faultCalls: String?

    @Option(name: .customLong("fault-entry-points"), help: ArgumentHelp("Apply the fault flags only to these entry points.", valueName: "RANGE"))
    var faultEntryPoints: String?

    @Flag(name: .long, help: "Log every request to standard error.")
    var verbose = false

    func validate() throws {
        guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, got \(port)") }
        guard (tlsCertificate == nil) == (tlsKey == nil) else { throw ValidationError("--tls-cert and --tls-key go together") }
        guard speed.isFinite, speed >= 0, speed <= 1_000_000 else { throw ValidationError("--speed must be a number from 0 to 1000000, got \(speed)") }
        let configuration = try makeConfiguration()
        do {
            _ = try configuration.makeScenario()
        } catch {
            throw ValidationError(error.description)
        }
    }

    func makeConfiguration() throws -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration()
        configuration.host = host
        configuration.port = port
        if let tlsCertificate, let tlsKey {
            configuration.tls = SimulatorTLSFiles(certificateChain: tlsCertificate, privateKey: tlsKey)
        }
        configuration.seed = seed
        configuration.speed = speed
        configuration.logLevel = verbose ? .debug : .info
        configuration.stopsOnSignals = true
        if let preset = ScenarioPreset(rawValue: scenario) {
            configuration.scenario = .preset(preset)
        } else if FileManager.default.fileExists(atPath: scenario) {
            configuration.scenario = .file(scenario)
        } else {
            throw ValidationError("--scenario must be one of \(ScenarioPreset.allCases.map(\.rawValue).joined(separator: ", ")) or an existing file, got \"\(scenario)\"")
        }
        if let entryPoints { configuration.entryPoints = try parseEntryPointIDs([entryPoints]) }
        var faults = FaultSettings()
        faults.latency = latency
        faults.jitter = jitter
        faults.errorRate = errorRate
        faults.defectRate = defectRate
        faults.mixupRate = mixupRate
        faults.stallRate = stallRate
        faults.dropRate = dropRate
        faults.oversizeRate = oversizeRate
        faults.oversizeChunked = oversizeChunked
        faults.resetRate = resetRate
        faults.trickleRate = trickleRate
        faults.trickleBytesPerSecond = trickleSpeed
        faults.garbageRate = garbageRate
        faults.chatAllowedReason = chatAllowedReason
        if let faultCalls {
            do {
                faults.calls = try FaultSettings.calls(parsing: faultCalls)
            } catch {
                throw ValidationError("--fault-calls: \(error)")
            }
        }
        if let problem = faults.problem {
            throw ValidationError("fault flags: --\(Self.flag(setting: problem.setting)) \(problem.complaint)")
        }
        if let faultEntryPoints {
            let ids = try parseEntryPointIDs([faultEntryPoints])
            configuration.faultsByEntryPoint = Dictionary(uniqueKeysWithValues: ids.map { ($0, faults) })
        } else {
            configuration.faults = faults
        }
        return configuration
    }

    /// The flag that sets a fault setting.
    private static func flag(setting: FaultSettings.Setting) -> String {
        switch setting {
        case .latency: "latency"
        case .jitter: "jitter"
        case .errorRate: "error-rate"
        case .defectRate: "defect-rate"
        case .mixupRate: "mixup-rate"
        case .stallRate: "stall-rate"
        case .dropRate: "drop-rate"
        case .oversizeRate: "oversize-rate"
        case .resetRate: "reset-rate"
        case .trickleRate: "trickle-rate"
        case .trickleBytesPerSecond: "trickle-speed"
        case .garbageRate: "garbage-rate"
        case .chatAllowedReason: "chat-allowed-reason"
        // No flag sets these (only POST /sim/faults): named as its parameters.
        case .statusRate, .status: setting.rawValue
        }
    }

    func run() async throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let running: RunningSimulator
        do {
            running = try await ECESimulatorServer.start(try makeConfiguration())
        } catch let error as ScenarioError {
            throw ValidationError(error.description)
        } catch let error as ECESimulatorServer.StartError {
            throw CommandFailure(error.description)
        }
        // Written straight to the file descriptor: the ready line must not wait in a buffer.
        FileHandle.standardOutput.write(Data("ecetop simulator listening on \(running.baseURL)\n".utf8))
        await running.waitUntilStopped()
    }
}
