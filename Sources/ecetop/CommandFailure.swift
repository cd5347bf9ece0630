import ArgumentParser

/// A failure while a command runs, as opposed to a mistake in its command line: no terminal to
/// draw on, a port already taken, a server that cannot be served. Printed as one line
/// `ecetop: …` without the usage text a `ValidationError` brings, with its own exit status.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    var exitCode: ExitCode = .failure

    init(_ description: String, exitCode: ExitCode = .failure) {
        self.description = description
        self.exitCode = exitCode
    }
}
