// The one-time passwords page: a Print button (no inline handlers, for the CSP).
document.querySelectorAll("[data-print-page]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
