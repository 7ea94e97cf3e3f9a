// A job's page: ask the server how the job is going and show it, without reloading, until
// it is finished. Without this script the page refreshes itself (a <noscript> meta refresh).
(function () {
  "use strict";

  const box = document.getElementById("job");
  if (!box || box.dataset.finished === "1") return;
  let delay = 1000;

  async function poll() {
    try {
      const response = await fetch(box.dataset.jobUrl, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (response.ok) {
        const data = await response.json();
        box.innerHTML = data.html; // rendered and escaped by the server
        if (data.finished) {
          box.dataset.finished = "1";
          const heading = box.querySelector("h1");
          if (heading) heading.setAttribute("tabindex", "-1");
          return;
        }
        delay = 1000;
      } else {
        delay = Math.min(delay * 2, 10000);
      }
    } catch (error) {
      delay = Math.min(delay * 2, 10000); // offline for a moment: keep asking, less often
    }
    window.setTimeout(poll, delay);
  }

  window.setTimeout(poll, delay);
})();
