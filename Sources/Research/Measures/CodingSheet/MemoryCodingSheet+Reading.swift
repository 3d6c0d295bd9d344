import Foundation
import SessionModel
import Store

extension MemoryCodingSheet {
  /// A filled sheet, checked line by line: the codings it holds, or everything wrong with it.
  public struct Reading: Hashable, Sendable {
    public var codings: [SheetCoding]
    public var problems: [SheetProblem]
    /// Rows whose `memories_n` is still empty: not coded yet, left as they are.
    public var unfilledRows: Int
  }

  /// Checks a whole sheet before anything is saved: a known answer id on each row (`answers`, from
  /// ``answerIDs(in:)``, maps the sheet's opaque ids back to answers), a count that is a whole
  /// number from 0 to ``Store/MemoryCount/largest`` (as on the review page), a coder code (the
  /// row's, else `defaultCoder`), and no answer coded twice by the same coder. Rows without
  /// `memories_n` are skipped, so a sheet can be coded in several sittings.
  /// Fields may be separated by `,` or, as French spreadsheets save CSV, by `;`.
  public static func read(_ text: String, answers: [String: AnswerKey], defaultCoder: String?) -> Reading {
    var reading = Reading(codings: [], problems: [], unfilledRows: 0)
    let records: [CSVRecords.Record]
    do {
      records = try CSVRecords.parse(text, separator: CSVRecords.separator(of: text))
    } catch {
      reading.problems.append(
        SheetProblem(
          line: error.line,
          reason: LocalizedText(
            fr: "guillemet ouvert jamais refermé ; refermez la cellule qui commence sur cette ligne",
            en: "a quote is opened and never closed; close the cell that starts on this line")))
      return reading
    }
    guard let header = records.first else {
      reading.problems.append(
        SheetProblem(
          line: 1,
          reason: LocalizedText(
            fr: "la feuille est vide ; exportez-la avec « connectage analyze memories export »",
            en: "the sheet is empty; export it with 'connectage analyze memories export'")))
      return reading
    }
    let required = ["answer_id", "memories_n", "coder"]
    let missing = required.filter { !header.fields.contains($0) }
    if missing == ["answer_id"], header.fields.contains("trial_id") {
      reading.problems.append(
        SheetProblem(
          line: header.line,
          reason: LocalizedText(
            fr:
              "feuille d'une version antérieure (elle montrait les essais) ; exportez une nouvelle feuille avec « connectage analyze memories export » et recopiez-y les codages",
            en:
              "a sheet from an earlier version (it showed the trials); export a new sheet with 'connectage analyze memories export' and copy the codings into it"
          )))
      return reading
    }
    guard missing.isEmpty else {
      let list = missing.joined(separator: ", ")
      reading.problems.append(
        SheetProblem(
          line: header.line,
          reason: LocalizedText(
            fr: "colonne(s) manquante(s) : \(list) ; gardez l'en-tête de la feuille exportée",
            en: "missing column(s): \(list); keep the header of the exported sheet")))
      return reading
    }
    let index = Dictionary(header.fields.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    var seen: [Pair: Int] = [:]
    for record in records.dropFirst() {
      let problemsBefore = reading.problems.count
      func field(_ name: String) -> String {
        let position = index[name]!
        let value = record.fields.indices.contains(position) ? record.fields[position] : ""
        return value.trimmingCharacters(in: .whitespaces)
      }
      func refuse(_ fr: String, _ en: String) {
        reading.problems.append(SheetProblem(line: record.line, reason: LocalizedText(fr: fr, en: en)))
      }
      if record.fields.count > header.fields.count {
        refuse(
          "\(record.fields.count) champs pour \(header.fields.count) colonnes ; mettez entre guillemets la cellule qui contient une virgule",
          "\(record.fields.count) fields for \(header.fields.count) columns; quote the cell that holds a comma")
        continue
      }
      let count = field("memories_n")
      if count.isEmpty {
        reading.unfilledRows += 1
        continue
      }
      let id = field("answer_id")
      let answer = answers[id]
      if answer == nil {
        refuse(
          "aucune réponse mesurée n'a l'identifiant « \(id) » dans cette base ; ne modifiez pas answer_id, et importez la feuille dans la base qui l'a produite",
          "no measured answer has the id '\(id)' in this database; do not edit answer_id, and import the sheet into the database that made it"
        )
      }
      let memories = Int(count)
      if memories == nil {
        refuse(
          "memories_n « \(count) » n'est pas un nombre entier ; écrivez le nombre de souvenirs confirmés (0, 1, 2…)",
          "memories_n '\(count)' is not a whole number; write the number of confirmed memories (0, 1, 2…)")
      } else if let memories, memories < 0 {
        refuse(
          "memories_n « \(count) » est négatif ; écrivez 0 si la réponse n'évoque aucun souvenir",
          "memories_n '\(count)' is negative; write 0 when the answer evokes no memory")
      } else if let memories, memories > MemoryCount.largest {
        refuse(
          "memories_n « \(count) » dépasse \(MemoryCount.largest), le plus grand nombre de souvenirs d'un codage ; corrigez la cellule (une faute de frappe ?)",
          "memories_n '\(count)' is above \(MemoryCount.largest), the largest count of memories a coding holds; correct the cell (a typing slip?)"
        )
      }
      let rowCoder = field("coder")
      let coder = rowCoder.isEmpty ? defaultCoder : rowCoder
      if let coder, !ParticipantCode.isValid(coder) {
        refuse(
          "« \(coder) » n'est pas un code de codeur ; utilisez un code (par exemple ORT1), jamais un nom",
          "'\(coder)' is not a coder code; use a code (for example ORT1), never a name")
      } else if coder == nil {
        refuse(
          "aucun codeur ; remplissez la colonne coder ou donnez --coder",
          "no coder; fill the coder column or give --coder")
      }
      if let answer, let coder {
        let pair = Pair(answer: answer, coder: coder)
        if let first = seen[pair] {
          refuse(
            "la réponse \(id) est déjà codée par \(coder) ligne \(first) ; gardez une seule ligne par réponse et par codeur",
            "the answer \(id) is already coded by \(coder) on line \(first); keep one row per answer and coder"
          )
        } else {
          seen[pair] = record.line
        }
      }
      if reading.problems.count == problemsBefore, let answer, let memories, let coder {
        reading.codings.append(SheetCoding(line: record.line, answer: answer, memories: memories, coder: coder))
      }
    }
    return reading
  }

  private struct Pair: Hashable {
    var answer: AnswerKey
    var coder: String
  }
}
