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

// "Count missing work as 0": the switch applies itself; the Apply button is for no script.
(() => {
  const form = document.querySelector("[data-gradebook-options]");
  if (!form) return;
  const button = form.querySelector("[data-autosubmit-button]");
  if (button) button.hidden = true;
  form.querySelectorAll("[data-autosubmit]").forEach((input) => {
    input.addEventListener("change", () => form.requestSubmit());
  });
})();
