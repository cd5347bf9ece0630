import ECEChat
import ECECommon
import ECEMonitor
import Foundation

/// Formats `ecetop check` results as a table for people or JSON for scripts.
enum CheckReport {
    /// - Parameter site: the `[[sites]]` name when the config lists several; its reachability is then told too.
    static func table(_ checks: [EntryPointCheck], server: ChatAPIServer, site: String? = nil) -> String {
        let header = ["ID", "STATE", "CHAT ALLOWED", "QUEUE", "WAIT", "SLOTS", "AGENT", "ELIGIBILITY"]
        var rows: [[String]] = []
        var notes: [[ChatAPIError]] = []
        for check in checks {
            let status = check.value(.liveSessionStatus).flatMap { if case .sessionStatus(let s) = $0 { s } else { nil } }
            rows.append([
                check.entryPoint.description,
                check.severity.description,
                check.chatAllowed.map { $0.allowed ? "allowed" : ($0.reason?.rawValue ?? "not allowed") } ?? "?",
                status.map { String($0.queueDepth) } ?? "?",
                status.map { DurationText.wait(seconds: $0.waitTimeSeconds) } ?? "?",
                check.value(.capacity).flatMap { if case .capacity(let n) = $0 { String(n) } else { nil } } ?? "?",
                check.value(.agentAvailability).flatMap { if case .agentAvailability(let a) = $0 { a ? "yes" : "no" } else { nil } } ?? "?",
                check.value(.checkEligibility).flatMap { if case .eligibility(let e) = $0 { e.description } else { nil } } ?? "?",
            ])
            notes.append(ChatAPICall.allCases.compactMap { call in check.error(call) })
        }
        let rightAligned: Set<Int> = [3, 5]
        var widths = header.map(\.count)
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (column, cell) in cells.enumerated() {
                if column > 0 { text += "  " }
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                if rightAligned.contains(column) {
                    text += pad
                    text += cell
                } else {
                    text += cell
                    text += pad
                }
            }
            return text.droppingTrailingSpaces() + "\n"
        }
        // A check of many entry points repeats the same few errors (every timeout of a call reads alike).
        var noteLines: [ChatAPIError: String] = [:]
        var output = "server \(server)\n"
        if let site {
            let reachable = checks.contains { $0.exchanges.values.contains { $0.httpStatus != nil } }
            output = "site \(site): server \(server)\(reachable ? "" : " (unreachable)")\n"
        }
        output += line(header)
        for (row, rowNotes) in zip(rows, notes) {
            output += line(row)
            for note in rowNotes {
                if let known = noteLines[note] {
                    output += known
                } else {
                    let text = "  \(note)\n"
                    noteLines[note] = text
                    output += text
                }
            }
        }
        let totals = FloorTotals(checks.map(reading))
        let parts = totals.parts(waitText: DurationText.wait(seconds:)) + (totals.leftOutText.map { [$0] } ?? [])
        output += "totals: " + parts.joined(separator: " · ") + "\n"
        return output
    }

    /// What a check read, for the totals: a call that failed is left out.
    private static func reading(_ check: EntryPointCheck) -> FloorTotals.Reading {
        var reading = FloorTotals.Reading(id: check.entryPoint, allowed: check.chatAllowed?.allowed)
        if case .sessionStatus(let status) = check.value(.liveSessionStatus) {
            reading.queueDepth = status.queueDepth
            reading.waitSeconds = status.waitTimeSeconds
        }
        if case .capacity(let slots) = check.value(.capacity) { reading.freeSlots = slots }
        if case .agentAvailability(let available) = check.value(.agentAvailability) { reading.agentAvailable = available }
        return reading
    }

    /// - Parameter sites: each result list's site name when the config lists several; adds a `site` key.
    static func json(_ results: [[EntryPointCheck]], sites: [String]? = nil) -> String {
        var output = "["
        var first = true
        var literals: [ChatAPIError: String] = [:]
        // Entry points nothing came back for differ only in their ID (a stalled server's
        // thousands of them): their text is written once and copied around each ID.
        var unanswered: (errors: [ChatAPICall: ChatAPIError], site: String?, before: String, after: String)?
        for (index, checks) in results.enumerated() {
            let site = sites?[index]
            for check in checks {
                output += first ? "\n" : ",\n"
                first = false
                if check.exchanges.isEmpty, let known = unanswered, known.site == site, known.errors == check.unanswered {
                    output += known.before
                    output += String(check.entryPoint.rawValue)
                    output += known.after
                    continue
                }
                var record = CheckRecord(check)
                record.site = site
                let start = output.utf8.count
                let id = record.writeJSON(to: &output, literals: &literals)
                if check.exchanges.isEmpty {
                    let utf8 = output.utf8
                    let before = String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: id.lowerBound)]))
                    let after = String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: id.upperBound)...]))
                    unanswered = (check.unanswered, site, before, after)
                }
            }
        }
        output += first ? "\n\n]" : "\n]"
        return output
    }
}

extension String {
    /// Without the spaces at its end (cells are padded; a line's last one need not be).
    /// Cheaper than Foundation's trimming, which dominated a 10,000-row table.
    func droppingTrailingSpaces() -> String {
        var utf8 = Substring(self).utf8
        while utf8.last == UInt8(ascii: " ") { utf8.removeLast() }
        return String(Substring(utf8))
    }
}

/// Writes one line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
