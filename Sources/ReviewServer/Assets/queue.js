// The queue page: one page of answers at a time (the server never sends the whole queue).
"use strict";

(() => {
  const params = new URLSearchParams(location.search);
  let page = Math.max(1, parseInt(params.get("page") || "1", 10) || 1);
  let state = params.get("state") || "";
  let pageCount = 1;
  let selected = 0;

  const body = document.querySelector("#queue-table tbody");
  const filter = document.getElementById("queue-filter");

  async function load() {
    const query = new URLSearchParams({ page: String(page), size: "50", coder: Review.coder() });
    if (state) query.set("state", state);
    history.replaceState(null, "", `/?page=${page}${state ? `&state=${state}` : ""}`);
    const { ok, data } = await Review.request("GET", `/api/queue?${query}`);
    if (!ok) { Review.status(Review.message(data && data.error), "error"); return; }
    pageCount = data.pageCount;
    for (const [name, count] of Object.entries(data.stateCounts)) {
      const cell = document.querySelector(`[data-state-count="${name}"] b`);
      if (cell) cell.textContent = String(count);
    }
    body.replaceChildren(...data.items.map(row));
    if (data.items.length === 0) {
      const empty = document.createElement("tr");
      const cell = document.createElement("td");
      cell.colSpan = 4;
      cell.textContent = Review.t("queue.empty");
      empty.append(cell);
      body.append(empty);
    }
    document.getElementById("queue-page-info").textContent =
      Review.t("queue.page", { page: data.page, pages: data.pageCount, n: data.matching });
    document.getElementById("queue-prev-page").disabled = page <= 1;
    document.getElementById("queue-next-page").disabled = page >= pageCount;
    select(Math.min(selected, Math.max(0, data.items.length - 1)));
  }

  function row(item) {
    const tr = document.createElement("tr");
    tr.dataset.answerId = item.id;
    tr.dataset.state = item.state;
    const position = document.createElement("td");
    position.textContent = String(item.position);
    const answer = document.createElement("td");
    const link = document.createElement("a");
    link.className = "queue-open";
    link.href = `/answers/${item.id}`;
    link.textContent = item.id;
    answer.append(link);
    const stateCell = document.createElement("td");
    stateCell.className = `state state-${item.state}`;
    stateCell.dataset.i18nState = item.state;
    stateCell.textContent = Review.t(`state.${item.state}`);
    const mine = document.createElement("td");
    mine.textContent = item.savedByMe ? "✓" : "";
    tr.append(position, answer, stateCell, mine);
    tr.addEventListener("click", () => { location.href = link.href; });
    return tr;
  }

  function select(index) {
    const rows = [...body.querySelectorAll("tr[data-answer-id]")];
    rows.forEach((tr, i) => tr.classList.toggle("selected", i === index));
    selected = index;
    if (rows[index]) rows[index].querySelector("a").focus({ preventScroll: false });
  }

  document.addEventListener("keydown", (event) => {
    if (document.getElementById("coder-dialog").open) return;
    const rows = body.querySelectorAll("tr[data-answer-id]");
    if (event.key === "ArrowDown") { event.preventDefault(); select(Math.min(rows.length - 1, selected + 1)); }
    else if (event.key === "ArrowUp") { event.preventDefault(); select(Math.max(0, selected - 1)); }
    else if (event.key === "PageDown" && page < pageCount) { event.preventDefault(); page += 1; selected = 0; load(); }
    else if (event.key === "PageUp" && page > 1) { event.preventDefault(); page -= 1; selected = 0; load(); }
  });

  document.addEventListener("DOMContentLoaded", async () => {
    Review.setUp();
    filter.value = state;
    filter.addEventListener("change", () => { state = filter.value; page = 1; selected = 0; load(); });
    document.getElementById("queue-prev-page").addEventListener("click", () => { page -= 1; load(); });
    document.getElementById("queue-next-page").addEventListener("click", () => { page += 1; load(); });
    document.addEventListener("review:language", () => {
      for (const cell of body.querySelectorAll("[data-i18n-state]")) cell.textContent = Review.t(`state.${cell.dataset.i18nState}`);
    });
    document.addEventListener("review:coder", load);
    await Review.askCoder();
    load();
  });
})();
