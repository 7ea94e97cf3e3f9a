// Gradebook: narrow the rows to the students whose name matches what is typed.
(() => {
  const input = document.querySelector("[data-gradebook-filter]");
  const table = document.querySelector("[data-gradebook]");
  if (!input || !table) return;
  input.addEventListener("input", () => {
    const words = input.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    table.querySelectorAll("tbody tr").forEach((row) => {
      const name = row.dataset.student || "";
      row.hidden = !words.every((word) => name.includes(word));
    });
  });
})();
