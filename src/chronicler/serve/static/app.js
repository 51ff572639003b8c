// chronicler dashboard: every view's state lives in the URL's query string, so a view can be
// shared by copying the address. Data comes from the REST API under /api/.
import { highlight, renderArticle } from "./article.js";
import { drawNetwork, drawTimeline } from "./charts.js";
import { MODALITIES, TYPES, actorLabel, chip, clear, el } from "./dom.js";
import { EventMap } from "./map.js";

const FILTERS = ["type", "mode", "country", "actor", "place", "from", "to", "modality", "min_confidence", "q", "story"];
const PAGE = 50;
const form = document.getElementById("filters");
let eventMap = null;

const state = () => new URLSearchParams(location.search);
const filterQuery = (params) => {
  const out = new URLSearchParams();
  for (const k of FILTERS) if (params.get(k)) out.set(k, params.get(k));
  return out;
};

function navigate(changes, { push = true } = {}) {
  const params = state();
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === "") params.delete(k); else params.set(k, String(v));
  }
  const url = "?" + params.toString();
  if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
  render();
}

async function api(path, params) {
  const resp = await fetch(path + (params && String(params) ? "?" + params : ""));
  const body = await resp.json().catch(() => ({ detail: resp.statusText }));
  if (!resp.ok) throw new Error(body.detail || `${resp.status} ${resp.statusText}`);
  return body;
}

function showError(err) {
  const box = document.getElementById("error");
  box.hidden = !err;
  box.textContent = err ? String(err.message || err) : "";
}

function setupForm() {
  const type = form.elements.type, modality = form.elements.modality;
  for (const t of TYPES) type.append(el("option", t, { value: t }));
  for (const m of MODALITIES) modality.append(el("option", m, { value: m }));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const changes = { offset: null, article: null, event: null };
    for (const k of FILTERS) changes[k] = (form.elements[k].value || "").trim();
    if (state().get("view") === "article") changes.view = "events";
    navigate(changes);
  });
  document.getElementById("reset").addEventListener("click", () => {
    const changes = { offset: null };
    for (const k of FILTERS) changes[k] = null;
    navigate(changes);
  });
  for (const th of document.querySelectorAll("#events-table th[data-sort]")) {
    th.addEventListener("click", () => {
      const key = th.dataset.sort, now = state().get("sort") || "date";
      navigate({ sort: now === key ? "-" + key : key, offset: null });
    });
  }
  document.getElementById("interval").addEventListener("change", (ev) => navigate({ interval: ev.target.value }, { push: false }));
  for (const id of ["quote-speaker", "quote-q", "quote-kind"]) {
    document.getElementById(id).addEventListener("change", () => navigate({
      speaker: document.getElementById("quote-speaker").value.trim(), qq: document.getElementById("quote-q").value.trim(),
      kind: document.getElementById("quote-kind").value, qoffset: null }));
  }
  for (const a of document.querySelectorAll("#tabs a[data-view]")) {
    a.addEventListener("click", (ev) => { ev.preventDefault(); navigate({ view: a.dataset.view, article: null, event: null }); });
  }
  window.addEventListener("popstate", render);
}

function syncForm(params) {
  for (const k of FILTERS) form.elements[k].value = params.get(k) || "";
  const filtered = filterQuery(params).toString();
  document.getElementById("dl-csv").href = "/api/events.csv" + (filtered ? "?" + filtered : "");
  document.getElementById("dl-parquet").href = "/api/events.parquet" + (filtered ? "?" + filtered : "");
  const chipBox = document.getElementById("story-chip");
  chipBox.hidden = !params.get("story");
  chipBox.textContent = params.get("story") ? `story ${params.get("story")}` : "";
  document.getElementById("interval").value = params.get("interval") || "";
  document.getElementById("quote-speaker").value = params.get("speaker") || "";
  document.getElementById("quote-q").value = params.get("qq") || "";
  document.getElementById("quote-kind").value = params.get("kind") || "";
}

async function render() {
  const params = state();
  const view = params.get("view") || "events";
  syncForm(params);
  for (const section of document.querySelectorAll("main > section")) section.hidden = section.dataset.view !== view;
  for (const a of document.querySelectorAll("#tabs a[data-view]")) a.classList.toggle("active", a.dataset.view === view);
  showError(null);
  try {
    if (view === "events") await renderEvents(params);
    else if (view === "network") await renderNetwork(params);
    else if (view === "quotes") await renderQuotes(params);
    else if (view === "actors") await renderActors(params);
    else if (view === "places") await renderPlaces(params);
    else if (view === "article") await showArticle(params);
  } catch (err) { showError(err); }
  document.body.dataset.ready = view;
}

function autoInterval(stats) {
  const [a, b] = stats.event_date_range || [];
  if (!a || !b) return "day";
  const days = (Date.parse(b) - Date.parse(a)) / 864e5;
  return days <= 120 ? "day" : days <= 1000 ? "week" : days <= 5000 ? "month" : "year";
}

let statsCache = null;
async function renderStats() {
  statsCache = statsCache || await api("/api/stats");
  const s = statsCache;
  document.getElementById("stats").textContent = `${s.articles.toLocaleString()} articles · ${s.events.toLocaleString()} events · ` +
    `${s.quotes.toLocaleString()} quotes · ${s.actors.toLocaleString()} actors · ${s.places.toLocaleString()} places`;
  return s;
}

async function renderEvents(params) {
  const filters = filterQuery(params);
  const stats = await renderStats();
  if (!eventMap) eventMap = new EventMap(document.getElementById("map"), { onPlace: (name) => navigate({ place: name, offset: null }) });
  else eventMap.map.invalidateSize();
  eventMap.show(filters.toString());
  const interval = params.get("interval") || autoInterval(stats);
  const tl = new URLSearchParams(filters); tl.set("interval", interval);
  const sort = params.get("sort") || "date", offset = Number(params.get("offset") || 0);
  const page = new URLSearchParams(filters); page.set("limit", PAGE); page.set("offset", offset); page.set("sort", sort);
  const [timeline, events] = await Promise.all([api("/api/timeline", tl), api("/api/events", page)]);
  drawTimeline(document.getElementById("timeline"), document.getElementById("legend"), timeline.counts, {
    onPick: (d) => navigate({ from: d, to: bucketEnd(d, interval), offset: null }) });
  for (const th of document.querySelectorAll("#events-table th[data-sort]")) {
    th.classList.toggle("sorted-asc", sort === th.dataset.sort);
    th.classList.toggle("sorted-desc", sort === "-" + th.dataset.sort);
  }
  document.getElementById("events-total").textContent = `${events.total.toLocaleString()} events match`;
  const body = clear(document.querySelector("#events-table tbody"));
  for (const e of events.events) {
    const tr = el("tr", null, { "data-article": e.article_key, "data-event": e.event_id });
    const cells = [e.date || "", chip(e.type), e.mode || "", actorLabel(e.source_name, e.source_country, e.source_sector),
      actorLabel(e.target_name, e.target_country, e.target_sector), e.location_name || "", e.modality,
      e.confidence == null ? "" : e.confidence.toFixed(2), e.evidence_text || "", e.article_title || e.article_id || ""];
    cells.forEach((c, i) => { const td = el("td", typeof c === "string" ? c : null, { class: i === 8 ? "evidence" : "" }); if (typeof c !== "string") td.append(c); tr.append(td); });
    tr.addEventListener("click", () => navigate({ view: "article", article: e.article_key, event: e.event_id }));
    body.append(tr);
  }
  pager("events", events.total, offset, PAGE, "offset");
}

function bucketEnd(day, interval) {
  const d = new Date(day + "T00:00:00Z");
  if (interval === "week") d.setUTCDate(d.getUTCDate() + 6);
  else if (interval === "month") { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
  else if (interval === "year") { d.setUTCFullYear(d.getUTCFullYear() + 1); d.setUTCDate(0); }
  return d.toISOString().slice(0, 10);
}

function pager(name, total, offset, size, key) {
  const box = clear(document.querySelector(`.pager[data-for="${name}"]`));
  if (total <= size) return;
  const prev = el("button", "‹ previous", { type: "button" }), next = el("button", "next ›", { type: "button" });
  prev.disabled = offset <= 0; next.disabled = offset + size >= total;
  prev.addEventListener("click", () => navigate({ [key]: Math.max(0, offset - size) }));
  next.addEventListener("click", () => navigate({ [key]: offset + size }));
  box.append(prev, el("span", `${offset + 1}–${Math.min(offset + size, total)} of ${total.toLocaleString()}`), next);
}

async function renderNetwork(params) {
  await renderStats();
  const data = await api("/api/network", filterQuery(params));
  drawNetwork(document.getElementById("network"), document.getElementById("quad-legend"), data, {
    onPick: (id) => navigate({ view: "events", actor: id, offset: null }) });
}

async function renderQuotes(params) {
  await renderStats();
  const q = new URLSearchParams();
  for (const [k, v] of [["speaker", params.get("speaker")], ["q", params.get("qq")], ["kind", params.get("kind")], ["country", params.get("country")]]) if (v) q.set(k, v);
  const offset = Number(params.get("qoffset") || 0);
  q.set("limit", PAGE); q.set("offset", offset);
  const data = await api("/api/quotes", q);
  document.getElementById("quotes-total").textContent = `${data.total.toLocaleString()} quotes`;
  const list = clear(document.getElementById("quotes"));
  for (const item of data.quotes) {
    const li = el("li");
    li.append(el("strong", actorLabel(item.speaker_name, item.speaker_country, item.speaker_sector) || "unattributed"),
      el("span", ` ${item.kind}${item.cue ? " · " + item.cue : ""}`, { class: "muted" }), el("blockquote", item.text));
    const link = el("a", item.article_title || item.article_id);
    link.href = "?" + new URLSearchParams({ view: "article", article: item.article_key });
    link.addEventListener("click", (ev) => { ev.preventDefault(); navigate({ view: "article", article: item.article_key, event: null }); });
    li.append(el("span", `${item.published || ""} `, { class: "muted" }), link);
    list.append(li);
  }
  pager("quotes", data.total, offset, PAGE, "qoffset");
}

async function renderActors(params) {
  await renderStats();
  const q = filterQuery(params); q.set("limit", 200);
  const data = await api("/api/actors", q);
  const body = clear(document.querySelector("#actors-table tbody"));
  for (const a of data.actors) {
    const tr = el("tr");
    for (const c of [a.name, a.actor, a.country, a.sector, a.events, a.as_source, a.as_target]) tr.append(el("td", c ?? ""));
    tr.addEventListener("click", () => navigate({ view: "events", actor: a.actor, offset: null }));
    body.append(tr);
  }
}

async function renderPlaces(params) {
  await renderStats();
  const q = new URLSearchParams({ limit: 300 });
  if (params.get("country")) q.set("country", params.get("country"));
  const data = await api("/api/places", q);
  const body = clear(document.querySelector("#places-table tbody"));
  for (const p of data.places) {
    const tr = el("tr");
    for (const c of [p.name, p.country, p.admin1, p.feature, p.articles, p.mentions]) tr.append(el("td", c ?? ""));
    tr.addEventListener("click", () => navigate({ view: "events", place: p.name, offset: null }));
    body.append(tr);
  }
}

let shownArticle = null;
async function showArticle(params) {
  await renderStats();
  const key = params.get("article");
  if (!key) throw new Error("no article chosen: pick an event in the table");
  const eventId = params.get("event");
  if (shownArticle !== key) {
    const record = await api("/api/articles/" + encodeURIComponent(key));
    renderArticle(record, { eventId, onPickEvent: (id) => navigate({ event: id }, { push: false }) });
    shownArticle = key;
  } else if (eventId) highlight(eventId);
}

setupForm();
render();
