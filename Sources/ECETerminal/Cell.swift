/// One column of the screen model.
///
/// Plain data, no references: a frame has tens of thousands of cells, and a `Character`
/// field made every copy, overwrite and teardown of one a reference-count operation. The
/// grapheme is kept as up to four Unicode scalars, as many as ncurses' `cchar_t` holds; a
/// longer cluster (a long emoji sequence) keeps its first four, which is all a terminal cell
/// can be given anyway.
public struct Cell: Sendable, Hashable {
    private var scalar0: UInt32
    private var scalar1: UInt32 = 0
    private var scalar2: UInt32 = 0
    private var scalar3: UInt32 = 0
    public var style: CellStyle
    /// True for the second column of a wide character, which the renderers skip.
    public var isContinuation: Bool

    public init(_ character: Character = " ", style: CellStyle = .background, isContinuation: Bool = false) {
        scalar0 = 0x20
        self.style = style
        self.isContinuation = isContinuation
        self.character = character
    }

    /// A cell holding one ASCII byte, for the writers' fast path.
    init(ascii: UInt8, style: CellStyle) {
        scalar0 = UInt32(ascii)
        self.style = style
        isContinuation = false
    }

    /// A cell holding one Unicode scalar that is a grapheme by itself.
    init(scalar: UInt32, style: CellStyle) {
        scalar0 = scalar
        self.style = style
        isContinuation = false
    }

    public static let blank = Cell()

    /// The grapheme drawn here; for the right half of a wide character, a space.
    public var character: Character {
        get {
            if scalar1 == 0, let scalar = Unicode.Scalar(scalar0) { return Character(scalar) }
            var text = String.UnicodeScalarView()
            for value in [scalar0, scalar1, scalar2, scalar3] where value != 0 {
                if let scalar = Unicode.Scalar(value) { text.append(scalar) }
            }
            return Character(String(text))
        }
        set {
            (scalar0, scalar1, scalar2, scalar3) = (0x20, 0, 0, 0)
            if let byte = newValue.singleByte {
                scalar0 = UInt32(byte)
                return
            }
            var index = 0
            for scalar in newValue.unicodeScalars {
                switch index {
                case 0: scalar0 = scalar.value
                case 1: scalar1 = scalar.value
                case 2: scalar2 = scalar.value
                default: scalar3 = scalar.value
                }
                index += 1
                if index == 4 { break }
            }
        }
    }

    /// The grapheme's scalar values, the unused ones 0; no array, since a renderer asks for
    /// those of hundreds of changed cells a frame.
    var scalarValues: (UInt32, UInt32, UInt32, UInt32) { (scalar0, scalar1, scalar2, scalar3) }

    /// The grapheme's length in UTF-8, for sizing a renderer's output before writing it.
    var utf8Count: Int {
        var count = Self.utf8Count(scalar0)
        guard scalar1 != 0 else { return count }
        count += Self.utf8Count(scalar1)
        guard scalar2 != 0 else { return count }
        count += Self.utf8Count(scalar2)
        guard scalar3 != 0 else { return count }
        return count + Self.utf8Count(scalar3)
    }

    /// Stores the grapheme's UTF-8 at `bytes[offset...]` (room for `utf8Count` bytes) without
    /// building a `Character`; returns the bytes stored.
    func storeUTF8(into bytes: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        var end = Self.store(scalar0, into: bytes, at: offset)
        guard scalar1 != 0 else { return end - offset }
        end = Self.store(scalar1, into: bytes, at: end)
        guard scalar2 != 0 else { return end - offset }
        end = Self.store(scalar2, into: bytes, at: end)
        guard scalar3 != 0 else { return end - offset }
        return Self.store(scalar3, into: bytes, at: end) - offset
    }

    // By hand, not `UTF8.width` and `UTF8.encode`: through `Unicode.Scalar` and the encoder's
    // closure, the table's frame took a fifth longer (this is once per cell of every frame).
    private static func utf8Count(_ value: UInt32) -> Int {
        switch value {
        case ..<0x80: 1
        case ..<0x800: 2
        case ..<0x10000: 3
        default: 4
        }
    }

    private static func store(_ value: UInt32, into bytes: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        // Cells hold only valid scalars (they come from `Unicode.Scalar`s), so no checks.
        switch value {
        case ..<0x80:
            bytes[offset] = UInt8(value)
            return offset + 1
        case ..<0x800:
            bytes[offset] = UInt8(0xC0 | value >> 6)
            bytes[offset + 1] = UInt8(0x80 | value & 0x3F)
            return offset + 2
        case ..<0x10000:
            bytes[offset] = UInt8(0xE0 | value >> 12)
            bytes[offset + 1] = UInt8(0x80 | value >> 6 & 0x3F)
            bytes[offset + 2] = UInt8(0x80 | value & 0x3F)
            return offset + 3
        default:
            bytes[offset] = UInt8(0xF0 | value >> 18)
            bytes[offset + 1] = UInt8(0x80 | value >> 12 & 0x3F)
            bytes[offset + 2] = UInt8(0x80 | value >> 6 & 0x3F)
            bytes[offset + 3] = UInt8(0x80 | value & 0x3F)
            return offset + 4
        }
    }
}

extension Character {
    /// The byte of a one-byte (ASCII) character, else nil. Cheaper per cell than `asciiValue`,
    /// which compares with "\r\n" and validates a scalar index first.
    var singleByte: UInt8? {
        let utf8 = self.utf8
        return utf8.count == 1 ? utf8.first : nil
    }
}
