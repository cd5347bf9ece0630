import ECEMonitor

/// One line per system-wide diagnosis under the header.
public struct DiagnosisBannerView: Sendable {
    public var diagnoses: [Diagnosis]

    public init(diagnoses: [Diagnosis]) { self.diagnoses = diagnoses }

    public func draw(into buffer: inout ScreenBuffer, rect: Rect, context: ViewContext) {
        guard rect.height > 0 else { return }
        for (row, diagnosis) in diagnoses.prefix(rect.height).enumerated() {
            let y = rect.y + row
            var text = "\(context.glyphs.critical) " + diagnosis.message(formatTime: context.clock.time)
            let role: StyleRole
            switch diagnosis.withoutSite {
            case .serverUnreachable, .assignmentServiceDown, .atSite: role = .critical
            case .serverErrors: role = .warning
            }
            if row == rect.height - 1, diagnoses.count > rect.height {
                text += " (+\(diagnoses.count - rect.height) more)"
            }
            if role == .warning { text = "\(context.glyphs.warning)" + text.dropFirst() }
            buffer.write(" " + text, x: rect.x, y: y, width: rect.width, style: CellStyle(role, [.bold, .reverse]),
                         ellipsis: context.glyphs.ellipsis)
        }
    }
}
