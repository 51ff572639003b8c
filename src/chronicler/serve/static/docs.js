// The API reference, rendered from /openapi.json with DOM text nodes (no CDN, no innerHTML).
const el = (tag, text, cls) => {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
};

async function main() {
  const spec = await (await fetch("/openapi.json")).json();
  document.getElementById("intro").textContent = spec.info.description || "";
  const root = document.getElementById("routes");
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const box = el("section", null, "route");
      const head = el("h2");
      head.append(el("code", method.toUpperCase(), "method"), " ", el("code", path));
      box.append(head, el("p", op.summary || ""));
      const params = op.parameters || [];
      if (params.length) {
        const table = el("table", null, "grid");
        const tr = el("tr");
        for (const h of ["parameter", "in", "type", "description"]) tr.append(el("th", h));
        table.append(tr);
        for (const p of params) {
          const row = el("tr");
          const s = p.schema || {};
          const kind = s.enum ? s.enum.join(" | ")
            : (s.anyOf || [s]).map((x) => x.enum ? x.enum.join(" | ") : (x.format || x.type)).filter(Boolean).join(" | ");
          const limits = ["minimum", "maximum", "pattern", "maxLength"].filter((k) => k in s || (s.anyOf || []).some((x) => k in x))
            .map((k) => `${k} ${s[k] ?? (s.anyOf || []).find((x) => k in x)[k]}`).join(", ");
          row.append(el("td", p.name + (p.required ? " *" : "")), el("td", p.in), el("td", kind),
            el("td", [p.description, limits, s.default !== undefined ? `default ${s.default}` : ""].filter(Boolean).join("; ")));
          table.append(row);
        }
        box.append(table);
      }
      root.append(box);
    }
  }
}
main();
