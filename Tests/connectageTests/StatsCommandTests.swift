import Foundation
import Research
import Testing

/// `connectage stats` on ``StudyDatabase``, outputs checked verbatim.
@Suite struct StatsCommandTests {
  func withStudy(_ body: (StoreCommandFolder) throws -> Void) throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    try StudyDatabase.create(at: folder.databasePath)
    try body(folder)
  }

  // Participant means of words (image, image_game, image_scent): P01 8.5 11 14.5, P02 6 8.5 10,
  // P03 11 13 17, P04 5 8 –. Checked with SciPy 1.17.1:
  //   stats.friedmanchisquare([8.5, 6, 11], [11, 8.5, 13], [14.5, 10, 17]) -> 6.0, p 0.04979
  //   stats.wilcoxon([8.5, 6, 11, 5], [11, 8.5, 13, 8], method="approx") -> 0.0, p 0.06560 (tied differences)
  //   stats.wilcoxon([8.5, 6, 11], [14.5, 10, 17], method="approx") -> 0.0, p 0.10247 (tied differences)
  //   stats.wilcoxon([11, 8.5, 13], [14.5, 10, 17], method="exact") -> 0.0, p 0.25
  //   image: mean 7.625, SD 2.6887, quartiles 5.75 / 7.25 / 9.125, stats.t.interval -> 3.3467, 11.9033
  @Test func printsATablePerMeasureInFrench() throws {
    try withStudy { folder in
      let run = try CommandRun.connectage(["stats", "--db", folder.databasePath, "--measure", "words"])
      #expect(run.exitCode == 0)
      #expect(run.standardError == "")
      #expect(
        run.standardOutput == """
          4 participant(s), conditions : image, image_game, image_scent. Chiffres sur les moyennes par participant ; IC 95 % par la loi t de Student.
          Conditions délivrées : 0 réponse(s) dont l'odeur n'a pas été diffusée comptent sans odeur (--by planned pour l'analyse en intention de traiter).

          Mots (words)
          condition    n  réponses  moyenne  ET    médiane  IQR   IC 95 %
          image        4  8         7.62     2.69  7.25     3.38  [3.35 ; 11.90]
          image_game   4  8         10.12    2.32  9.75     3.12  [6.43 ; 13.82]
          image_scent  3  6         13.83    3.55  14.50    3.50  [5.02 ; 22.65]
          Modèle principal des comptes (Poisson et binomiale négative à effets mixtes) : ConnectAge ne l'ajuste pas ; analysis.R, écrit avec l'export (connectage export all), l'ajuste.
          Friedman : χ²(2) = 6.00, p = 0.050, W de Kendall = 1.00, 3 participant(s) complets ; exclus (condition manquante) : P04.
          Wilcoxon image / image_game : W = 0.00, p = 0.066, p Holm = 0.197, r = -1.00, 4 participant(s), 0 exclu(s), approx. normale.
          Wilcoxon image / image_scent : W = 0.00, p = 0.102, p Holm = 0.205, r = -1.00, 3 participant(s), 1 exclu(s), approx. normale.
          Wilcoxon image_game / image_scent : W = 0.00, p = 0.250, p Holm = 0.250, r = -1.00, 3 participant(s), 1 exclu(s), exact.

          Participation (answered) : non calculée (aucun essai présenté à un participant dont la présence est enregistrée).

          """)
    }
  }

  @Test func writesJSONTablesAndPlotsWithAManifest() throws {
    try withStudy { folder in
      let out = folder.path + "/stats"
      let run = try CommandRun.connectage(
        ["stats", "--db", folder.databasePath, "--measure", "words", "ideas_n", "--output", out, "--json"],
        environment: ["CONNECTAGE_LANG": "en"])
      #expect(run.exitCode == 0)
      let json = try String(contentsOfFile: out + "/statistics.json", encoding: .utf8)
      #expect(run.standardOutput == json)
      #expect(
        json.hasPrefix(
          "{\"answers_condition_differs\":0,\"condition_basis\":\"delivered\",\"conditions\":[\"image\",\"image_game\",\"image_scent\"],\"measures\":[{\"complete_participants\":3,"
        ))
      let manifest = try String(contentsOfFile: out + "/manifest.sha256", encoding: .utf8)
      #expect(
        manifest.split(separator: "\n").map { $0.split(separator: " ").last! } == [
          "codebook.csv", "condition_summary.csv", "condition_tests.csv", "mixed_model.csv",
          "plots/ideas_n-by-condition.svg",
          "plots/ideas_n-by-session.svg",
          "plots/words-by-condition.svg", "plots/words-by-session.svg", "statistics.json",
        ])
      let summary = try String(contentsOfFile: out + "/condition_summary.csv", encoding: .utf8)
      #expect(
        summary.split(separator: "\n")[1]
          == "words,image,4,8,7.6250,2.6887,7.2500,5.7500,9.1250,3.3467,11.9033,delivered,automatic=22")
      // The codebook describes every column of the three tables, and every row has those columns.
      let codebook = try String(contentsOfFile: out + "/codebook.csv", encoding: .utf8).split(separator: "\n")
      #expect(codebook.first == "file,column,type,unit,definition")
      // A column in the unit of its row's measure says so and names the units it can be.
      #expect(
        codebook.contains {
          $0.hasPrefix(
            #"condition_summary.csv,mean,decimal,"unit of the row's measure: s, pauses, words, ideas, ideas per 10 words, memories or proportion","#
          )
        })
      #expect(
        codebook.contains {
          $0.hasPrefix(
            "mixed_model.csv,estimate,decimal,unit of the row's measure (per session for session_number): s or ideas per 10 words,"
          )
        })
      for table in ["condition_summary.csv", "condition_tests.csv", "mixed_model.csv"] {
        let lines = try String(contentsOfFile: out + "/" + table, encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false)
        #expect(codebook.filter { $0.hasPrefix(table + ",") }.map { $0.split(separator: ",")[1] } == header, "\(table)")
        // (mixed_model.csv has no row here: count measures are fitted in R, by analysis.R.)
        #expect(
          lines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == header.count },
          "\(table)")
      }
      let plot = try String(contentsOfFile: out + "/plots/words-by-condition.svg", encoding: .utf8)
      #expect(plot.contains("<title>Words by condition</title>"))
      #expect(plot.contains(">Image and scent</text>"))
    }
  }

  @Test func aTestWithTooLittleDataSaysWhyItWasNotComputed() throws {
    try withStudy { folder in
      // Memories are not coded in the fixture: every cell is empty.
      let run = try CommandRun.connectage(["stats", "--db", folder.databasePath, "--measure", "memories_n"])
      #expect(run.exitCode == 0)
      #expect(
        run.standardOutput == """
          4 participant(s), conditions : image, image_game, image_scent. Chiffres sur les moyennes par participant ; IC 95 % par la loi t de Student.
          Conditions délivrées : 0 réponse(s) dont l'odeur n'a pas été diffusée comptent sans odeur (--by planned pour l'analyse en intention de traiter).

          Souvenirs (analysés) (memories_n)
          condition    n  réponses  moyenne  ET  médiane  IQR  IC 95 %
          image        0  0         –        –   –        –    –
          image_game   0  0         –        –   –        –    –
          image_scent  0  0         –        –   –        –    –
          Modèle principal des comptes (Poisson et binomiale négative à effets mixtes) : ConnectAge ne l'ajuste pas ; analysis.R, écrit avec l'export (connectage export all), l'ajuste.
          Friedman : non calculé (aucune valeur pour cette mesure dans les séances choisies).
          Wilcoxon image / image_game : non calculé (aucun participant n'a les deux conditions).
          Wilcoxon image / image_scent : non calculé (aucun participant n'a les deux conditions).
          Wilcoxon image_game / image_scent : non calculé (aucun participant n'a les deux conditions).

          Participation (answered) : non calculée (aucun essai présenté à un participant dont la présence est enregistrée).

          """)
    }
  }

  @Test func thePlannedConditionIsAnalysedOnRequest() throws {
    try withStudy { folder in
      let run = try CommandRun.connectage(
        ["stats", "--db", folder.databasePath, "--measure", "words", "--by", "planned", "--json"])
      #expect(run.exitCode == 0)
      #expect(run.standardOutput.hasPrefix("{\"answers_condition_differs\":0,\"condition_basis\":\"planned\","))
      let text = try CommandRun.connectage(
        ["stats", "--db", folder.databasePath, "--measure", "words", "--by", "planned"],
        environment: ["CONNECTAGE_LANG": "en"])
      #expect(
        text.standardOutput.split(separator: "\n").dropFirst().first
          == "Planned conditions (intention to treat): 0 answer(s) count with a scent that was not released.")
    }
  }

  @Test func plotsAreLabelledInFrenchByDefault() throws {
    try withStudy { folder in
      let out = folder.path + "/stats"
      let run = try CommandRun.connectage(["stats", "--db", folder.databasePath, "--measure", "words", "--output", out])
      #expect(run.exitCode == 0)
      #expect(
        run.standardOutput.hasSuffix(
          "Statistiques et graphiques écrits dans \(out) (2 SVG). Empreintes SHA-256 dans manifest.sha256.\n"))
      let plot = try String(contentsOfFile: out + "/plots/words-by-session.svg", encoding: .utf8)
      #expect(plot.contains("<title>Mots au fil des séances</title>"))
      #expect(plot.contains(">Séance (une toutes les deux semaines)</text>"))
      #expect(plot.contains("stroke=\"#009E73\""))
    }
  }

  @Test(arguments: [
    BadInputCase(
      id: "an unknown measure", arguments: ["--measure", "mots"],
      message: "Mesure inconnue « mots » pour --measure. Mesures possibles : speech_duration_s, phonation_time_s, "
        + "silent_pauses_n, silent_pauses_total_s, words, words_split, ideas_n, idea_density, memories_auto_n, memories_n.\n"
    ),
    BadInputCase(
      id: "a study without answers", arguments: ["--study", "espoir-alzheimer"],
      message: "Aucune réponse mesurée dans les séances choisies : vérifiez --study, --group et --db.\n"),
    BadInputCase(
      id: "an unknown condition basis", arguments: ["--by", "intended"],
      message:
        "« intended » n'est pas une valeur de --by : delivered (condition délivrée) ou planned (condition prévue).\n"),
    BadInputCase(
      id: "an output that is a file", arguments: ["--output", "FILE"],
      message: "« FILE » existe et n'est pas un dossier : donnez un dossier à --out.\n"),
  ])
  func badInputIsExplainedWithExitCode2(_ badInput: BadInputCase) throws {
    try withStudy { folder in
      let file = folder.path + "/results.txt"
      try "à garder\n".write(toFile: file, atomically: true, encoding: .utf8)
      let arguments = badInput.arguments.map { $0 == "FILE" ? file : $0 }
      let run = try CommandRun.connectage(["stats", "--db", folder.databasePath] + arguments)
      #expect(run.exitCode == 2)
      #expect(run.standardOutput == "")
      #expect(run.standardError == badInput.message.replacingOccurrences(of: "FILE", with: file))
      #expect(try String(contentsOfFile: file, encoding: .utf8) == "à garder\n")
    }
  }
}
