import Foundation
import SessionModel

/// One report as a self-contained HTML page: inline CSS and SVG, no script, no file beside it,
/// laid out for A4 paper (`@page`) so that a browser or Chromium's `--print-to-pdf` prints it cleanly.
struct ReportPage {
  var title: String
  var subtitle: String
  var language: Language
  private var sections: [String] = []

  init(title: String, subtitle: String, language: Language) {
    self.title = title
    self.subtitle = subtitle
    self.language = language
  }

  /// A section with its heading; `id` lets tests and readers find it (`<section id="…">`).
  mutating func section(_ id: String, _ heading: LocalizedText, _ body: [String]) {
    sections.append(
      "<section id=\"\(id)\">\n<h2>\(HTML.escaped(heading.text(in: language)))</h2>\n"
        + body.joined(separator: "\n") + "\n</section>")
  }

  var html: String {
    """
    <!DOCTYPE html>
    <html lang="\(language.rawValue)">
    <head>
    <meta charset="utf-8">
    <title>\(HTML.escaped(title))</title>
    <style>
    \(Self.style)
    </style>
    </head>
    <body>
    <header><h1>\(HTML.escaped(title))</h1><p class="subtitle">\(HTML.escaped(subtitle))</p></header>
    \(sections.joined(separator: "\n"))
    <footer>\(HTML.escaped(LocalizedText(
      fr: "Rapport ConnectAge. Codes pseudonymes uniquement ; aucune donnée identifiante.",
      en: "ConnectAge report. Pseudonymous codes only; no identifying data.").text(in: language)))</footer>
    </body>
    </html>

    """
  }

  /// Print first: A4 with margins, tables that break between rows, figures that never split.
  static let style = """
    @page { size: A4; margin: 15mm 14mm 16mm 14mm; }
    * { box-sizing: border-box; }
    body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #111; margin: 0 auto;
      max-width: 190mm; line-height: 1.35; }
    header { border-bottom: 2px solid #0072B2; margin-bottom: 8pt; }
    h1 { font-size: 17pt; margin: 0 0 2pt 0; }
    h2 { font-size: 13pt; margin: 14pt 0 5pt 0; color: #0b4f7c; break-after: avoid; }
    h3 { font-size: 11pt; margin: 10pt 0 4pt 0; break-after: avoid; }
    .subtitle { margin: 0 0 6pt 0; color: #444; }
    table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt 0; font-size: 9pt; }
    th, td { border: 1px solid #bbb; padding: 2pt 4pt; text-align: left; vertical-align: top; }
    td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
    th { background: #eef3f8; }
    figure { margin: 6pt 0 10pt 0; break-inside: avoid; }
    figure svg { width: 100%; height: auto; max-height: 120mm; }
    figcaption { font-size: 8.5pt; color: #333; }
    .note { font-size: 8.5pt; color: #444; }
    .mark { font-size: 7.5pt; color: #555; border: 1px solid #999; border-radius: 2pt; padding: 0 2pt; margin-left: 2pt; }
    .absent { color: #8a1c1c; }
    .empty { color: #666; font-style: italic; }
    .transcript { margin: 2pt 0 6pt 0; padding-left: 6pt; border-left: 3px solid #ccc; break-inside: avoid; }
    footer { margin-top: 14pt; font-size: 8pt; color: #666; border-top: 1px solid #ccc; }
    """
}

/// Text for the page: escaping (public, for any HTML written by hand), numbers in the reader's
/// language, tables and figures.
public enum HTML {
  /// `text` made safe to place in an HTML or SVG document, as an element's content or as an
  /// attribute value in double quotes: `&`, `<`, `>` and `"` become `&amp;`, `&lt;`, `&gt;` and
  /// `&quot;`. Every report, plot and the review's forwarding page escape through it.
  ///
  /// Not enough for an attribute in single quotes or without quotes, nor inside `<script>` or
  /// `<style>`; and an escaped address still goes wherever it pointed (`javascript:` included), so
  /// only addresses the program made itself belong in `href` or `content`.
  public static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }

  /// A number with `decimals` decimals, French with a decimal comma; "–" when there is none.
  static func number(_ value: Double?, decimals: Int = 1, language: Language) -> String {
    guard let value, value.isFinite else { return "–" }
    var text = String(format: "%.\(decimals)f", value)
    if text.hasPrefix("-") && Double(text) == 0 { text.removeFirst() }
    return language == .french ? text.replacingOccurrences(of: ".", with: ",") : text
  }

  /// A table cell; `measure` names the figure for whoever checks it (`data-measure`).
  static func cell(_ content: String, numeric: Bool = false, measure: String? = nil, escape: Bool = true) -> String {
    let attributes = (numeric ? " class=\"n\"" : "") + (measure.map { " data-measure=\"\($0)\"" } ?? "")
    return "<td\(attributes)>\(escape ? escaped(content) : content)</td>"
  }

  static func table(headers: [String], rows: [String], numericFrom: Int = Int.max, id: String? = nil) -> String {
    let head = headers.enumerated().map { index, header in
      "<th\(index >= numericFrom ? " class=\"n\"" : "")>\(escaped(header))</th>"
    }.joined()
    return "<table\(id.map { " id=\"\($0)\"" } ?? "")><thead><tr>\(head)</tr></thead><tbody>\n"
      + rows.joined(separator: "\n") + "\n</tbody></table>"
  }

  static func row(_ cells: [String], data: [String: String] = [:]) -> String {
    let attributes = data.sorted { $0.key < $1.key }.map { " data-\($0.key)=\"\(escaped($0.value))\"" }.joined()
    return "<tr\(attributes)>" + cells.joined() + "</tr>"
  }

  static func paragraph(_ text: String, className: String? = nil) -> String {
    "<p\(className.map { " class=\"\($0)\"" } ?? "")>\(escaped(text))</p>"
  }

  /// An SVG plot inline (its XML declaration dropped), with a caption that gives its n.
  static func figure(_ svg: String, caption: String) -> String {
    let inline = svg.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.hasPrefix("<?xml") }.joined(separator: "\n")
    return "<figure>\n\(inline)<figcaption>\(escaped(caption))</figcaption>\n</figure>"
  }
}
