// Flashcard study: flip with a click or the space bar, rate with buttons or keys 1-4.
// Each rating is posted at once; the server answers with the next card's HTML. Without
// this script the same page works with plain links and form posts.
(() => {
  "use strict";

  const slot = document.getElementById("study-card-slot");
  const status = document.getElementById("study-status");
  let shownAt = Date.now();
  let busy = false;

  const currentCard = () => document.getElementById("study-card");
  const isRevealed = (card) => Boolean(card) && card.dataset.revealed === "true";

  function announce(text) {
    if (!status) return;
    // Clearing first makes screen readers repeat a message identical to the last one.
    status.textContent = "";
    window.setTimeout(() => {
      status.textContent = text;
    }, 60);
  }

  function updateCounts(attribute, counts) {
    Object.entries(counts || {}).forEach(([name, value]) => {
      document.querySelectorAll(`[${attribute}="${name}"]`).forEach((element) => {
        element.textContent = String(value);
      });
    });
  }

  function reveal() {
    const card = currentCard();
    if (!card || card.dataset.done || isRevealed(card)) return;
    const back = card.querySelector("#study-back");
    if (!back) return;
    back.hidden = false;
    card.dataset.revealed = "true";
    const flip = card.querySelector(".study-flip");
    if (flip) {
      flip.setAttribute("aria-expanded", "true");
      flip.closest(".study-flip-slot").hidden = true;
    }
    const answer = card.querySelector(".study-back-text");
    announce(
      `Answer: ${answer ? answer.textContent.trim() : ""}. ` +
        "Rate it: 1 Again, 2 Hard, 3 Good, 4 Easy.",
    );
    card.focus();
  }

  function showError(message) {
    announce(message);
    const card = currentCard();
    if (!card) return;
    let alert = card.querySelector(".study-error");
    if (!alert) {
      alert = document.createElement("p");
      alert.className = "study-error alert alert-danger m-3";
      alert.setAttribute("role", "alert");
      card.prepend(alert);
    }
    alert.textContent = message;
  }

  async function rate(value) {
    const card = currentCard();
    if (!card || !isRevealed(card) || busy) return;
    const form = card.querySelector("form.study-rate");
    const data = new FormData(form);
    data.set("rating", String(value));
    data.set("duration_ms", String(Math.max(0, Date.now() - shownAt)));
    busy = true;
    form.querySelectorAll("button").forEach((button) => {
      button.disabled = true;
    });
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      const payload = await response.json();
      if (!response.ok) {
        showError(payload.error || "That rating could not be saved.");
        return;
      }
      slot.innerHTML = payload.html;
      updateCounts("data-study-count", payload.counts);
      updateCounts("data-study-total", payload.totals);
      updateCounts("data-study-activity", payload.activity);
      shownAt = Date.now();
      const next = currentCard();
      const front = next && next.querySelector(".study-front");
      announce(
        `${payload.message} ` +
          (front ? `Next card: ${front.textContent.trim()}` : "All done for now."),
      );
      if (next) next.focus();
    } catch (error) {
      showError("The rating could not reach the server. Check your connection and try again.");
    } finally {
      busy = false;
      const card = currentCard();
      if (card) {
        card.querySelectorAll("form.study-rate button").forEach((button) => {
          button.disabled = false;
        });
      }
    }
  }

  function isTyping(target) {
    return (
      target instanceof HTMLElement &&
      (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
    );
  }

  function drawChart() {
    const canvas = document.getElementById("study-chart");
    const source = document.getElementById("study-chart-data");
    if (!canvas || !source || !window.Chart) return;
    const data = JSON.parse(source.textContent);
    // eslint-disable-next-line no-new
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [{ label: "Cards reviewed", data: data.counts, backgroundColor: "#0d6efd" }],
      },
      options: {
        animation: false,
        aspectRatio: 2,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  }

  if (slot) {
    slot.addEventListener("click", (event) => {
      const flip = event.target.closest(".study-flip");
      if (flip) {
        event.preventDefault();
        reveal();
        return;
      }
      // A click anywhere on the card's face flips it too, but not on its links or buttons.
      if (event.target.closest("a, button, form, input")) return;
      if (event.target.closest(".study-card-body")) reveal();
    });

    slot.addEventListener("submit", (event) => {
      const button = event.submitter;
      if (!button || button.name !== "rating") return;
      event.preventDefault();
      rate(button.value);
    });

    document.addEventListener("keydown", (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const card = currentCard();
      if (!card) return;
      if (event.key === " " || event.key === "Spacebar") {
        // On a focused button or link the space bar keeps its usual meaning.
        const control = event.target.closest("button, a, [role=button], summary");
        if (control && !control.classList.contains("study-flip")) return;
        event.preventDefault();
        reveal();
      } else if (["1", "2", "3", "4"].includes(event.key) && isRevealed(card)) {
        event.preventDefault();
        rate(event.key);
      }
    });
  }

  drawChart();
})();
