// Parley dashboard: draws each page's charts from the data the server embedded, and turns clicks on
// marks into a narrower filter by changing the URL (the filter state lives only in the URL).
"use strict";

const QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
const QUAD_COLORS = { 1: "#4a90c2", 2: "#1f6aa5", 3: "#e0913a", 4: "#c0392b" };
const PLOT_CONFIG = { displaylogo: false, responsive: true, topojsonURL: "/static/topojson/" };

function pageData() {
  const node = document.getElementById("page-data");
  return node ? JSON.parse(node.textContent || "{}") : {};
}

// Narrow the filter: set (or, with null, remove) keys in the URL and load it. Paging starts again.
function narrow(changes) {
  const url = new URL(window.location.href);
  url.searchParams.delete("offset");
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === "") url.searchParams.delete(key);
    else url.searchParams.set(key, String(value));
  }
  window.location.assign(url.toString());
}

function periodEnd(start, freq) {
  const d = new Date(start + "T00:00:00Z");
  if (freq === "day") d.setUTCDate(d.getUTCDate() + 0);
  else if (freq === "week") d.setUTCDate(d.getUTCDate() + 6);
  else if (freq === "month") { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
  else { d.setUTCFullYear(d.getUTCFullYear() + 1); d.setUTCDate(0); }
  return d.toISOString().slice(0, 10);
}

function rendered(div) { div.dataset.rendered = "1"; }

function drawSeries(div, series, freq) {
  if (!div || typeof Plotly === "undefined") return;
  const x = series.map(r => r.period);
  const traces = [1, 2, 3, 4].map(q => ({
    type: "bar", name: QUAD_NAMES[q], x, y: series.map(r => r["q" + q]), marker: { color: QUAD_COLORS[q] },
    customdata: series.map(() => q), hovertemplate: "%{x}: %{y} " + QUAD_NAMES[q] + "<extra></extra>",
  }));
  traces.push({ type: "scatter", mode: "lines+markers", name: "mean Goldstein", x, yaxis: "y2",
                y: series.map(r => r.goldstein_mean), line: { color: "#333", width: 1.5 } });
  Plotly.newPlot(div, traces, {
    barmode: "stack", margin: { t: 10, r: 50, b: 40, l: 40 }, legend: { orientation: "h", x: 0, y: 1.02, yanchor: "bottom" },
    yaxis: { title: { text: "count" } },
    yaxis2: { overlaying: "y", side: "right", range: [-10, 10], tickvals: [-10, -5, 0, 5, 10], showgrid: false,
              zeroline: false, title: { text: "Goldstein" } },
  }, PLOT_CONFIG).then(() => rendered(div));
  div.on("plotly_click", ev => {
    const p = ev.points[0];
    if (!p || !p.x) return;
    const start = String(p.x).slice(0, 10);
    const change = { date_from: start, date_to: periodEnd(start, freq) };
    if (p.data.type === "bar") change.quad = p.customdata;
    narrow(change);
  });
}

function drawOverview(data) { drawSeries(document.getElementById("chart-series"), data.series || [], data.freq); }

function drawDyads(data) {
  const freq = new URL(window.location.href).searchParams.get("freq") || "month";
  drawSeries(document.getElementById("chart-ab"), data.ab || [], freq);
  drawSeries(document.getElementById("chart-ba"), data.ba || [], freq);
}

function drawMap(data) {
  const div = document.getElementById("chart-map");
  if (!div || typeof Plotly === "undefined") return;
  const countries = data.countries || [], points = data.points || [];
  const traces = [{
    type: "choropleth", locationmode: "ISO-3", locations: countries.map(c => c.country),
    z: countries.map(c => c.events), colorscale: "Blues", reversescale: true, colorbar: { title: { text: "events" } },
    hovertemplate: "%{location}: %{z} events<extra></extra>", name: "countries",
  }, {
    type: "scattergeo", lon: points.map(p => p.lon), lat: points.map(p => p.lat),
    text: points.map(p => `${p.location_name || ""}: ${p.events}`), customdata: points.map(p => p.location_name),
    marker: { size: points.map(p => 5 + 3 * Math.sqrt(p.events)), color: "#c0392b", opacity: 0.7 },
    hoverinfo: "text", name: "places",
  }];
  Plotly.newPlot(div, traces, {
    margin: { t: 0, r: 0, b: 0, l: 0 }, showlegend: false,
    geo: { projection: { type: "natural earth" }, fitbounds: false, showcountries: true, countrycolor: "#bbb",
           showframe: false },
  }, PLOT_CONFIG).then(() => rendered(div));
  div.on("plotly_click", ev => {
    const p = ev.points[0];
    if (!p) return;
    if (p.data.type === "choropleth") narrow({ place: p.location });
    else if (p.customdata) narrow({ place: p.customdata });
  });
}

function drawNetwork(data) {
  const div = document.getElementById("chart-network");
  if (!div || typeof Plotly === "undefined") return;
  const nodes = data.nodes || [], edges = data.edges || [];
  const at = Object.fromEntries(nodes.map(n => [n.code, n]));
  const most = Math.max(1, ...edges.map(e => e.events));
  const annotations = edges.filter(e => at[e.source_code] && at[e.target_code] && e.source_code !== e.target_code).map(e => {
    const g = e.goldstein_mean === null ? 0 : e.goldstein_mean;
    const color = g < -1 ? "rgba(192,57,43,0.6)" : g > 1 ? "rgba(31,106,165,0.6)" : "rgba(120,120,120,0.6)";
    return { ax: at[e.source_code].x, ay: at[e.source_code].y, x: at[e.target_code].x, y: at[e.target_code].y,
             xref: "x", yref: "y", axref: "x", ayref: "y", showarrow: true, arrowhead: 2, arrowsize: 1,
             arrowwidth: 1 + 5 * e.events / most, arrowcolor: color, standoff: 8, startstandoff: 8, text: "" };
  });
  const trace = {
    type: "scatter", mode: "markers+text", x: nodes.map(n => n.x), y: nodes.map(n => n.y),
    text: nodes.map(n => n.code), customdata: nodes.map(n => n.code),
    // labels outside the circle, so that neighbours' labels do not overlap the arrows or each other
    textposition: nodes.map(n => n.x > 0.5 ? "middle right" : n.x < -0.5 ? "middle left" : n.y > 0 ? "top center"
                                                                                              : "bottom center"),
    hovertext: nodes.map(n => `${n.code} ${n.name || ""}: ${n.events} events`), hoverinfo: "text",
    marker: { size: nodes.map(n => 8 + 4 * Math.sqrt(n.events)), color: "#24476b" },
  };
  Plotly.newPlot(div, [trace], {
    margin: { t: 10, r: 10, b: 10, l: 10 }, annotations, showlegend: false,
    // an ellipse as wide as the chart: neighbours at the top and bottom get room for their labels
    xaxis: { visible: false, range: [-1.25, 1.25] }, yaxis: { visible: false, range: [-1.15, 1.15] },
  }, PLOT_CONFIG).then(() => rendered(div));
  div.on("plotly_click", ev => { const p = ev.points[0]; if (p && p.customdata) narrow({ actor: p.customdata }); });
}

function drawStates(data) {
  const div = document.getElementById("chart-states");
  if (!div || typeof Plotly === "undefined") return;
  const history = (data.history || []).filter(s => s.date);
  const levels = { collapsed: 0, suspended: 1, ongoing: 2, partial_agreement: 2.5, agreement: 3 };
  Plotly.newPlot(div, [{
    type: "scatter", mode: "lines+markers+text", line: { shape: "hv" }, x: history.map(s => s.date),
    y: history.map(s => levels[s.status] ?? 2), text: history.map(s => s.status.replace("_", " ")), textposition: "top center",
    hovertext: history.map(s => s.summary), hoverinfo: "text+x", cliponaxis: false,  // labels may reach the margins
  }], { margin: { t: 20, r: 70, b: 30, l: 70 }, yaxis: { visible: false, range: [-0.5, 3.7] } }, PLOT_CONFIG)
    .then(() => rendered(div));
}

function markSentence(node, text, marks) {
  node.textContent = "";
  let at = 0;
  for (const m of marks) {
    if (m.start < at) continue;
    node.append(document.createTextNode(text.slice(at, m.start)));
    const span = document.createElement("mark");
    span.className = "m-" + m.role;
    span.textContent = text.slice(m.start, m.end);
    span.title = m.role;
    node.append(span);
    at = m.end;
  }
  node.append(document.createTextNode(text.slice(at)));
}

function markSentences(root) {
  for (const node of root.querySelectorAll(".sentence[data-marks]")) {
    markSentence(node, node.textContent, JSON.parse(node.dataset.marks || "[]"));
  }
}

function reportItem(r) {
  const li = document.createElement("li");
  li.className = "report";
  const meta = document.createElement("div");
  meta.className = "meta";
  const outlet = document.createElement("b");
  outlet.className = "outlet";
  outlet.textContent = r.publisher || "unknown outlet";
  const link = document.createElement("a");
  link.href = "/articles/" + encodeURIComponent(r.article_id);
  link.textContent = r.title || r.article_id;
  meta.append(outlet, ` · ${r.published || ""} · `, link, ` · rule ${r.rule}`);
  const sentence = document.createElement("p");
  sentence.className = "sentence";
  markSentence(sentence, r.sentence.text, r.sentence.marks);
  const who = document.createElement("div");
  who.className = "attribution";
  const parts = [];
  if (r.speaker_text) parts.push(`${r.speaker_text} said`);
  if (r.reported_by && r.reported_by.length) parts.push("according to " + r.reported_by.join(", "));
  if (r.hedged) parts.push("hedged");
  if (r.quoted) parts.push("quoted");
  who.textContent = parts.length ? parts.join(" · ") : "told by the outlet";
  li.append(meta, sentence, who);
  return li;
}

async function toggleReports(button) {
  const row = button.closest("tr");
  const next = row.nextElementSibling;
  if (next && next.classList.contains("report-detail")) { next.remove(); button.textContent = "▸"; return; }
  button.textContent = "▾";
  const detail = document.createElement("tr");
  detail.className = "report-detail";
  const cell = document.createElement("td");
  cell.colSpan = row.children.length;
  cell.textContent = "loading…";
  detail.append(cell);
  row.after(detail);
  const response = await fetch("/api/v1/clusters/" + encodeURIComponent(button.dataset.cluster));
  const body = await response.json();
  cell.textContent = "";
  if (!response.ok) { cell.textContent = body.error ? body.error.message : "error"; return; }
  const list = document.createElement("ol");
  list.className = "reports";
  for (const r of body.reports) list.append(reportItem(r));
  cell.append(list);
}

function wireEvents() {
  for (const button of document.querySelectorAll("button.open[data-cluster]")) {
    button.addEventListener("click", () => toggleReports(button));
  }
}

function wireFilterForm() {
  const form = document.getElementById("filters");
  if (!form) return;
  // Leave empty fields and defaults out of the URL, so that it shows only the filter in force.
  form.addEventListener("submit", ev => {
    ev.preventDefault();
    const url = new URL(form.action, window.location.href);
    for (const [key, value] of new FormData(form).entries()) {
      const text = String(value).trim();
      if (!text || (key === "modality" && text === "factual")) continue;
      url.searchParams.set(key, text);
    }
    window.location.assign(url.toString());
  });
}

const DRAW = { overview: drawOverview, map: drawMap, dyads: drawDyads, actors: drawNetwork, negotiation: drawStates };

document.addEventListener("DOMContentLoaded", () => {
  const page = document.body.dataset.page;
  wireFilterForm();
  wireEvents();
  markSentences(document);
  if (DRAW[page]) DRAW[page](pageData());
});
