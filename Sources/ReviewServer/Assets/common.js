// Shared by every page: language, coder code, requests to the server, status line.
// Plain JavaScript served as is (no build step); no inline script anywhere (the CSP forbids it).
"use strict";

const Review = (() => {
  const strings = {
    en: {
      "app.title": "Review and code", "nav.queue": "Answers", "nav.agreement": "Coder agreement",
      "coder.label": "Coder", "coder.change": "Change", "coder.title": "Your coder code",
      "coder.help": "A code, never a name: capitals and digits, for example ORT1. It signs every save.",
      "coder.save": "OK", "coder.invalid": "A code is 1 to 16 capitals, digits or dashes, starting with a letter (ORT1).",
      "queue.filter": "Show", "queue.blind": "Blind order: no session, trial, condition or scent.",
      "queue.position": "No.", "queue.answer": "Answer", "queue.state": "State", "queue.mine": "By me",
      "queue.prev": "Previous page", "queue.next": "Next page", "queue.page": "Page {page} of {pages} — {n} answers",
      "queue.keys": "Keyboard: ↑ ↓ to choose, Enter to open, Page↑ Page↓ to change page.", "queue.empty": "No answer here.",
      "state.all": "All answers", "state.to_transcribe": "To transcribe", "state.transcribed": "Transcribed",
      "state.coded_once": "Coded by one coder", "state.coded_twice": "Coded by two coders", "state.agreed": "Agreed",
      "yes": "yes", "no": "",
      "answer.prev": "← Previous", "answer.next": "Next →", "answer.title": "Answer", "answer.of": "{n} of {total}",
      "conflict.title": "Save refused: the answer changed",
      "conflict.choose": "What you were saving was saved elsewhere too (another tab?). Choose the version to keep; your other changes stay on the page.",
      "conflict.busy": "The answer changed again at every new try (another coder saving right now?): your version is not saved. Keep it to try again, or take the saved version; your other changes stay on the page.",
      "conflict.keep": "Keep my version and save it", "conflict.reload": "Take the saved version",
      "conflict.saved": "Saved version:", "conflict.yours": "Your version:",
      "conflict.taken": "The saved version is shown.",
      "conflict.takenKept": "The saved version is shown; your other changes are still on the page, not saved yet.",
      "part.transcript": "Transcript", "part.timing": "Marks", "part.memories": "Memory coding",
      "player.title": "Recording", "player.play": "Play", "player.pause": "Pause", "player.replay": "Replay 2 s",
      "player.slow": "Slow",
      "marks.first": "First word", "marks.last": "Last word", "marks.here": "Place here", "marks.none": "No speech",
      "marks.save": "Save marks", "marks.automatic": "Automatic:", "marks.saved": "your saved marks: {first} – {last}",
      "transcript.title": "Transcript", "transcript.mode": "Mode", "transcript.text": "Plain text",
      "transcript.save": "Save transcript", "transcript.draft": "Draft: {format}", "transcript.none": "No transcript yet",
      "transcript.readonly": "Central review: the transcript is corrected on the recording's site computer, which will sync it. Here, review timings, code memories or record a consensus.",
      "counts.title": "Measures (live)", "counts.words": "Words", "counts.fillers": "Fillers",
      "counts.repetitions": "Repetitions", "counts.ideas": "Ideas", "counts.memories": "Memories (auto)",
      "counts.specific": "of which specific", "counts.nospeaker": "No words of the answering participant.",
      "suggest.title": "Automatic pre-coding", "suggest.none": "No memory found by the rules.",
      "suggest.specific": "specific", "suggest.general": "general",
      "memories.title": "Memories (your coding)", "memories.count": "Memories", "memories.specific": "of which specific",
      "memories.use": "Use the suggestion", "memories.save": "Save coding",
      "memories.suggestion": "Suggestion: {n} memories, {s} specific.",
      "others.title": "Other coders", "others.hidden": "Hidden until you have saved your own coding.",
      "others.none": "No other coder yet.", "others.memories": "{n} memories, {s} specific",
      "others.timing": "marks {first} – {last}", "others.words": "{n} words",
      "keys.title": "Keyboard shortcuts", "keys.play": "play / pause", "keys.replay": "replay the last 2 seconds",
      "keys.slow": "slow playback (on / off)", "keys.nav": "next / previous answer", "keys.save": "save what changed",
      "keys.wave": "go to the waveform", "keys.text": "to the transcript", "keys.memories": "to the coding",
      "keys.onwave": "On the waveform:", "keys.choose": "choose first / last word", "keys.here": "place the mark at the playhead",
      "status.saved": "Saved.", "status.nothing": "Nothing to save.", "status.saving": "Saving…",
      "status.savedChangedSince": "Saved. What you changed while it was saving is not saved yet.",
      "agreement.title": "Coder agreement",
      "agreement.help": "For each measure coded twice: weighted kappa (memories), ICC(2,1) (words, speech onset and offset). The consensus becomes the analysed value; both codings are kept.",
      "agreement.measure": "Measure", "agreement.pairs": "Answers coded twice", "agreement.statistic": "Statistic",
      "agreement.value": "Value", "agreement.kappa": "weighted κ (quadratic)", "agreement.disagreements": "Disagreements",
      "agreement.values": "Coders' values", "agreement.consensus": "Consensus", "agreement.save": "Record",
      "agreement.empty": "No disagreement to resolve.",
      "measure.memories": "Memories", "measure.specific_memories": "Specific memories", "measure.words": "Words",
      "measure.onset": "First word onset (s)", "measure.offset": "Last word offset (s)",
      "transcript.uncertain": "Words the draft is unsure of, to listen to first:",
    },
    fr: {
      "state.all": "Toutes les réponses", "state.to_transcribe": "À transcrire", "state.transcribed": "Transcrite",
      "state.coded_once": "Codée par un codeur", "state.coded_twice": "Codée par deux codeurs",
      "state.agreed": "Accord atteint",
      "answer.of": "{n} sur {total}", "queue.page": "Page {page} sur {pages} — {n} réponses", "yes": "oui", "no": "",
      "coder.invalid": "Un code : 1 à 16 majuscules, chiffres ou tirets, commençant par une lettre (ORT1).",
      "queue.empty": "Aucune réponse ici.", "player.play": "Lecture", "player.pause": "Pause",
      "marks.saved": "vos repères enregistrés : {first} – {last}", "transcript.draft": "Brouillon : {format}",
      "transcript.none": "Pas encore de transcription", "counts.nospeaker": "Aucun mot du participant qui répond.",
      "suggest.none": "Aucun souvenir trouvé par les règles.", "suggest.specific": "spécifique",
      "suggest.general": "général", "memories.suggestion": "Suggestion : {n} souvenirs, dont {s} spécifiques.",
      "others.none": "Aucun autre codeur pour l'instant.", "others.memories": "{n} souvenirs, dont {s} spécifiques",
      "others.timing": "repères {first} – {last}", "others.words": "{n} mots",
      "status.saved": "Enregistré.", "status.nothing": "Rien à enregistrer.", "status.saving": "Enregistrement…",
      "status.savedChangedSince": "Enregistré. Ce que vous avez modifié pendant l'enregistrement ne l'est pas encore.",
      "conflict.saved": "Version enregistrée :", "conflict.yours": "Votre version :",
      "conflict.taken": "La version enregistrée est affichée.",
      "conflict.takenKept": "La version enregistrée est affichée ; vos autres modifications sont toujours sur la page, pas encore enregistrées.",
      "part.transcript": "Transcription", "part.timing": "Repères", "part.memories": "Codage des souvenirs",
      "agreement.save": "Enregistrer", "agreement.kappa": "κ pondéré (quadratique)",
      "measure.memories": "Souvenirs", "measure.specific_memories": "Souvenirs spécifiques", "measure.words": "Mots",
      "measure.onset": "Début du premier mot (s)", "measure.offset": "Fin du dernier mot (s)",
    },
  };
  // French strings of the page itself are in the HTML; remember them to switch back.
  const frenchOfPage = new Map();

  const language = () => localStorage.getItem("connectage.lang") === "en" ? "en" : "fr";

  function t(key, values = {}) {
    const lang = language();
    let text = (strings[lang] && strings[lang][key]) || frenchOfPage.get(key) || strings.en[key] || key;
    for (const [name, value] of Object.entries(values)) text = text.replaceAll(`{${name}}`, value);
    return text;
  }

  function applyLanguage() {
    const lang = language();
    document.documentElement.lang = lang;
    for (const element of document.querySelectorAll("[data-i18n]")) {
      const key = element.dataset.i18n;
      if (!frenchOfPage.has(key)) frenchOfPage.set(key, element.textContent);
      element.textContent = lang === "fr" ? frenchOfPage.get(key) : t(key);
    }
    const toggle = document.getElementById("lang-toggle");
    toggle.textContent = lang === "fr" ? "English" : "Français";
    toggle.lang = lang === "fr" ? "en" : "fr";
    document.dispatchEvent(new CustomEvent("review:language"));
  }

  const message = (text) => (text && (text[language()] || text.fr)) || "";

  function status(text, kind = "info") {
    const element = document.getElementById("status");
    element.textContent = text;
    element.dataset.status = kind;
  }

  const token = () => document.querySelector('meta[name="connectage-token"]').content;

  // Every request carries the token header; the cookie alone never suffices for a POST.
  async function request(method, url, body) {
    const options = { method, headers: { "X-ConnectAge-Token": token() }, credentials: "same-origin" };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    const response = await fetch(url, options);
    let data = null;
    try { data = await response.json(); } catch (_) { data = null; }
    return { status: response.status, ok: response.ok, data };
  }

  const coderPattern = /^[A-Z][A-Z0-9-]{0,15}$/;
  const coder = () => localStorage.getItem("connectage.coder") || "";

  // The coder gives a code once; it is kept in this browser and sent with every save.
  function askCoder(force = false) {
    const dialog = document.getElementById("coder-dialog");
    const input = document.getElementById("coder-input");
    const error = document.getElementById("coder-error");
    return new Promise((resolve) => {
      if (!force && coderPattern.test(coder())) { resolve(coder()); return; }
      input.value = coder();
      error.hidden = true;
      const form = document.getElementById("coder-form");
      form.onsubmit = (event) => {
        const code = input.value.trim().toUpperCase();
        if (!coderPattern.test(code)) {
          event.preventDefault();
          error.textContent = t("coder.invalid");
          error.hidden = false;
          return;
        }
        localStorage.setItem("connectage.coder", code);
        showCoder();
        resolve(code);
      };
      dialog.addEventListener("cancel", (event) => { if (!coderPattern.test(coder())) event.preventDefault(); });
      dialog.showModal();
      input.focus();
    });
  }

  function showCoder() { document.getElementById("coder-code").textContent = coder() || "—"; }

  function seconds(value) {
    if (value === null || value === undefined) return "—";
    const text = value.toFixed(2);
    return (language() === "fr" ? text.replace(".", ",") : text) + " s";
  }

  function setUp() {
    applyLanguage();
    showCoder();
    document.getElementById("lang-toggle").addEventListener("click", () => {
      localStorage.setItem("connectage.lang", language() === "fr" ? "en" : "fr");
      applyLanguage();
    });
    document.getElementById("coder-change").addEventListener("click", async () => {
      await askCoder(true);
      document.dispatchEvent(new CustomEvent("review:coder"));
    });
  }

  return { t, message, status, request, coder, askCoder, seconds, setUp, language };
})();
