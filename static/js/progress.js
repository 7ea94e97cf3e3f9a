// The progress page's chart: the student's scores over time, from the page's json_script data.
(function () {
  "use strict";
  const source = document.getElementById("score-chart-data");
  const canvas = document.getElementById("score-chart");
  if (!source || !canvas || typeof window.Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  new window.Chart(canvas, {
    type: "line",
    data: {
      labels: data.labels,
      datasets: [
        {
          label: "Score (%)",
          data: data.scores,
          borderColor: "#0d6efd",
          backgroundColor: "rgba(13, 110, 253, 0.15)",
          fill: true,
          tension: 0.2,
        },
      ],
    },
    options: {
      animation: false,
      scales: { y: { min: 0, max: 100, ticks: { callback: (value) => value + "%" } } },
      plugins: { legend: { display: false } },
    },
  });
})();
