// The public investment page: sector bars and the map of opportunities (data from the json_script blocks).
(function () {
  var read = function (id) { return JSON.parse(document.getElementById(id).textContent); };
  var chartData = read("chart-data"), points = read("points-data"), geo = read("geo-data");
  var lang = document.documentElement.lang;
  var esc = echarts.format.encodeHTML;

  var bars = echarts.init(document.getElementById("sector-chart"));
  bars.setOption({
    aria: {enabled: true},
    grid: {left: 8, right: 40, top: 8, bottom: 8, containLabel: true},
    tooltip: {trigger: "axis", axisPointer: {type: "shadow"}},
    xAxis: {type: "value", minInterval: 1},
    yAxis: {type: "category", inverse: true, data: chartData.labels,
            axisLabel: {width: 220, overflow: "truncate"}},
    series: [{type: "bar", data: chartData.values, itemStyle: {color: "#0d6efd"},
              label: {show: true, position: "right"}}]
  });
  bars.on("click", function (p) {
    window.location.search = "?lang=" + lang + "&sector=" + encodeURIComponent(chartData.codes[p.dataIndex]);
  });
  var charts = [bars];

  if (geo) {
    echarts.registerMap("province", geo.geojson);
    var b = geo.bbox, pad = 0.12, midLat = (b[1] + b[3]) / 2;
    var map = echarts.init(document.getElementById("investment-map"));
    map.setOption({
      aria: {enabled: true},
      tooltip: {trigger: "item", formatter: function (p) {
        if (p.seriesType === "scatter") { return "<strong>" + esc(p.name) + "</strong><br>" + esc(p.data.sector); }
        return esc(p.name);
      }},
      geo: {
        map: "province", roam: true, aspectScale: Math.cos(midLat * Math.PI / 180),
        boundingCoords: [[b[0] - pad, b[3] + pad], [b[2] + pad, b[1] - pad]],
        itemStyle: {areaColor: "#f1f3f5", borderColor: "#adb5bd"},
        emphasis: {itemStyle: {areaColor: "#e7f1ff"}, label: {show: false}},
        regions: [{name: geo.name, itemStyle: {areaColor: "#dbe9fb", borderColor: "#0d6efd", borderWidth: 1.5}}]
      },
      series: [{type: "scatter", coordinateSystem: "geo", data: points, symbolSize: 12,
                itemStyle: {color: "#dc3545", borderColor: "#fff", borderWidth: 1}}]
    });
    charts.push(map);
  }
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
})();
