// The article view: the clean text with every quote, actor mention, place mention and event
// evidence marked, and the coded fields beside it. Text goes in as text nodes only.
import { actorLabel, chip, clear, el, safeExternalLink, viewLink } from "./dom.js";

/** Cut the text at every span boundary; each piece carries the kinds and events covering it. */
export function segments(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(Math.max(0, Math.min(s.start, text.length))); cuts.add(Math.max(0, Math.min(s.end, text.length))); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const covering = spans.filter((s) => s.start <= a && s.end >= b && s.end > s.start);
    out.push({ start: a, end: b, kinds: [...new Set(covering.map((s) => s.kind))], events: covering.filter((s) => s.event).map((s) => s.event) });
  }
  return out;
}

export function renderArticle(record, { eventId, onPickEvent } = {}) {
  document.getElementById("article-title").textContent = record.title || record.id;
  const meta = clear(document.getElementById("article-meta"));
  meta.append([record.published, record.author, record.source].filter(Boolean).join(" · ") + " ");
  if (record.url) meta.append(safeExternalLink(record.url, record.url));
  meta.append(el("span", ` id ${record.id}`, { class: "muted" }));

  const spans = [];
  for (const e of record.events) if (e.evidence_start !== null && e.evidence_end !== null) spans.push({ start: e.evidence_start, end: e.evidence_end, kind: "ev", event: e.event_id });
  for (const q of record.quotes) if (q.start !== null && q.end !== null) spans.push({ start: q.start, end: q.end, kind: "quote" });
  for (const a of record.actors) for (const m of a.mentions) spans.push({ start: m.start, end: m.end, kind: "actor", title: actorLabel(a.name, a.country, a.sector) });
  for (const p of record.places) for (const m of p.mentions) spans.push({ start: m.start, end: m.end, kind: "place", title: `${p.name} (${p.country || "?"}), ${m.use}` });

  const box = clear(document.getElementById("article-text"));
  const text = record.text || "";
  for (const seg of segments(text, spans)) {
    const piece = text.slice(seg.start, seg.end);
    if (!seg.kinds.length) { box.append(document.createTextNode(piece)); continue; }
    const span = el("span", piece, { class: seg.kinds.join(" ") });
    if (seg.events.length) span.dataset.events = seg.events.join(" ");
    const titles = spans.filter((s) => s.title && s.start <= seg.start && s.end >= seg.end).map((s) => s.title);
    if (titles.length) span.title = titles.join("; ");
    box.append(span);
  }
  renderFields(record, onPickEvent);
  if (eventId) highlight(eventId);
}

export function highlight(eventId) {
  for (const node of document.querySelectorAll("#article-text span.active, #article-fields li.active")) node.classList.remove("active");
  let first = null;
  for (const node of document.querySelectorAll("#article-text span.ev")) {
    if ((node.dataset.events || "").split(" ").includes(eventId)) { node.classList.add("active"); first = first || node; }
  }
  const item = document.querySelector(`#article-fields li[data-event="${CSS.escape(eventId)}"]`);
  if (item) item.classList.add("active");
  if (first) first.scrollIntoView({ block: "center" });
}

function renderFields(record, onPickEvent) {
  const aside = clear(document.getElementById("article-fields"));
  aside.append(el("h3", `events (${record.events.length})`));
  const events = el("ol");
  for (const e of record.events) {
    const li = el("li", null, { "data-event": e.event_id });
    li.append(chip(e.type), ` ${e.cameo || ""} ${e.mode ? "· " + e.mode + " " : ""}`);
    li.append(el("div", `${actorLabel(e.source_name, e.source_country, e.source_sector) || "?"} → ${actorLabel(e.target_name, e.target_country, e.target_sector) || "?"}`));
    const facts = el("div", [e.modality, e.date, e.location_name, e.confidence != null ? `conf. ${e.confidence.toFixed(2)}` : ""].filter(Boolean).join(" · ") + " ", { class: "muted" });
    // the same real-world event as reported by every article (a PLOVER story link)
    if (e.story) facts.append(viewLink(`story ${e.story}`, { view: "events", story: e.story }));
    li.append(facts);
    li.addEventListener("click", () => onPickEvent && onPickEvent(e.event_id));
    events.append(li);
  }
  aside.append(events);
  aside.append(el("h3", `quotes (${record.quotes.length})`));
  const quotes = el("ol");
  for (const q of record.quotes) {
    const li = el("li");
    li.append(el("strong", actorLabel(q.speaker_name, q.speaker_country, q.speaker_sector) || "unattributed"), ` (${q.kind}${q.cue ? ", " + q.cue : ""}): `, el("q", q.text));
    quotes.append(li);
  }
  aside.append(quotes);
  aside.append(el("h3", `actors (${record.actors.length})`));
  const actors = el("ul");
  for (const a of record.actors) actors.append(el("li", `${actorLabel(a.name, a.country, a.sector)} · ${a.n_mentions} mentions`));
  aside.append(actors);
  aside.append(el("h3", `places (${record.places.length})`));
  const places = el("ul");
  for (const p of record.places) places.append(el("li", `${p.name} (${[p.admin1, p.country].filter(Boolean).join(", ")}) · ${p.mentions.map((m) => m.use).join(", ")}`));
  aside.append(places);
}
