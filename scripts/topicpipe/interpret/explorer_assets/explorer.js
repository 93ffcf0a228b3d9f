"use strict";
const DATA = JSON.parse(document.getElementById("explorer-data").textContent);
const SVGNS = "http://www.w3.org/2000/svg";
const TERMS_SHOWN = 20;
const MAX_CHART_TOPICS = 8;
const MAP = {width: 600, height: 400, pad: 40};
const state = {
  current: DATA.topics.length ? DATA.topics[0].topic : null,
  compare: null,
  extra: [],          // topics added to the prevalence chart
  pinned: null,       // term whose spread over topics the map shows
  docsShown: DATA.shown_documents,
  view: {x: 0, y: 0, w: MAP.width, h: MAP.height},
};

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
}
function svg(tag, attrs, text) {
  const node = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = String(text);
  return node;
}
function pct(x) { return x === null || x === undefined ? "–" : (100 * x).toFixed(1) + "%"; }
function count(x) { return Math.round(x).toLocaleString("en"); }
function topicInfo(t) { return DATA.topics.find(d => d.topic === t); }
// A topic a guardrail flagged carries a "*", as in the figures; the flags are in its tooltip.
function name(t) { const d = topicInfo(t); return t + " · " + d.label + (d.flags ? " *" : ""); }

// ---- topic list -------------------------------------------------------------------
function buildList() {
  const list = document.getElementById("topic-list");
  for (const d of DATA.topics) {
    const li = el("li");
    const b = el("button");
    b.type = "button";
    b.dataset.topic = d.topic;
    const sw = el("span", null, "swatch");
    sw.style.background = d.colour;
    const label = el("span", name(d.topic), "name");
    b.title = name(d.topic) + (d.flags ? ` (flagged: ${d.flags.replaceAll("_", " ")}; see the run notes)` : "");
    b.append(sw, label, el("span", pct(d.prevalence), "prev"));
    b.addEventListener("click", () => select(d.topic));
    li.append(b);
    list.append(li);
  }
  for (const id of ["compare", "add-topic"]) {
    const menu = document.getElementById(id);
    for (const d of DATA.topics) {
      const option = el("option", name(d.topic));
      option.value = d.topic;
      menu.append(option);
    }
  }
}

// ---- map --------------------------------------------------------------------------
const mapGeometry = (() => {
  const xs = DATA.topics.map(d => d.x), ys = DATA.topics.map(d => d.y);
  const spanX = Math.max(Math.max(...xs) - Math.min(...xs), 1e-9);
  const spanY = Math.max(Math.max(...ys) - Math.min(...ys), 1e-9);
  const total = DATA.topics.reduce((s, d) => s + (d.prevalence || 0), 0) || 1;
  // Bubbles together cover about 15% of the map; none is smaller than a click target.
  const unit = Math.sqrt(0.15 * MAP.width * MAP.height / Math.PI / total);
  // Keep the largest bubble inside the map.
  const pad = Math.max(MAP.pad, unit * Math.sqrt(Math.max(...DATA.topics.map(d => d.prevalence || 0))) + 6);
  const scale = Math.min((MAP.width - 2 * pad) / spanX, (MAP.height - 2 * pad) / spanY);
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2, cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  return {
    x: d => MAP.width / 2 + scale * (d.x - cx),
    y: d => MAP.height / 2 - scale * (d.y - cy),
    radius: share => Math.max(6, unit * Math.sqrt(Math.max(share, 0))),
    unit: unit,
  };
})();

function bubbleRadius(d) {
  if (state.pinned === null) return mapGeometry.radius(d.prevalence || 0);
  const spread = DATA.vocabulary[state.pinned][1];
  const hit = spread.find(([t]) => t === d.topic);
  // The term's share of each topic, on a scale where a share of 1 is a large bubble.
  return hit ? Math.max(4, 55 * Math.sqrt(hit[1] / 1000)) : 2.5;
}

function buildMap() {
  const map = document.getElementById("topic-map");
  // Large bubbles first, so that small ones stay on top and clickable.
  const order = DATA.topics.slice().sort((a, b) => (b.prevalence || 0) - (a.prevalence || 0));
  for (const d of order) {
    const g = svg("g", {"class": "bubble", "data-topic": d.topic, tabindex: 0, role: "button", "aria-label": "Topic " + name(d.topic)});
    g.append(svg("circle", {cx: mapGeometry.x(d), cy: mapGeometry.y(d), r: bubbleRadius(d), fill: d.colour, "fill-opacity": 0.78}));
    const halo = d.ink === "#000000" ? "#fff" : "#000";
    g.append(svg("text", {x: mapGeometry.x(d), y: mapGeometry.y(d) + 4, "text-anchor": "middle", style: `fill:${d.ink};stroke:${halo}`}, d.topic));
    g.append(svg("title", {}, name(d.topic) + " (" + pct(d.prevalence) + ")"));
    g.addEventListener("click", () => select(d.topic));
    g.addEventListener("keydown", e => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(d.topic); } });
    map.append(g);
  }
  map.addEventListener("wheel", e => {
    e.preventDefault();
    const box = map.getBoundingClientRect();
    const fx = (e.clientX - box.left) / box.width, fy = (e.clientY - box.top) / box.height;
    zoom(e.deltaY < 0 ? 1.25 : 0.8, fx, fy);
  }, {passive: false});
  let drag = null;
  map.addEventListener("pointerdown", e => {
    if (e.target.closest(".bubble")) return;
    drag = {x: e.clientX, y: e.clientY, view: Object.assign({}, state.view)};
    map.setPointerCapture(e.pointerId);
  });
  map.addEventListener("pointermove", e => {
    if (!drag) return;
    const box = map.getBoundingClientRect();
    state.view.x = drag.view.x - (e.clientX - drag.x) * drag.view.w / box.width;
    state.view.y = drag.view.y - (e.clientY - drag.y) * drag.view.h / box.height;
    applyView();
  });
  map.addEventListener("pointerup", () => { drag = null; });
  map.addEventListener("keydown", e => {
    if (e.key === "+" || e.key === "=") zoom(1.25, 0.5, 0.5);
    else if (e.key === "-") zoom(0.8, 0.5, 0.5);
    else if (e.key === "0") resetView();
  });
  document.getElementById("zoom-in").addEventListener("click", () => zoom(1.25, 0.5, 0.5));
  document.getElementById("zoom-out").addEventListener("click", () => zoom(0.8, 0.5, 0.5));
  document.getElementById("zoom-reset").addEventListener("click", resetView);
  document.getElementById("term-clear").addEventListener("click", () => pinTerm(null));
}

function zoom(factor, fx, fy) {
  const v = state.view;
  const w = Math.min(MAP.width * 2, Math.max(MAP.width / 20, v.w / factor));
  const h = w * MAP.height / MAP.width;
  state.view = {x: v.x + fx * (v.w - w), y: v.y + fy * (v.h - h), w: w, h: h};
  applyView();
}
function resetView() { state.view = {x: 0, y: 0, w: MAP.width, h: MAP.height}; applyView(); }
function applyView() {
  const v = state.view;
  document.getElementById("topic-map").setAttribute("viewBox", `${v.x} ${v.y} ${v.w} ${v.h}`);
}

function drawMap() {
  for (const g of document.querySelectorAll("#topic-map .bubble")) {
    const d = topicInfo(Number(g.dataset.topic));
    g.querySelector("circle").setAttribute("r", bubbleRadius(d));
    const selected = d.topic === state.current;
    g.classList.toggle("selected", selected);
    g.setAttribute("aria-pressed", String(selected));
  }
  const caption = document.getElementById("map-caption");
  caption.textContent = state.pinned === null ? "" :
    `Bubble size: how the occurrences of “${state.pinned}” spread over the topics.`;
  document.getElementById("term-clear").hidden = state.pinned === null;
}

// ---- terms ------------------------------------------------------------------------
function rankedTerms(topic) {
  const lam = Number(document.getElementById("lambda").value);
  const tokens = topicInfo(topic).tokens;
  const rows = DATA.terms[String(topic)].map(([term, phi]) => {
    const total = DATA.vocabulary[term] ? DATA.vocabulary[term][0] : 0;
    const pTerm = Math.max(total, 1e-9) / DATA.total_tokens;
    const logPhi = Math.log(phi + 1e-12);
    return {term, phi, total, inTopic: phi * tokens,
            score: lam * logPhi + (1 - lam) * (logPhi - Math.log(pTerm + 1e-12))};
  });
  rows.sort((a, b) => b.score - a.score || (a.term < b.term ? -1 : 1));
  return rows.slice(0, TERMS_SHOWN);
}

function termPanel(box, topic, shared) {
  box.replaceChildren();
  const d = topicInfo(topic);
  box.append(el("h4", "Topic " + name(topic)));
  const key = el("div", null, "term-key");
  const grey = el("span", null, "swatch"); grey.style.background = "#c8c8c8";
  const mine = el("span", null, "swatch"); mine.style.background = d.colour;
  const a = el("span"); a.append(grey, " corpus frequency");
  const b = el("span"); b.append(mine, " estimated frequency in topic " + topic);
  key.append(a, b);
  box.append(key);
  const rows = rankedTerms(topic);
  const most = Math.max(...rows.map(r => Math.max(r.total, r.inTopic)), 1);
  const list = el("ol", null, "term-list");
  for (const r of rows) {
    const li = el("li", null, "term-row" + (shared && shared.has(r.term) ? " shared" : ""));
    li.tabIndex = 0;
    li.dataset.term = r.term;
    li.setAttribute("role", "button");
    li.setAttribute("aria-pressed", String(state.pinned === r.term));
    li.title = `${r.term}: ${count(r.total)} times in the corpus, about ${count(r.inTopic)} in topic ${topic} (probability ${r.phi.toPrecision(3)})`;
    const bars = el("span", null, "bars");
    const total = el("span", null, "bar-total");
    total.style.width = (100 * r.total / most).toFixed(1) + "%";
    const part = el("span", null, "bar-topic");
    part.style.width = Math.min(100, 100 * r.inTopic / most).toFixed(1) + "%";
    part.style.background = d.colour;
    bars.append(total, part);
    li.append(el("span", r.term, "term"), bars);
    li.addEventListener("mouseenter", () => previewTerm(r.term));
    li.addEventListener("mouseleave", () => previewTerm(null));
    li.addEventListener("focus", () => previewTerm(r.term));
    li.addEventListener("blur", () => previewTerm(null));
    li.addEventListener("click", () => togglePin(r.term));
    li.addEventListener("keydown", e => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); togglePin(r.term); } });
    list.append(li);
  }
  box.append(list);
  return rows;
}

let pinnedBeforePreview = undefined;
function previewTerm(term) {
  // Hovering shows a term for as long as the pointer stays; a click keeps it.
  if (term !== null) {
    if (pinnedBeforePreview === undefined) pinnedBeforePreview = state.pinned;
    state.pinned = DATA.vocabulary[term] ? term : state.pinned;
  } else if (pinnedBeforePreview !== undefined) {
    state.pinned = pinnedBeforePreview;
    pinnedBeforePreview = undefined;
  }
  drawMap();
}
function togglePin(term) {
  // While a term is previewed, state.pinned is the preview: compare with the real pin.
  const pinned = pinnedBeforePreview === undefined ? state.pinned : pinnedBeforePreview;
  pinTerm(pinned === term ? null : term);
}
function pinTerm(term) {
  pinnedBeforePreview = undefined;
  state.pinned = term !== null && DATA.vocabulary[term] ? term : null;
  for (const li of document.querySelectorAll(".term-row")) li.setAttribute("aria-pressed", String(li.dataset.term === state.pinned));
  drawMap();
}

function showTerms() {
  // The rows are drawn anew: a term previewed under the pointer is no longer there.
  if (pinnedBeforePreview !== undefined) previewTerm(null);
  const lam = Number(document.getElementById("lambda").value);
  document.getElementById("lambda-value").textContent = lam.toFixed(2);
  const other = document.getElementById("terms-compare");
  const note = document.getElementById("compare-note");
  if (state.compare === null) {
    termPanel(document.getElementById("terms-main"), state.current, null);
    other.hidden = true; note.hidden = true;
    return;
  }
  const a = new Set(rankedTerms(state.current).map(r => r.term));
  const b = new Set(rankedTerms(state.compare).map(r => r.term));
  const shared = new Set([...a].filter(t => b.has(t)));
  const shown = Math.min(a.size, b.size);
  termPanel(document.getElementById("terms-main"), state.current, shared);
  termPanel(other, state.compare, shared);
  other.hidden = false;
  const i = state.current - 1, j = state.compare - 1;
  const k = DATA.topics.length;
  const baseline = k > 1 ? -1 / (k - 1) : 0;
  note.textContent = `Topics ${state.current} and ${state.compare}: ${shared.size} of the ${shown} terms shown in common (underlined); ` +
    `Jensen–Shannon distance ${DATA.distances[i][j].toFixed(2)} (0: same words, 1: none in common); ` +
    (DATA.correlations
      ? `correlation of their shares across documents ${DATA.correlations[i][j].toFixed(2)} (unrelated topics: about ${baseline.toFixed(2)}).`
      : "correlation of their shares not computed (too few documents; see the run notes).");
  note.hidden = false;
}

// ---- prevalence over time ---------------------------------------------------------
function chartTopics() {
  const topics = [state.current];
  if (state.compare !== null) topics.push(state.compare);
  for (const t of state.extra) if (!topics.includes(t)) topics.push(t);
  return topics.slice(0, MAX_CHART_TOPICS);
}

function showChips() {
  const box = document.getElementById("prevalence-chips");
  box.replaceChildren();
  if (!DATA.prevalence) return;
  for (const t of chartTopics()) {
    const chip = el("span", null, "chip");
    const sw = el("span", null, "swatch"); sw.style.background = topicInfo(t).colour;
    chip.append(sw, el("span", name(t)));
    if (t !== state.current) {
      const remove = el("button", "×");
      remove.type = "button";
      remove.setAttribute("aria-label", "Remove topic " + t + " from the chart");
      remove.addEventListener("click", () => {
        state.extra = state.extra.filter(x => x !== t);
        if (state.compare === t) { state.compare = null; document.getElementById("compare").value = ""; showTerms(); }
        showPrevalence();
      });
      chip.append(remove);
    }
    box.append(chip);
  }
}

function showPrevalence() {
  const box = document.getElementById("prevalence");
  box.replaceChildren();
  document.getElementById("prevalence-controls").hidden = !DATA.prevalence;
  showChips();
  if (!DATA.prevalence) { box.append(el("p", DATA.prevalence_note, "hint")); return; }
  const periods = DATA.periods;
  const topics = chartTopics();
  const W = 640, H = 220, L = 46, R = 10, T = 10, B = 38;
  const top = Math.max(...topics.flatMap(t => DATA.prevalence[String(t)].map(p => p[2] || 0)), 0.01);
  const chart = svg("svg", {id: "prevalence-chart", viewBox: `0 0 ${W} ${H}`, role: "img",
    "aria-label": "Mean share per " + DATA.period + " of topics " + topics.join(", ")});
  const step = (W - L - R) / Math.max(periods.length, 1);
  const X = i => L + step * (i + 0.5);
  const Y = v => T + (H - T - B) * (1 - v / top);
  // Periods without documents: a hatched gap, never a line across it.
  const defs = svg("defs");
  const pattern = svg("pattern", {id: "gap", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)"});
  pattern.append(svg("line", {x1: 0, y1: 0, x2: 0, y2: 6, stroke: "#bbb", "stroke-width": 2}));
  defs.append(pattern);
  chart.append(defs);
  periods.forEach((p, i) => {
    if (p.n === 0) {
      const gap = svg("rect", {"class": "gap", x: X(i) - step / 2, y: T, width: step, height: H - T - B, fill: "url(#gap)"});
      gap.append(svg("title", {}, p.period + ": no documents"));
      chart.append(gap);
    }
  });
  chart.append(svg("line", {x1: L, y1: Y(0), x2: W - R, y2: Y(0), stroke: "#999"}));
  chart.append(svg("line", {x1: L, y1: T, x2: L, y2: Y(0), stroke: "#999"}));
  for (const v of [0, top / 2, top]) chart.append(svg("text", {x: L - 4, y: Y(v) + 3, "text-anchor": "end"}, (100 * v).toFixed(0) + "%"));
  for (const t of topics) {
    const colour = topicInfo(t).colour;
    const pts = DATA.prevalence[String(t)];
    // One band and line per run of periods with documents.
    let run = [];
    const flush = () => {
      if (!run.length) return;
      const upper = run.map(i => X(i) + "," + Y(pts[i][2])).join("L");
      const lower = run.slice().reverse().map(i => X(i) + "," + Y(pts[i][1])).join("L");
      chart.append(svg("path", {d: "M" + upper + "L" + lower + "Z", fill: colour, "fill-opacity": topics.length > 1 ? 0.12 : 0.25, stroke: run.length === 1 ? colour : "none"}));
      chart.append(svg("polyline", {points: run.map(i => X(i) + "," + Y(pts[i][0])).join(" "), fill: "none", stroke: colour, "stroke-width": 1.8}));
      run = [];
    };
    pts.forEach((p, i) => { if (p[0] === null) flush(); else run.push(i); });
    flush();
    pts.forEach((p, i) => {
      if (p[0] === null) return;
      const few = periods[i].few;
      const c = svg("circle", {cx: X(i), cy: Y(p[0]), r: 3, fill: few ? "#fff" : colour, stroke: few ? "#999" : colour, "stroke-width": 1.2});
      c.append(svg("title", {}, `Topic ${t}, ${periods[i].period}: ${pct(p[0])} (${periods[i].n} documents${few ? ", few" : ""})`));
      chart.append(c);
    });
  }
  const every = Math.max(1, Math.ceil(periods.length / 8));
  periods.forEach((p, i) => { if (i % every === 0) chart.append(svg("text", {x: X(i), y: H - B + 14, "text-anchor": "middle"}, p.period)); });
  box.append(chart);
  box.append(el("p", `Mean share of each topic per ${DATA.period}, with its bootstrap confidence band. ` +
    "Hatched: no documents in that period (a gap, not a zero); hollow points: periods with few documents, whose means are unreliable.", "hint"));
}

// ---- documents --------------------------------------------------------------------
function showDocuments(openId) {
  const list = document.getElementById("doc-list");
  list.replaceChildren();
  const rows = DATA.topic_documents[String(state.current)] || [];
  if (!rows.length) list.append(el("li", "No document has a share of this topic."));
  rows.slice(0, state.docsShown).forEach(([id, share, snippet]) => {
    const d = DATA.documents[id];
    const li = el("li");
    li.id = "doc-" + encodeURIComponent(id);
    li.append(el("div", d.title || "(untitled)", "doc-title"));
    const meta = ["id " + id, d.date, d.source, d.author ? "by " + d.author : ""].filter(Boolean);
    li.append(el("div", meta.join(" · ") + " · topic share " + pct(share), "meta"));
    li.append(el("blockquote", snippet, "doc-snippet"));
    const details = el("details");
    const summary = d.cut
      ? `Text (the first ${count(d.text.length)} of ${count(d.chars)} characters; the whole text is in results/ingest/documents.jsonl)`
      : `Full text (${count(d.chars)} characters)`;
    details.append(el("summary", summary), el("div", d.text, "doc-text"));
    if (id === openId) { details.open = true; li.classList.add("found"); }
    li.append(details);
    list.append(li);
  });
  const more = document.getElementById("more-docs");
  more.hidden = state.docsShown >= rows.length;
  more.textContent = `Show ${Math.min(5, rows.length - state.docsShown)} more (${rows.length} in this page)`;
  document.getElementById("doc-note").textContent = rows.length ?
    `Showing ${Math.min(state.docsShown, rows.length)} of the ${rows.length} documents with the largest share of topic ${state.current} in this page; texts longer than ${count(DATA.text_chars)} characters are cut here.` : "";
}

// ---- search -----------------------------------------------------------------------
function search(query) {
  const box = document.getElementById("search-results");
  box.replaceChildren();
  const q = query.trim().toLowerCase();
  if (q.length < 2) return;
  const words = q.split(/\s+/);
  const terms = Object.keys(DATA.vocabulary).filter(t => t.includes(q.replace(/\s+/g, "_")))
    .sort((a, b) => (b.startsWith(q) - a.startsWith(q)) || DATA.vocabulary[b][0] - DATA.vocabulary[a][0]).slice(0, 8);
  const docs = Object.entries(DATA.documents).filter(([id, d]) => {
    const hay = [id, d.title, d.source, d.author, d.date, d.text].join(" ").toLowerCase();
    return words.every(w => hay.includes(w));
  }).slice(0, 8);
  if (!terms.length && !docs.length) { box.append(el("p", `Nothing in this page matches “${query.trim()}”.`, "hint")); return; }
  if (terms.length) {
    box.append(el("h4", "Terms (click: show how each spreads over the topics)"));
    const ul = el("ul");
    for (const t of terms) {
      const [total, spread] = DATA.vocabulary[t];
      const main = spread.slice().sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, s]) => `${k} (${pct(s / 1000)})`).join(", ");
      const b = el("button", `${t} — ${count(total)} times; mostly topics ${main || "–"}`);
      b.type = "button";
      b.className = "term-result";
      b.addEventListener("click", () => {
        const best = spread.slice().sort((x, y) => y[1] - x[1])[0];
        if (best) select(best[0]);
        pinTerm(t);
      });
      const li = el("li"); li.append(b); ul.append(li);
    }
    box.append(ul);
  }
  if (docs.length) {
    box.append(el("h4", "Documents (click: open it under the topic it shares most)"));
    const ul = el("ul");
    for (const [id, d] of docs) {
      const b = el("button", `${d.title || "(untitled)"} — ${[d.date, d.source].filter(Boolean).join(", ") || id}`);
      b.type = "button";
      b.className = "doc-result";
      b.addEventListener("click", () => openDocument(id));
      const li = el("li"); li.append(b); ul.append(li);
    }
    box.append(ul);
  }
}

function openDocument(id) {
  let best = null;
  for (const [t, rows] of Object.entries(DATA.topic_documents)) {
    const index = rows.findIndex(r => r[0] === id);
    if (index >= 0 && (best === null || rows[index][1] > best.share)) best = {topic: Number(t), share: rows[index][1], index};
  }
  if (best === null) return;
  select(best.topic);
  state.docsShown = Math.max(state.docsShown, best.index + 1);
  showDocuments(id);
  const item = document.getElementById("doc-" + encodeURIComponent(id));
  if (item) { item.scrollIntoView({block: "center"}); item.querySelector("summary").focus(); }
}

// ---- selection --------------------------------------------------------------------
function select(topic) {
  if (!topicInfo(topic)) return;
  if (topic !== state.current) state.docsShown = DATA.shown_documents;
  state.current = topic;
  if (state.compare === topic) { state.compare = null; document.getElementById("compare").value = ""; }
  for (const b of document.querySelectorAll("#topic-list button")) b.setAttribute("aria-current", String(Number(b.dataset.topic) === topic));
  const d = topicInfo(topic);
  document.getElementById("topic-title").textContent = "Topic " + name(topic);
  document.getElementById("topic-meta").textContent = `Prevalence ${pct(d.prevalence)} (mean share over documents); about ${count(d.tokens)} tokens.`;
  if (location.hash !== "#topic-" + topic) {
    try { history.replaceState(null, "", "#topic-" + topic); } catch (e) { /* some file:// pages forbid it */ }
  }
  showTerms(); drawMap(); showPrevalence(); showDocuments(null);
}

function fromHash() {
  const t = Number((location.hash.match(/^#topic-(\d+)$/) || [])[1]);
  return topicInfo(t) ? t : null;
}

function buildNotes() {
  const notes = DATA.notes || [];
  if (!notes.length) return;
  const item = n => el("li", `${n.subject} = ${n.value}: ${n.message}` + (n.override ? ` (to change it: ${n.override})` : ""));
  const warnings = notes.filter(n => n.kind === "warning"), choices = notes.filter(n => n.kind === "choice");
  document.getElementById("note-warnings").append(...warnings.map(item));
  document.getElementById("note-choices").append(...choices.map(item));
  document.getElementById("note-choices-title").textContent = `${choices.length} automatic choice${choices.length === 1 ? "" : "s"} (settings left at auto)`;
  if (!choices.length) document.querySelector("#run-notes details").hidden = true;
  document.getElementById("run-notes").hidden = false;
}

buildNotes();
buildList();
buildMap();
const slider = document.getElementById("lambda");
slider.value = DATA.lambda;
slider.addEventListener("input", showTerms);
document.getElementById("compare").addEventListener("change", e => {
  state.compare = e.target.value ? Number(e.target.value) : null;
  if (state.compare === state.current) state.compare = null;
  showTerms(); showPrevalence();
});
document.getElementById("add-topic").addEventListener("change", e => {
  const t = Number(e.target.value);
  if (t && !state.extra.includes(t) && t !== state.current) state.extra.push(t);
  e.target.value = "";
  showPrevalence();
});
document.getElementById("more-docs").addEventListener("click", () => { state.docsShown += 5; showDocuments(null); });
let searchTimer = null;
document.getElementById("search").addEventListener("input", e => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => search(e.target.value), 150);
});
window.addEventListener("hashchange", () => { const t = fromHash(); if (t !== null && t !== state.current) select(t); });
if (state.current !== null) select(fromHash() ?? state.current);
