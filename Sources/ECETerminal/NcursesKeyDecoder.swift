import CNcursesw

/// Reads one key with `wget_wch` and turns curses codes into `Key`s.
enum NcursesKeyDecoder {
    enum Result {
        /// Nothing waiting.
        case none
        case key(Key)
        /// A key the dashboard does not use (function keys, mouse).
        case ignored
    }

    static func read(_ window: UnsafeMutablePointer<WINDOW>) -> Result {
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        if status == ece_err() { return .none }
        if status == KEY_CODE_YES { return decodeFunctionKey(Int32(bitPattern: code)) }
        return decodeCharacter(UInt32(code))
    }

    static func decodeFunctionKey(_ code: Int32) -> Result {
        switch code {
        case KEY_UP: .key(.up)
        case KEY_DOWN: .key(.down)
        case KEY_LEFT: .key(.left)
        case KEY_RIGHT: .key(.right)
        case KEY_PPAGE: .key(.pageUp)
        case KEY_NPAGE: .key(.pageDown)
        case KEY_HOME: .key(.home)
        case KEY_END: .key(.end)
        case KEY_ENTER: .key(.enter)
        case KEY_BACKSPACE: .key(.backspace)
        case ece_key_resize(): .key(.resize)
        default: .ignored
        }
    }

    static func decodeCharacter(_ value: UInt32) -> Result {
        switch value {
        case 3: .key(.interrupt)
        case 8, 127: .key(.backspace)
        case 9: .key(.tab)
        case 10, 13: .key(.enter)
        case 27: .key(.escape)
        case 0..<32: .ignored
        default: Unicode.Scalar(value).map { .key(.character(Character($0))) } ?? .ignored
        }
    }
}
