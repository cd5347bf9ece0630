import ECECommon
import Testing

@Suite struct SplitMix64Tests {
    @Test func theSameSeedGivesTheSameSequence() {
        var first = SplitMix64(seed: 42), second = SplitMix64(seed: 42), other = SplitMix64(seed: 43)
        let a = (0..<8).map { _ in first.next() }
        #expect(a == (0..<8).map { _ in second.next() })
        #expect(a != (0..<8).map { _ in other.next() })
    }

    @Test func knownFirstValue() {
        // The reference implementation's first output for seed 0.
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
    }
}

@Suite struct GlibcFunctionTests {
    @Test func findsAFunctionTheCLibraryHasAndNotOneItLacks() {
        typealias Abs = @convention(c) (Int32) -> Int32
        #if canImport(Glibc)
        #expect(glibcFunction("abs", as: Abs.self)?(-7) == 7)
        #endif
        #expect(glibcFunction("ecetop_no_such_function", as: Abs.self) == nil)
    }
}
