// Practice mode: move focus where a keyboard or screen-reader user needs it, and stop
// a double click from sending an answer twice.
(() => {
  "use strict";

  const verdict = document.getElementById("practice-verdict");
  if (verdict) {
    verdict.focus();
  } else {
    const first = document.querySelector(".practice-form input:not([type=hidden]), .practice-form select");
    if (first) first.focus();
  }

  document.querySelectorAll(".practice form").forEach((form) => {
    form.addEventListener("submit", () => {
      window.setTimeout(() => {
        form.querySelectorAll("button[type=submit]").forEach((button) => {
          button.disabled = true;
        });
      }, 0);
    });
  });
})();
