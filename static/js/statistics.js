// Assignment statistics: the score distribution as a bar chart (Chart.js 4, served locally).
(() => {
  const canvas = document.getElementById("score-distribution");
  const source = document.getElementById("score-distribution-data");
  if (!canvas || !source || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [{ label: "Students", data: data.counts, backgroundColor: "#0d6efd" }],
    },
    options: {
      maintainAspectRatio: false,
      plugins: { legend: { display: false } },
      scales: {
        x: { title: { display: true, text: "Grade" } },
        y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "Students" } },
      },
    },
  });
})();
