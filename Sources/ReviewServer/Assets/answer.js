// The answer page: listen, place the marks, transcribe with live measures, code the memories.
"use strict";

(() => {
  const id = decodeURIComponent(location.pathname.split("/").pop());
  const $ = (name) => document.getElementById(name);
  const audio = $("audio");
  const editor = $("transcript-editor");
  const main = $("answer");
  let answer = null;
  let waveform = null;
  const parts = ["transcript", "timing", "memories"];
  let dirty = { transcript: false, timing: false, memories: false };
  // Each part as the server had it when the page last filled that part's fields (see partOf):
  // a stale save is sent again on the newer revision only if its part is still as it was.
  const base = { transcript: null, timing: null, memories: null };
  let analysisTimer = null;
  let analysisSequence = 0;
  // A stale save whose part was also saved elsewhere, until the coder chooses a version:
  // { current, kinds, message }.
  let conflict = null;
  // The save on its way, if any: saves go one after the other (see save).
  let saving = Promise.resolve(true);

  // MARK: Loading

  async function load() {
    const { ok, data } = await Review.request("GET", `/api/answers/${id}?coder=${encodeURIComponent(Review.coder())}`);
    if (!ok) { Review.status(Review.message(data && data.error), "error"); return; }
    apply(data);
    audio.src = data.audio.url;
  }

  // Shows `data`; the editor text, marks and coding are replaced only where asked (after a load
  // or a conflict), so a save of one part never throws away unsaved work in another.
  function apply(data, replace = { transcript: true, timing: true, memories: true }) {
    const first = answer === null;
    answer = data;
    main.dataset.answerId = data.id;
    main.dataset.revision = String(data.revision);
    main.dataset.state = data.state;
    $("answer-id").textContent = data.id;
    $("answer-position").textContent = Review.t("answer.of", { n: data.position, total: data.total });
    $("answer-state").textContent = Review.t(`state.${data.state}`);
    link($("answer-prev"), data.previous);
    link($("answer-next"), data.next);
    $("duration").textContent = Review.seconds(data.audio.durationSeconds);
    $("timing-automatic").textContent = `${Review.seconds(data.automatic.firstWordOnset)} – ${Review.seconds(data.automatic.lastWordOffset)}`;
    const saved = data.own.timing;
    $("timing-saved").textContent = saved
      ? Review.t("marks.saved", { first: Review.seconds(saved.firstWordOnset), last: Review.seconds(saved.lastWordOffset) }) : "";
    if (first) {
      waveform = new Waveform($("waveform"), {
        peaks: data.waveform.peaks, duration: data.audio.durationSeconds, speech: data.speech,
        onMarksChanged: (changed) => { if (changed) dirty.timing = true; showMarks(); },
        onSeek: (time) => { audio.currentTime = time; },
      });
    }
    if (first || replace.timing) {
      const marks = saved || { firstWordOnset: data.automatic.firstWordOnset, lastWordOffset: data.automatic.lastWordOffset };
      waveform.setMarks(marks.firstWordOnset ?? null, marks.lastWordOffset ?? null);
      dirty.timing = false;
      showMarks();
      base.timing = partOf(data, "timing");
    }
    if (replace.transcript) {
      // A central review shows the transcript read only: it is corrected at its site.
      const editable = data.transcript.editable !== false;
      editor.readOnly = !editable;
      $("transcript-mode").disabled = !editable;
      $("save-transcript").hidden = !editable;
      $("transcript-read-only").hidden = editable;
      editor.value = data.transcript.text;
      $("transcript-mode").value = data.transcript.mode;
      $("transcript-draft").textContent = data.transcript.draftFormat
        ? Review.t("transcript.draft", { format: data.transcript.draftFormat }) : Review.t("transcript.none");
      showUncertainWords(data.transcript.uncertainWords || []);
      showAnalysis(data.analysis);
      dirty.transcript = false;
      base.transcript = partOf(data, "transcript");
    }
    if (replace.memories) {
      $("memories-count").value = data.own.memories ? String(data.own.memories.memories) : "";
      $("memories-specific").value = data.own.memories && data.own.memories.specific != null ? String(data.own.memories.specific) : "";
      dirty.memories = false;
      base.memories = partOf(data, "memories");
    }
    showOthers(data);
  }

  // Each unsure word of a speech-recognition draft is a button that plays the recording from it.
  function showUncertainWords(words) {
    const list = $("uncertain-list");
    list.replaceChildren(...words.map((word) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "uncertain-word";
      button.textContent = word.word;
      button.title = `${Review.seconds(word.start)} (${Math.round(word.probability * 100)} %)`;
      button.addEventListener("click", () => { audio.currentTime = word.start; audio.play(); });
      return button;
    }));
    $("transcript-uncertain").hidden = words.length === 0;
  }

  function link(element, target) {
    element.href = target ? `/answers/${target}` : "#";
    element.setAttribute("aria-disabled", target ? "false" : "true");
  }

  function showMarks() {
    $("first-word-mark").textContent = Review.seconds(waveform.marks.first);
    $("last-word-mark").textContent = Review.seconds(waveform.marks.last);
    $("select-first").setAttribute("aria-pressed", String(waveform.selected === "first"));
    $("select-last").setAttribute("aria-pressed", String(waveform.selected === "last"));
  }

  // MARK: Live analysis

  function scheduleAnalysis() {
    dirty.transcript = true;
    clearTimeout(analysisTimer);
    analysisTimer = setTimeout(analyse, 120);
  }

  async function analyse() {
    const sequence = ++analysisSequence;
    const { ok, data } = await Review.request("POST", `/api/answers/${id}/analysis`,
      { text: editor.value, mode: $("transcript-mode").value });
    // An older answer arriving after a newer one is dropped.
    if (ok && sequence === analysisSequence) showAnalysis(data);
  }

  function showAnalysis(analysis) {
    const list = $("transcript-problems");
    list.replaceChildren(...analysis.problems.map((problem) => {
      const item = document.createElement("li");
      item.dataset.line = String(problem.line);
      item.dataset.column = String(problem.column);
      item.tabIndex = 0;
      item.textContent = `${Review.language() === "fr" ? "Ligne" : "Line"} ${problem.line}, ${Review.language() === "fr" ? "colonne" : "column"} ${problem.column} : ${Review.message(problem.message)}`;
      item.addEventListener("click", () => goTo(problem.line, problem.column));
      item.addEventListener("keydown", (event) => { if (event.key === "Enter") goTo(problem.line, problem.column); });
      return item;
    }));
    const counts = analysis.counts;
    const show = (name, value) => { $(name).textContent = counts ? String(value) : "—"; };
    show("count-words", counts && counts.words);
    show("count-fillers", counts && counts.fillers);
    show("count-repetitions", counts && counts.repetitions);
    show("count-ideas", counts && counts.ideas);
    show("count-memories", counts && counts.memories);
    show("count-specific", counts && counts.specificMemories);
    const suggestions = $("memory-suggestions");
    suggestions.replaceChildren(...analysis.memories.map((memory) => {
      const item = document.createElement("li");
      item.dataset.specificity = memory.specificity;
      const kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = Review.t(`suggest.${memory.specificity}`);
      item.append(kind, " ", ...highlighted(memory.text, memory.cues));
      return item;
    }));
    if (analysis.memories.length === 0) {
      const none = document.createElement("li");
      none.className = "hint";
      none.textContent = counts ? Review.t("suggest.none") : Review.t("counts.nospeaker");
      suggestions.append(none);
    }
    const specific = analysis.memories.filter((memory) => memory.specificity === "specific").length;
    $("memories-suggestion").textContent = Review.t("memories.suggestion", { n: analysis.memories.length, s: specific });
    $("memories-suggestion").dataset.memories = String(analysis.memories.length);
    $("memories-suggestion").dataset.specific = String(specific);
  }

  // The memory's words with the cues that triggered it in <mark>, built as nodes (never HTML).
  function highlighted(text, cues) {
    const words = cues.filter((cue) => cue.length > 0).map((cue) => cue.toLowerCase());
    if (words.length === 0) return [text];
    const escape = (word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const pattern = new RegExp(`(${words.map(escape).join("|")})`, "gi");
    return text.split(pattern).map((part) => {
      if (!words.includes(part.toLowerCase())) return part;
      const mark = document.createElement("mark");
      mark.textContent = part;
      return mark;
    });
  }

  function goTo(line, column) {
    const lines = editor.value.split("\n");
    let offset = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i += 1) offset += lines[i].length + 1;
    offset += Math.max(0, column - 1);
    editor.focus();
    editor.setSelectionRange(offset, offset);
  }

  // MARK: Others

  function showOthers(data) {
    const hidden = data.hidden.includes("memories");
    $("others-hidden").hidden = !hidden;
    const list = $("others-list");
    list.replaceChildren(...data.others.map((other) => {
      const item = document.createElement("li");
      item.dataset.otherCoder = other.coder;
      const parts = [other.coder];
      const values = other.values;
      if (values.memories) parts.push(Review.t("others.memories", { n: values.memories.memories, s: values.memories.specific ?? "?" }));
      if (values.timing) parts.push(Review.t("others.timing", { first: Review.seconds(values.timing.firstWordOnset), last: Review.seconds(values.timing.lastWordOffset) }));
      if (values.words !== null && values.words !== undefined) parts.push(Review.t("others.words", { n: values.words }));
      item.textContent = parts.join(" — ");
      return item;
    }));
    if (!hidden && data.others.length === 0) {
      const none = document.createElement("li");
      none.className = "hint";
      none.textContent = Review.t("others.none");
      list.append(none);
    }
  }

  // MARK: Saving

  // One save at a time: a second Ctrl+S while a transcript is still being measured waits for the
  // first one's answer, so it is sent on the revision that save made instead of a stale one.
  function save(kind) {
    const next = saving.then(() => send(kind));
    saving = next.catch(() => false);
    return next;
  }

  // What the page holds of one part, as text: compared before and after a save to tell whether
  // the coder changed it while the save was on its way.
  function fieldsOf(kind) {
    if (kind === "transcript") return JSON.stringify([editor.value, $("transcript-mode").value]);
    if (kind === "timing") return JSON.stringify([waveform.marks.first, waveform.marks.last]);
    return JSON.stringify([$("memories-count").value, $("memories-specific").value]);
  }

  function bodyOf(kind) {
    if (kind === "transcript") return { text: editor.value, mode: $("transcript-mode").value };
    if (kind === "timing") return { firstWordOnset: waveform.marks.first, lastWordOffset: waveform.marks.last };
    const memories = $("memories-count").value === "" ? NaN : Number($("memories-count").value);
    const specific = $("memories-specific").value === "" ? null : Number($("memories-specific").value);
    return { memories, specific };
  }

  // One part of the answer as the server has it, as text: this coder's own transcript (never
  // another coder's), marks or coding. Another coder's save leaves it as it is; a save of the same
  // part by the same coder (another tab) changes it.
  function partOf(data, kind) {
    if (kind === "transcript") return JSON.stringify([data.transcript.text, data.transcript.mode]);
    return JSON.stringify(data.own[kind] ?? null);
  }

  // How many times a save refused as stale is sent again while its part is unchanged. Each refusal
  // means another save landed first, so a few cover a busy moment; the bound keeps two pages that
  // keep saving from retrying against each other for ever, and then the coder decides.
  const staleResends = 3;

  async function send(kind, resent = 0) {
    const coder = await Review.askCoder();
    const sent = fieldsOf(kind);
    const body = { coder, revision: answer.revision, ...bodyOf(kind) };
    Review.status(Review.t("status.saving"), "saving");
    const { status, data } = await Review.request("POST", `/api/answers/${id}/${kind}`, body);
    if (status === 200) {
      closeConflict();
      // A transcript save measures the recording again, which takes a moment: what the coder typed
      // meanwhile stays in the editor, unsaved, and only what the server computed is shown.
      const changedSince = fieldsOf(kind) !== sent;
      apply(data, { [kind]: !changedSince });
      dirty[kind] = changedSince;
      base[kind] = partOf(data, kind);
      Review.status(Review.t(changedSince ? "status.savedChangedSince" : "status.saved"), "saved");
      return true;
    }
    if (status === 409 && data && data.current) return stale(kind, data, resent);
    Review.status(Review.message(data && data.error) || `HTTP ${status}`, "error");
    return false;
  }

  // A save refused as stale: another save came first, and the revision covers the whole answer.
  // If that save left this part as the page found it (another coder's save, a save of another
  // part, a re-measurement), the page takes the new revision, keeps every unsaved edit and sends
  // the save again, up to staleResends times. If it changed this part, or a part with unsaved edits
  // here (the same coder in another tab), or the answer kept changing under every resend, the coder
  // sees both versions and chooses; until then the page keeps the old revision, so no save from it
  // can overwrite a version nobody looked at.
  async function stale(kind, data, resent) {
    const current = data.current;
    const kinds = parts.filter((part) => partOf(current, part) !== base[part] && (part === kind || dirty[part]));
    if (kinds.length > 0 || resent >= staleResends) {
      const busy = kinds.length === 0;
      conflict = { current, kinds: busy ? [kind] : kinds, message: data.error, busy };
      showConflict();
      Review.status(Review.message(data.error), "conflict");
      return false;
    }
    moveTo(current);
    // A short, growing pause with jitter, so two pages saving at once stop colliding.
    await new Promise((resolve) => setTimeout(resolve, 50 * (resent + 1) * (1 + Math.random())));
    return send(kind, resent + 1);
  }

  // Takes `current`'s revision and shows the parts it changed, and the parts in `taken`, as it has
  // them (the caller made sure none of them holds unsaved edits, or the coder chose the saved
  // version); the others keep what the coder has on the page.
  function moveTo(current, taken = []) {
    apply(current, Object.fromEntries(parts.map((part) => [part, taken.includes(part) || partOf(current, part) !== base[part]])));
  }

  function showConflict() {
    const { current, kinds, message, busy } = conflict;
    $("conflict").hidden = false;
    $("conflict").dataset.busy = String(busy);
    $("conflict-choose").hidden = busy;
    $("conflict-busy").hidden = !busy;
    $("conflict-message").textContent = Review.message(message);
    const summary = document.createElement("p");
    summary.textContent = `${Review.t("answer.title")} ${current.id} — ${Review.t(`state.${current.state}`)} (revision ${current.revision})`;
    $("conflict-current").replaceChildren(summary, ...kinds.map((kind) => {
      const section = document.createElement("div");
      section.dataset.part = kind;
      const title = document.createElement("h4");
      title.textContent = Review.t(`part.${kind}`);
      const text = kind === "transcript";
      section.append(title, version("conflict.saved", savedVersion(current, kind), text),
        version("conflict.yours", pageVersion(kind), text));
      return section;
    }));
  }

  // A transcript in a <pre> (its lines are utterances), a count or marks on one line.
  function version(label, value, preformatted) {
    const block = document.createElement(preformatted ? "div" : "p");
    const name = document.createElement("strong");
    name.textContent = `${Review.t(label)} `;
    const text = document.createElement(preformatted ? "pre" : "span");
    text.textContent = value;
    block.append(name, text);
    return block;
  }

  function describeMarks(first, last) {
    return Review.t("others.timing", { first: Review.seconds(first), last: Review.seconds(last) });
  }

  function describeCount(memories, specific) {
    return Review.t("others.memories", { n: memories, s: specific ?? "?" });
  }

  function savedVersion(current, kind) {
    if (kind === "transcript") return current.transcript.text;
    const own = current.own[kind];
    if (!own) return "—";
    return kind === "timing" ? describeMarks(own.firstWordOnset, own.lastWordOffset) : describeCount(own.memories, own.specific);
  }

  function pageVersion(kind) {
    if (kind === "transcript") return editor.value;
    if (kind === "timing") return describeMarks(waveform.marks.first, waveform.marks.last);
    const count = $("memories-count").value;
    return count === "" ? "—" : describeCount(count, $("memories-specific").value || null);
  }

  // The coder keeps their version of the parts in conflict: they now count as based on the saved
  // version the coder has seen, and are saved on its revision.
  async function keepMine() {
    const { current, kinds } = conflict;
    closeConflict();
    for (const kind of kinds) { base[kind] = partOf(current, kind); dirty[kind] = true; }
    moveTo(current);
    for (const kind of kinds) if (!(await save(kind))) return;
  }

  // The coder takes the saved version of the parts in conflict (the part they were saving, when the
  // answer only kept changing elsewhere); unsaved edits of the other parts stay.
  function takeSaved() {
    const { current, kinds } = conflict;
    closeConflict();
    moveTo(current, kinds);
    const kept = parts.some((part) => dirty[part]);
    Review.status(Review.t(kept ? "conflict.takenKept" : "conflict.taken"), "info");
  }

  function closeConflict() {
    conflict = null;
    $("conflict").hidden = true;
  }

  async function saveChanged() {
    const kinds = ["timing", "memories", "transcript"].filter((kind) => dirty[kind]);
    if (kinds.length === 0) { Review.status(Review.t("status.nothing"), "info"); return; }
    for (const kind of kinds) if (!(await save(kind))) return;
  }

  // MARK: Playback

  function playPause() {
    if (audio.paused) audio.play(); else audio.pause();
  }

  function replay() {
    audio.currentTime = Math.max(0, audio.currentTime - 2);
    audio.play();
  }

  function toggleSlow() {
    const slow = audio.playbackRate === 1;
    audio.playbackRate = slow ? 0.6 : 1;
    audio.preservesPitch = true;
    $("slow").setAttribute("aria-pressed", String(slow));
  }

  function go(target) { if (target) location.href = `/answers/${target}`; }

  // MARK: Keys

  function keys(event) {
    if ($("coder-dialog").open) return;
    const onWave = document.activeElement === $("waveform");
    if (event.key === "Escape") { event.preventDefault(); playPause(); return; }
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") { event.preventDefault(); saveChanged(); return; }
    if (event.altKey && !event.ctrlKey) {
      const actions = {
        r: replay, l: toggleSlow, n: () => go(answer && answer.next), p: () => go(answer && answer.previous),
        w: () => $("waveform").focus(), t: () => editor.focus(), m: () => $("memories-count").focus(),
      };
      const action = actions[event.key.toLowerCase()] || actions[event.code.replace("Key", "").toLowerCase()];
      if (action) { event.preventDefault(); action(); }
      return;
    }
    if (!onWave) return;
    const step = event.shiftKey ? 100 : 10;
    if (event.key === "ArrowLeft") { event.preventDefault(); waveform.move(-step); }
    else if (event.key === "ArrowRight") { event.preventDefault(); waveform.move(step); }
    else if (event.key === " ") { event.preventDefault(); playPause(); }
    else if (event.key === "Enter") { event.preventDefault(); waveform.setMark(waveform.selected, audio.currentTime); }
    else if (event.key.toLowerCase() === "d") { event.preventDefault(); waveform.select("first"); }
    else if (event.key.toLowerCase() === "f") { event.preventDefault(); waveform.select("last"); }
  }

  document.addEventListener("DOMContentLoaded", async () => {
    Review.setUp();
    editor.addEventListener("input", scheduleAnalysis);
    $("transcript-mode").addEventListener("change", scheduleAnalysis);
    for (const name of ["memories-count", "memories-specific"]) $(name).addEventListener("input", () => { dirty.memories = true; });
    $("play-pause").addEventListener("click", playPause);
    $("replay").addEventListener("click", replay);
    $("slow").addEventListener("click", toggleSlow);
    $("select-first").addEventListener("click", () => waveform.select("first"));
    $("select-last").addEventListener("click", () => waveform.select("last"));
    $("mark-at-playhead").addEventListener("click", () => waveform.setMark(waveform.selected, audio.currentTime));
    $("no-speech").addEventListener("click", () => { waveform.setMarks(null, null); dirty.timing = true; showMarks(); });
    $("save-timing").addEventListener("click", () => save("timing"));
    $("save-memories").addEventListener("click", () => save("memories"));
    $("save-transcript").addEventListener("click", () => save("transcript"));
    $("use-suggestion").addEventListener("click", () => {
      $("memories-count").value = $("memories-suggestion").dataset.memories || "0";
      $("memories-specific").value = $("memories-suggestion").dataset.specific || "0";
      dirty.memories = true;
    });
    $("conflict-keep").addEventListener("click", () => { if (conflict) keepMine(); });
    $("conflict-reload").addEventListener("click", () => { if (conflict) takeSaved(); });
    audio.addEventListener("timeupdate", () => { $("current-time").textContent = Review.seconds(audio.currentTime); waveform && waveform.setPlayhead(audio.currentTime); });
    audio.addEventListener("play", () => { $("play-pause").textContent = Review.t("player.pause"); $("play-pause").dataset.playing = "true"; });
    audio.addEventListener("pause", () => { $("play-pause").textContent = Review.t("player.play"); $("play-pause").dataset.playing = "false"; });
    document.addEventListener("keydown", keys);
    document.addEventListener("review:language", () => { if (answer) apply(answer, {}); if (conflict) showConflict(); });
    document.addEventListener("review:coder", load);
    window.addEventListener("beforeunload", (event) => {
      if (dirty.transcript || dirty.timing || dirty.memories) event.preventDefault();
    });
    await Review.askCoder();
    load();
  });
})();
