// Small DOM helpers. Article data only ever reaches the page as text nodes (textContent),
// never as HTML: titles and texts scraped from the web are hostile input.

export const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
  "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
export const MODALITIES = ["asserted", "reported", "future", "historical", "hypothetical", "negated"];
// Cooperation in greens and blues, verbal conflict in yellows and oranges, material conflict in reds.
export const TYPE_COLORS = {
  AGREE: "#2e7d32", CONSULT: "#43a047", SUPPORT: "#66bb6a", CONCEDE: "#9ccc65",
  COOPERATE: "#00838f", AID: "#0277bd", RETREAT: "#4fc3f7",
  REQUEST: "#f9a825", ACCUSE: "#ef6c00", REJECT: "#ff8f00", THREATEN: "#d84315",
  PROTEST: "#8e24aa", SANCTION: "#5e35b1", MOBILIZE: "#6d4c41", COERCE: "#ad1457", ASSAULT: "#c62828",
};
export const QUAD_COLORS = { verbal_coop: "#66bb6a", material_coop: "#0277bd",
  verbal_conflict: "#ef6c00", material_conflict: "#c62828" };

export function el(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v;
    else if (k.startsWith("data-") || ["title", "type", "value", "colspan", "aria-label"].includes(k)) node.setAttribute(k, v);
  }
  return node;
}

export function svg(tag, attrs) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}

export function chip(type) {
  const span = el("span", type || "", { class: "type-chip" });
  span.style.background = TYPE_COLORS[type] || "#777";
  return span;
}

export function swatch(color) {
  const span = el("span", null, { class: "swatch" });
  span.style.background = color;
  return span;
}

/** An internal link (to a view of this dashboard), built from parameters, never from markup. */
export function viewLink(text, params) {
  const a = el("a", text);
  a.href = "?" + new URLSearchParams(params).toString();
  return a;
}

/** A link to an article's own page, only for http(s) URLs: no javascript: or data: links. */
export function safeExternalLink(text, url) {
  if (typeof url !== "string" || !/^https?:\/\//i.test(url)) return el("span", text);
  const a = el("a", text);
  a.href = url;
  a.rel = "noopener noreferrer nofollow";
  a.target = "_blank";
  return a;
}

export function actorLabel(name, country, sector) {
  if (!name) return "";
  const code = [country, sector].filter(Boolean).join("/");
  return code ? `${name} (${code})` : name;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}
