import Research
import Testing

/// `HTML.escaped`, the one escaping every report, plot and the review's forwarding page use.
@Suite struct HTMLTests {
  @Test func theCharactersThatEndTextOrADoubleQuotedAttributeAreEscaped() {
    #expect(
      HTML.escaped(#"<a href="x">Tom & "Jerry"</a>"#)
        == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &quot;Jerry&quot;&lt;/a&gt;")
  }

  @Test func anEntityIsEscapedAgainSoItShowsAsTyped() {
    #expect(HTML.escaped("&lt;b&gt;") == "&amp;lt;b&amp;gt;")
  }

  @Test func otherTextIsLeftAsItIs() {
    let french = "L'été à Saint-Malo : « le bal », 2 × 3 ; 100 %"
    #expect(HTML.escaped(french) == french)
  }
}
