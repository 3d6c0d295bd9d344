// The agreement page: kappa and ICC per measure, the disagreements with both values, and the
// consensus entry that becomes the analysed value (both codings are kept).
"use strict";

(() => {
  const $ = (name) => document.getElementById(name);
  let report = null;

  const number = (value, digits = 2) => {
    if (value === null || value === undefined) return "—";
    const text = value.toFixed(digits);
    return Review.language() === "fr" ? text.replace(".", ",") : text;
  };

  async function load() {
    const { ok, data } = await Review.request("GET", "/api/agreement");
    if (!ok) { Review.status(Review.message(data && data.error), "error"); return; }
    report = data;
    show();
  }

  function show() {
    $("agreement-table").tBodies[0].replaceChildren(...report.measures.map((measure) => {
      const row = document.createElement("tr");
      row.dataset.measure = measure.measure;
      const cells = [
        Review.t(`measure.${measure.measure}`), String(measure.pairs),
        measure.statistic === "icc_2_1" ? "ICC(2,1)" : Review.t("agreement.kappa"),
        number(measure.value),
      ];
      const names = ["measure", "pairs", "statistic", "value"];
      cells.forEach((text, index) => {
        const cell = document.createElement("td");
        cell.dataset.stat = names[index];
        cell.textContent = text;
        row.append(cell);
      });
      return row;
    }));
    // What was typed and not saved yet survives the table's redrawing (after another row's save,
    // or a change of language): only a saved row takes the server's value.
    const typed = new Map();
    for (const input of $("disagreements").querySelectorAll("input.consensus-value")) {
      if (input.value !== input.dataset.stored) typed.set(input.dataset.key, input.value);
    }
    const rows = report.disagreements.map((item) => {
      const row = document.createElement("tr");
      row.dataset.answerId = item.id;
      row.dataset.measure = item.measure;
      const answer = document.createElement("td");
      const link = document.createElement("a");
      link.href = `/answers/${item.id}`;
      link.textContent = item.id;
      answer.append(link);
      const measure = document.createElement("td");
      measure.textContent = Review.t(`measure.${item.measure}`);
      const values = document.createElement("td");
      values.className = "coder-values";
      values.textContent = item.values.map((value) => `${value.coder} : ${number(value.value, item.measure === "onset" || item.measure === "offset" ? 3 : 0)}`).join(" ; ");
      const entry = document.createElement("td");
      const input = document.createElement("input");
      input.className = "consensus-value";
      input.type = "number";
      input.step = item.measure === "onset" || item.measure === "offset" ? "0.001" : "1";
      input.min = "0";
      // A memory count, agreed or not, is at most what the answer page's fields offer.
      if (item.measure === "memories" || item.measure === "specific_memories") input.max = "99";
      input.value = item.consensus === null || item.consensus === undefined ? "" : String(item.consensus);
      input.dataset.stored = input.value;
      input.dataset.key = `${item.id} ${item.measure}`;
      if (typed.has(input.dataset.key)) input.value = typed.get(input.dataset.key);
      input.setAttribute("aria-label", `${Review.t("agreement.consensus")} ${item.id} ${Review.t(`measure.${item.measure}`)}`);
      entry.append(input);
      const action = document.createElement("td");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "consensus-save";
      button.textContent = Review.t("agreement.save");
      button.addEventListener("click", () => saveConsensus(item, input, row));
      input.addEventListener("keydown", (event) => { if (event.key === "Enter") saveConsensus(item, input, row); });
      action.append(button);
      row.append(answer, measure, values, entry, action);
      return row;
    });
    $("disagreements").tBodies[0].replaceChildren(...rows);
    $("agreement-empty").hidden = rows.length > 0;
  }

  async function saveConsensus(item, input, row) {
    const coder = await Review.askCoder();
    const value = input.value === "" ? null : Number(input.value);
    const { status, data } = await Review.request("POST", `/api/answers/${item.id}/consensus`,
      { coder, revision: item.revision, measure: item.measure, value });
    if (status === 200) {
      row.dataset.saved = "true";
      input.dataset.stored = input.value;
      Review.status(Review.t("status.saved"), "saved");
      load();
    } else {
      Review.status(Review.message(data && data.error) || `HTTP ${status}`, status === 409 ? "conflict" : "error");
      if (status === 409) load();
    }
  }

  document.addEventListener("DOMContentLoaded", async () => {
    Review.setUp();
    document.addEventListener("review:language", () => report && show());
    await Review.askCoder();
    load();
  });
})();
