// The border markers on the vendored base map, one series per status; gates as squares. Data: json_script blocks.
(function () {
  const read = (id) => JSON.parse(document.getElementById(id).textContent);
  const esc = (text) => echarts.format.encodeHTML(String(text ?? ""));  // tooltips are HTML: names come from users
  const element = document.getElementById("marker-map");
  if (!element || !window.echarts) return;
  const bbox = read("map-bbox");
  const points = read("marker-points");
  const gates = read("gate-points");
  const statuses = read("marker-statuses");
  echarts.registerMap("border", read("base-map"));
  const chart = echarts.init(element, null, { renderer: "canvas" });
  const series = statuses.map((s) => ({
    name: s.label,
    type: "scatter",
    coordinateSystem: "geo",
    symbolSize: 9,
    itemStyle: { color: s.colour, borderColor: "#fff", borderWidth: 1 },
    data: points.filter((p) => p.status === s.value),
    tooltip: {
      formatter: (p) =>
        `<strong>${esc(p.data.kind)} ${esc(p.data.name)}</strong><br>` +
        interpolate(gettext("Xã %(commune)s"), { commune: esc(p.data.commune) }, true) +
        (p.data.facing ? "<br>" + interpolate(gettext("Đối diện: %(facing)s"), { facing: esc(p.data.facing) }, true) : "") +
        "<br>" + interpolate(gettext("Tình trạng: %(status)s"), { status: esc(s.label) }, true) +
        (p.data.inspected
          ? "<br>" + interpolate(gettext("Kiểm tra gần nhất: %(date)s"), { date: esc(p.data.inspected) }, true)
          : ""),
    },
  }));
  series.push({
    name: gettext("Cửa khẩu"),
    type: "scatter",
    coordinateSystem: "geo",
    symbol: "rect",
    symbolSize: 11,
    itemStyle: { color: "#6f42c1", borderColor: "#fff", borderWidth: 1 },
    data: gates,
    label: { show: true, position: "right", formatter: (p) => p.data.name, fontSize: 11, color: "#333" },
    tooltip: {
      formatter: (p) =>
        `<strong>${esc(p.data.name)}</strong>` +
        (p.data.facing ? "<br>" + interpolate(gettext("Đối diện: %(facing)s"), { facing: esc(p.data.facing) }, true) : "") +
        (p.data.upgrade ? "<br>" + interpolate(gettext("Nâng cấp: %(upgrade)s"), { upgrade: esc(p.data.upgrade) }, true) : ""),
    },
  });
  chart.setOption({
    tooltip: { trigger: "item" },
    legend: { top: 8, left: 8, orient: "vertical", backgroundColor: "rgba(255,255,255,.85)" },
    geo: {
      map: "border",
      roam: true,
      scaleLimit: { min: 1, max: 12 },
      boundingCoords: bbox ? [[bbox[0], bbox[3]], [bbox[2], bbox[1]]] : undefined,
      // Degrees of longitude are shorter than degrees of latitude by cos(latitude) at the province's latitude.
      aspectScale: bbox ? Math.cos((((bbox[1] + bbox[3]) / 2) * Math.PI) / 180) : 0.75,
      itemStyle: { areaColor: "#f3f1ea", borderColor: "#9a9a9a", borderWidth: 0.6 },
      emphasis: { disabled: true },
      select: { disabled: true },
      regions: [
        { name: "Lào", itemStyle: { areaColor: "#e6edf5" } },
        { name: read("map-province"), itemStyle: { areaColor: "#fbf3da" } },
      ],
      label: { show: false },
      tooltip: { show: false },
    },
    series: series,
  });
  chart.on("click", (p) => {
    if (p.data && p.data.url) window.location.href = p.data.url;
  });
  window.addEventListener("resize", () => chart.resize());
})();
