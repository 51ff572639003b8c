// The timeline (stacked counts by type) and the actor network, drawn as SVG with DOM calls.
import { QUAD_COLORS, TYPE_COLORS, clear, el, svg, swatch } from "./dom.js";

export function drawTimeline(box, legend, counts, { onPick } = {}) {
  clear(box); clear(legend);
  const dates = [...new Set(counts.map((c) => c.date))].sort();
  if (!dates.length) { box.append(el("p", "no dated events for these filters", { class: "muted" })); return; }
  const byDate = new Map(dates.map((d) => [d, {}]));
  const types = new Set();
  for (const c of counts) { byDate.get(c.date)[c.type] = c.count; types.add(c.type); }
  const totals = dates.map((d) => Object.values(byDate.get(d)).reduce((a, b) => a + b, 0));
  const max = Math.max(...totals);
  const W = 600, H = 300, left = 34, bottom = 22, top = 8;
  const plot = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "events over time" });
  const band = (W - left - 4) / dates.length;
  const y = (n) => (H - bottom - top) * n / max;
  const order = Object.keys(TYPE_COLORS).filter((t) => types.has(t));
  dates.forEach((d, i) => {
    let base = H - bottom;
    const g = svg("g", { class: "bar", "data-date": d });
    for (const t of order) {
      const n = byDate.get(d)[t];
      if (!n) continue;
      const h = y(n);
      base -= h;
      const r = svg("rect", { x: left + i * band + band * 0.08, y: base, width: Math.max(band * 0.84, 0.5), height: h, fill: TYPE_COLORS[t] });
      const title = svg("title"); title.textContent = `${d} ${t}: ${n}`;
      r.append(title); g.append(r);
    }
    if (onPick) g.addEventListener("click", () => onPick(d));
    plot.append(g);
  });
  const text = (x, yy, s, anchor) => { const t = svg("text", { x, y: yy, "font-size": 11, fill: "#5b6676", "text-anchor": anchor || "start" }); t.textContent = s; return t; };
  plot.append(svg("line", { x1: left, x2: W - 4, y1: H - bottom, y2: H - bottom, stroke: "#999" }));
  plot.append(text(left - 4, top + 10, String(max), "end"), text(left - 4, H - bottom, "0", "end"));
  plot.append(text(left, H - 6, dates[0]));
  if (dates.length > 1) plot.append(text(W - 4, H - 6, dates[dates.length - 1], "end"));
  box.append(plot);
  for (const t of order) { const item = el("span"); item.append(swatch(TYPE_COLORS[t]), t); legend.append(item); }
}

export function drawNetwork(box, legend, data, { onPick } = {}) {
  clear(box); clear(legend);
  for (const [q, c] of Object.entries(QUAD_COLORS)) { const item = el("span"); item.append(swatch(c), q.replace("_", " ")); legend.append(item); }
  if (!data.nodes.length) { box.append(el("p", "no events with both a source and a target for these filters", { class: "muted" })); return; }
  const W = 1200, H = 760, cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 60;
  // Actors of one country sit together around the circle.
  const nodes = [...data.nodes].sort((a, b) => (a.country || "~").localeCompare(b.country || "~") || a.name.localeCompare(b.name));
  const maxNode = Math.max(...nodes.map((n) => n.events));
  const radius = (n) => 4 + 9 * Math.sqrt(n.events / maxNode);
  const plot = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "actor network" });
  const marker = svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" });
  marker.append(svg("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#888" }));
  const defs = svg("defs"); defs.append(marker); plot.append(defs);
  const pos = new Map();
  nodes.forEach((n, i) => {
    const a = 2 * Math.PI * i / nodes.length - Math.PI / 2;
    pos.set(n.id, { x: cx + R * Math.cos(a), y: cy + R * Math.sin(a), a, r: radius(n) });
  });
  const maxEdge = Math.max(...data.edges.map((e) => e.events));
  for (const e of data.edges) {
    const s = pos.get(e.source), t = pos.get(e.target);
    const quad = Object.entries(e.by_quad).sort((a, b) => b[1] - a[1])[0][0];
    const len = Math.hypot(t.x - s.x, t.y - s.y) || 1;  // stop the arrow at the target's rim
    const x2 = t.x - (t.x - s.x) * (t.r + 2) / len, y2 = t.y - (t.y - s.y) * (t.r + 2) / len;
    const line = svg("line", { x1: s.x, y1: s.y, x2, y2, stroke: QUAD_COLORS[quad], "stroke-opacity": 0.7,
      "stroke-width": 1 + 4 * Math.sqrt(e.events / maxEdge), "marker-end": "url(#arrow)", class: "edge" });
    const title = svg("title");
    title.textContent = `${e.source} → ${e.target}: ${e.events} events (` +
      Object.entries(e.by_quad).filter(([, n]) => n).map(([q, n]) => `${q.replace("_", " ")} ${n}`).join(", ") + ")";
    line.append(title); plot.append(line);
  }
  for (const n of nodes) {
    const p = pos.get(n.id);
    const g = svg("g", { class: "node", "data-actor": n.id });
    g.append(svg("circle", { cx: p.x, cy: p.y, r: p.r, fill: "#18263a" }));
    const right = Math.cos(p.a) >= 0;
    const label = svg("text", { x: p.x + (right ? p.r + 4 : -p.r - 4), y: p.y + 4, "font-size": 11, "text-anchor": right ? "start" : "end", fill: "#1d2430" });
    label.textContent = n.name + (n.country ? ` (${n.country})` : "");
    const title = svg("title"); title.textContent = `${n.name}: ${n.events} events`;
    g.append(label, title);
    g.style.cursor = "pointer";
    if (onPick) g.addEventListener("click", () => onPick(n.id));
    plot.append(g);
  }
  box.append(plot);
}
