import Testing

@testable import Reports

@Suite struct XMLTextTests {
    @Test func escapesMarkupCharacters() {
        #expect(XMLText.escape("Sport & Spel <groep 5> \"extra\" 'na school'") == "Sport &amp; Spel &lt;groep 5&gt; &quot;extra&quot; &apos;na school&apos;")
    }

    @Test func dropsCharactersXMLCannotHold() {
        #expect(XMLText.escape("a\u{0}b\u{8}c\u{FFFE}d") == "abcd")
        #expect(XMLText.escape("regel 1\nregel 2\tkolom") == "regel 1\nregel 2\tkolom")
    }

    @Test func keepsEmojiAndRightToLeftText() {
        let text = "Goed gedaan 🎉 مرحبا"
        #expect(XMLText.escape(text) == text)
    }
}
