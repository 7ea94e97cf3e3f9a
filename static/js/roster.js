// The one-time passwords: a Print button (no inline handlers, for the CSP). The button may
// arrive later, with a finished job's result, so the click is caught on the document.
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print-page]")) window.print();
});
