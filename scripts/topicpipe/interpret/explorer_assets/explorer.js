"use strict";
const DATA = JSON.parse(document.getElementById("explorer-data").textContent);
const SVGNS = "http://www.w3.org/2000/svg";
const TERMS_SHOWN = 20;
let current = DATA.topics.length ? DATA.topics[0].topic : null;

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
function pct(x) { return x === null ? "–" : (100 * x).toFixed(1) + "%"; }
function topicInfo(t) { return DATA.topics.find(d => d.topic === t); }
function name(t) { const d = topicInfo(t); return t + " · " + d.label; }

function buildList() {
  const list = document.getElementById("topic-list");
  for (const d of DATA.topics) {
    const li = el("li");
    const b = el("button");
    b.type = "button";
    b.dataset.topic = d.topic;
    const sw = el("span", null, "swatch");
    sw.style.background = d.colour;
    b.append(sw, el("span", name(d.topic), "name"), el("span", pct(d.prevalence), "prev"));
    b.addEventListener("click", () => select(d.topic));
    li.append(b);
    list.append(li);
  }
}

function buildMap() {
  const map = document.getElementById("topic-map");
  const xs = DATA.topics.map(d => d.x), ys = DATA.topics.map(d => d.y);
  const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 1e-9);
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2, cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  const total = DATA.topics.reduce((s, d) => s + (d.prevalence || 0), 0) || 1;
  for (const d of DATA.topics) {
    const x = 110 + 75 * (d.x - cx) / (span / 2);
    const y = 110 - 75 * (d.y - cy) / (span / 2);
    const r = Math.min(30, Math.max(3, Math.sqrt((d.prevalence || 0) / total) * 45));
    const g = svg("g", {"data-topic": d.topic, style: "cursor:pointer"});
    g.append(svg("circle", {cx: x, cy: y, r: r, fill: d.colour, "fill-opacity": 0.55, stroke: "#fff"}));
    g.append(svg("text", {x: x, y: y + 3, "text-anchor": "middle"}, d.topic));
    g.append(svg("title", {}, name(d.topic)));
    g.addEventListener("click", () => select(d.topic));
    map.append(g);
  }
}

function showTerms() {
  const lam = Number(document.getElementById("lambda").value);
  document.getElementById("lambda-value").textContent = lam.toFixed(2);
  const rows = DATA.terms[String(current)].map(([term, logPhi, logLift]) =>
    ({term, phi: Math.exp(logPhi), score: lam * logPhi + (1 - lam) * logLift}));
  rows.sort((a, b) => b.score - a.score || (a.term < b.term ? -1 : 1));
  const top = rows.slice(0, TERMS_SHOWN);
  const most = Math.max(...top.map(r => r.phi), 1e-12);
  const list = document.getElementById("term-list");
  list.replaceChildren();
  const colour = topicInfo(current).colour;
  for (const r of top) {
    const li = el("li");
    const bar = el("span", null, "bar");
    bar.style.width = (80 * r.phi / most).toFixed(1) + "px";
    bar.style.background = colour;
    bar.title = "probability in topic " + r.phi.toPrecision(3);
    li.append(el("span", r.term, "term"), bar);
    list.append(li);
  }
}

function showDocuments() {
  const list = document.getElementById("doc-list");
  list.replaceChildren();
  const docs = DATA.documents[String(current)] || [];
  if (!docs.length) list.append(el("li", "No document has a share of this topic."));
  for (const d of docs) {
    const li = el("li");
    li.append(el("div", d.title || "(untitled)", "doc-title"));
    const meta = [d.date, d.source].filter(Boolean).join(" · ");
    li.append(el("div", (meta ? meta + " · " : "") + "topic share " + pct(d.share), "meta"));
    li.append(el("blockquote", d.snippet, "doc-snippet"));
    list.append(li);
  }
}

function showPrevalence() {
  const box = document.getElementById("prevalence");
  box.replaceChildren();
  if (!DATA.prevalence) { box.append(el("p", DATA.prevalence_note, "hint")); return; }
  const pts = DATA.prevalence[String(current)];
  const W = 560, H = 180, L = 44, R = 10, T = 10, B = 34;
  const top = Math.max(...Object.values(DATA.prevalence).flat().map(p => p.high || 0), 0.01);
  const chart = svg("svg", {id: "prevalence-chart", viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img"});
  const X = i => L + (pts.length > 1 ? i * (W - L - R) / (pts.length - 1) : (W - L - R) / 2);
  const Y = v => T + (H - T - B) * (1 - v / top);
  chart.append(svg("line", {x1: L, y1: Y(0), x2: W - R, y2: Y(0), stroke: "#999"}));
  chart.append(svg("line", {x1: L, y1: T, x2: L, y2: Y(0), stroke: "#999"}));
  for (const v of [0, top / 2, top]) chart.append(svg("text", {x: L - 4, y: Y(v) + 3, "text-anchor": "end"}, (100 * v).toFixed(0) + "%"));
  const colour = topicInfo(current).colour;
  const band = pts.map((p, i) => p.mean === null ? null : [X(i), Y(p.high), Y(p.low)]).filter(Boolean);
  if (band.length) {
    const d = "M" + band.map(b => b[0] + "," + b[1]).join("L") + "L" + band.slice().reverse().map(b => b[0] + "," + b[2]).join("L") + "Z";
    chart.append(svg("path", {d: d, fill: colour, "fill-opacity": 0.25, stroke: "none"}));
    chart.append(svg("polyline", {points: band.map((b, i) => b[0] + "," + Y(pts.filter(p => p.mean !== null)[i].mean)).join(" "), fill: "none", stroke: colour, "stroke-width": 1.5}));
  }
  pts.forEach((p, i) => {
    if (p.mean === null) return;
    const c = svg("circle", {cx: X(i), cy: Y(p.mean), r: 2.5, fill: p.few ? "#fff" : colour, stroke: p.few ? "#999" : colour});
    c.append(svg("title", {}, `${p.period}: ${pct(p.mean)} (${p.n} documents)`));
    chart.append(c);
  });
  const step = Math.max(1, Math.ceil(pts.length / 8));
  pts.forEach((p, i) => { if (i % step === 0) chart.append(svg("text", {x: X(i), y: H - B + 14, "text-anchor": "middle"}, p.period)); });
  box.append(chart);
  box.append(el("p", `Mean share of the topic per ${DATA.period}; band: bootstrap confidence interval; hollow points: periods with few documents.`, "hint"));
}

function select(topic) {
  if (!topicInfo(topic)) return;
  current = topic;
  for (const b of document.querySelectorAll("#topic-list button")) b.setAttribute("aria-current", String(Number(b.dataset.topic) === topic));
  const d = topicInfo(topic);
  document.getElementById("topic-title").textContent = "Topic " + name(topic);
  document.getElementById("topic-meta").textContent = "Prevalence " + pct(d.prevalence) + " (mean share over documents)";
  try { history.replaceState(null, "", "#topic-" + topic); } catch (e) { /* some file:// pages forbid it */ }
  showTerms(); showDocuments(); showPrevalence();
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
const fromHash = Number((location.hash.match(/^#topic-(\d+)$/) || [])[1]);
if (current !== null) select(topicInfo(fromHash) ? fromHash : current);
