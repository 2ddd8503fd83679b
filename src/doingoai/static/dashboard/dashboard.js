/* Dashboard charts (Apache ECharts). The figures and the list address of each come embedded in the page
   (json_script "dashboard-data"); a click on a bar, slice or country opens that filtered list. */
(function () {
  "use strict";
  const source = document.getElementById("dashboard-data");
  if (!source || typeof echarts === "undefined") return;
  const data = JSON.parse(source.textContent);
  const fmt = new Intl.NumberFormat(document.documentElement.lang || "vi");  // 1.234,5 in Vietnamese, 1,234.5 in English
  const num = (v) => fmt.format(v || 0);
  const charts = [];
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  const font = { fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" };

  function make(id, option) {
    const el = document.getElementById(id);
    if (!el) return null;
    const chart = echarts.init(el, null, { renderer: "canvas" });
    chart.setOption(Object.assign({ textStyle: font, animation: false }, option));
    chart.on("click", (p) => {
      const link = p.data && p.data.link;
      if (link) window.location.href = link;
    });
    // A pointer only where a click leads somewhere.
    chart.on("mouseover", (p) => { el.style.cursor = p.data && p.data.link ? "pointer" : "default"; });
    charts.push(chart);
    return chart;
  }
  window.addEventListener("resize", () => charts.forEach((c) => c.resize()));

  const valueAxis = { type: "value", minInterval: 1, axisLabel: { formatter: num } };
  const barLabel = { show: true, formatter: (p) => (p.value ? num(p.value) : ""), fontSize: 11 };

  // Planned vs done per quarter and direction.
  const colours = { out: ["#9ec5fe", "#0d6efd"], in: ["#a3cfbb", "#198754"] };
  make("chart-quarters", {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: num },
    legend: { type: "scroll", top: 0 },
    grid: { left: 40, right: 10, top: 40, bottom: 25 },
    xAxis: { type: "category", data: data.quarters.labels, axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: valueAxis,
    series: data.quarters.series.map((s) => ({
      type: "bar", name: s.name, data: s.data, barMaxWidth: 36, label: Object.assign({ position: "top" }, barLabel),
      itemStyle: { color: colours[s.direction][s.measure === "done" ? 1 : 0] },
    })),
  });

  function horizontalBars(id, items, colour) {
    return make(id, {
      tooltip: { trigger: "item", formatter: (p) => `${esc(p.name)}: <b>${num(p.value)}</b>` },
      grid: { left: 10, right: 40, top: 10, bottom: 10, containLabel: true },
      xAxis: valueAxis,
      yAxis: { type: "category", inverse: true, data: items.map((i) => i.label), axisLabel: { width: 150, overflow: "truncate" } },
      series: [{ type: "bar", data: items.map((i) => ({ value: i.value, link: i.link, name: i.label })),
        barMaxWidth: 26, itemStyle: { color: colour }, label: Object.assign({ position: "right" }, barLabel) }],
    });
  }
  horizontalBars("chart-regions", data.regions, "#0d6efd");
  horizontalBars("chart-countries", data.countries.slice(0, 12), "#0a58ca");
  horizontalBars("chart-conferences", data.conference_status, "#6f42c1");
  horizontalBars("chart-agreements", data.agreement_status, "#fd7e14");

  make("chart-funding", {
    tooltip: { trigger: "item", formatter: (p) => `${esc(p.name)}: <b>${num(p.value)}</b> (${num(p.percent)}%)` },
    legend: { type: "scroll", orient: "vertical", right: 0, top: "middle", textStyle: { width: 130, overflow: "truncate" } },
    series: [{
      type: "pie", radius: ["30%", "62%"], center: ["30%", "50%"],
      label: { formatter: (p) => num(p.value) },
      data: data.funding.map((f) => ({ name: f.label, value: f.value, link: f.link })),
    }],
  });

  // The year's budget by funding source: estimate, appraised, approved, spent (VND).
  if (data.budget && data.budget.sources.length) {
    const money = (v) => (v >= 1e9
      ? interpolate(gettext("%(amount)s tỷ"), { amount: num(Math.round(v / 1e8) / 10) }, true)
      : v ? interpolate(gettext("%(amount)s tr"), { amount: num(Math.round(v / 1e6)) }, true) : "0");
    make("chart-budget", {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: (v) => interpolate(gettext("%(amount)s đ"), { amount: num(v) }, true) },
      legend: { type: "scroll", top: 0 },
      grid: { left: 10, right: 20, top: 35, bottom: 10, containLabel: true },
      xAxis: { type: "value", splitNumber: 3, axisLabel: { formatter: money, fontSize: 11 } },
      yAxis: { type: "category", inverse: true, data: data.budget.sources, axisLabel: { width: 120, overflow: "truncate" } },
      color: ["#9ec5fe", "#0d6efd", "#198754", "#fd7e14"],
      series: data.budget.series.map((s) => ({
        type: "bar", name: s.name, data: s.data.map((v) => ({ value: v, link: data.budget.link })), barMaxWidth: 14,
      })),
    });
  } else {
    const el = document.getElementById("chart-budget");
    if (el) el.innerHTML = '<p class="text-muted small m-2">' + gettext("Chưa có dự toán kinh phí trong năm.") + "</p>";
  }

  // The world map: Natural Earth 1:110m countries keyed by ISO 3166 alpha-2 (`iso_a2`).
  const mapEl = document.getElementById("chart-map");
  if (mapEl) {
    fetch(mapEl.dataset.geo).then((r) => r.json()).then((geo) => {
      geo.features = geo.features.filter((f) => f.properties.iso_a2 !== "AQ");
      echarts.registerMap("world", geo);
      const drawn = new Set(geo.features.map((f) => f.properties.iso_a2));
      const max = Math.max(1, ...data.countries.map((c) => c.value));
      const pieces = [[1, 1], [2, 4], [5, 9], [10, 24], [25, Infinity]]
        .filter(([lo]) => lo <= max)
        .map(([lo, hi]) => (hi === Infinity ? { min: lo, label: interpolate(gettext("từ %(number)s"), { number: num(lo) }, true) } : lo === hi ? { min: lo, max: hi, label: num(lo) } : { min: lo, max: hi, label: `${num(lo)}–${num(hi)}` }));
      make("chart-map", {
        tooltip: {
          trigger: "item",
          formatter: (p) => (p.data
            ? `<b>${esc(p.data.label)}</b><br>` +
              interpolate(gettext("Đoàn ra: %(out)s<br>Đoàn vào: %(in)s<br>Tổng: <b>%(total)s</b>"),
                { out: num(p.data.out), in: num(p.data.in), total: num(p.data.value) }, true)
            : ""),
        },
        visualMap: {
          type: "piecewise", pieces: pieces, left: 10, bottom: 10, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 11 },
          inRange: { color: ["#cfe2ff", "#9ec5fe", "#3d8bfd", "#0a58ca", "#052c65"].slice(0, pieces.length) },
        },
        series: [{
          type: "map", map: "world", nameProperty: "iso_a2", roam: true, scaleLimit: { min: 1, max: 12 },
          top: 10, bottom: 10, left: 10, right: 10,
          itemStyle: { areaColor: "#eef0f3", borderColor: "#adb5bd", borderWidth: 0.5 },
          emphasis: { label: { show: false }, itemStyle: { areaColor: "#ffc107" } },
          select: { disabled: true },
          data: data.countries.map((c) => ({ name: c.name, value: c.value, label: c.label, out: c.out, in: c.in, link: c.link })),
        }],
      });
      const missing = data.countries.filter((c) => !drawn.has(c.name));
      const note = document.getElementById("map-missing");
      if (missing.length && note) {
        note.innerHTML = gettext("Nước nhỏ không vẽ được ở tỉ lệ bản đồ này: ") +
          missing.map((c) => `<a href="${esc(c.link)}">${esc(c.label)}</a> (${num(c.value)})`).join(", ");
        note.hidden = false;
      }
    });
  }
})();
