// The map: Natural Earth country shapes (vendored world-atlas, no tile server) and the located
// events, clustered by the server on a grid that follows the zoom level (/api/map).
import { TYPE_COLORS, el } from "./dom.js";

export class EventMap {
  constructor(node, { onPlace } = {}) {
    this.onPlace = onPlace;
    this.map = L.map(node, { worldCopyJump: true, minZoom: 1, maxZoom: 12, preferCanvas: false })
      .setView([25, 15], 2);
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution("country shapes: Natural Earth (public domain)");
    this.layer = L.layerGroup().addTo(this.map);
    this.query = "";
    this.map.on("moveend", () => this.reload());
    fetch("/static/vendor/world-atlas/countries-110m.json").then((r) => r.json()).then((topo) => {
      const shapes = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(shapes, { interactive: false, style: { color: "#9aa5b1", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 } })
        .addTo(this.map).bringToBack();
    });
  }

  show(query) { this.query = query; this.reload(); }

  async reload() {
    const params = new URLSearchParams(this.query);
    params.set("zoom", String(this.map.getZoom()));
    const seq = (this.seq = (this.seq || 0) + 1);
    const resp = await fetch("/api/map?" + params.toString());
    if (!resp.ok || seq !== this.seq) return;
    const { cells } = await resp.json();
    this.layer.clearLayers();
    const max = Math.max(1, ...cells.map((c) => c.count));
    for (const c of cells) {
      const marker = L.circleMarker([c.lat, c.lon], {
        radius: 5 + 14 * Math.sqrt(c.count / max), color: "#fff", weight: 1,
        fillColor: TYPE_COLORS[c.top_type] || "#555", fillOpacity: 0.85, className: "event-marker",
      });
      marker.bindPopup(() => this.popup(c));
      this.layer.addLayer(marker);
    }
    this.count = cells.length;
    this.map.getContainer().dataset.cells = String(cells.length);
  }

  popup(cell) {
    const box = el("div");
    box.append(el("strong", cell.name || `${cell.count} events here`));
    if (cell.name) box.append(el("div", `${cell.count} events`));
    const list = el("ul");
    for (const [t, n] of Object.entries(cell.types).sort((a, b) => b[1] - a[1])) list.append(el("li", `${t}: ${n}`));
    box.append(list);
    if (cell.name && this.onPlace) {
      const a = el("a", "show these events"); a.href = "#";
      a.addEventListener("click", (ev) => { ev.preventDefault(); this.onPlace(cell.name); });
      box.append(a);
    } else {
      const a = el("a", "zoom in"); a.href = "#";
      a.addEventListener("click", (ev) => { ev.preventDefault(); this.map.setView([cell.lat, cell.lon], this.map.getZoom() + 2); });
      box.append(a);
    }
    return box;
  }
}
