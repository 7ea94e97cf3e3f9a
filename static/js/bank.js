// Bank pages, progressively enhanced: everything works as plain forms without JavaScript.
(function () {
  "use strict";

  // Question form: show only the boxes the chosen kind uses. Without JavaScript every box
  // shows, with help text saying which kinds use it.
  const USES = {
    options: ["multiple_choice", "multiple_response"],
    accepted: ["fill_blank", "short_answer"],
  };
  document.querySelectorAll("[data-bank-kind-form]").forEach(function (form) {
    const kind = form.querySelector("select[name=kind]");
    if (!kind) {
      return;
    }
    function update() {
      Object.keys(USES).forEach(function (name) {
        const field = form.querySelector("[name=" + name + "]");
        const wrapper = field && field.closest(".mb-3");
        if (wrapper) {
          wrapper.hidden = kind.value !== "" && !USES[name].includes(kind.value);
        }
      });
    }
    kind.addEventListener("change", update);
    update();
  });

  // Approve and reject in place: post the button's form in the background and update the
  // item's badge, its buttons and the tallies, instead of reloading a long page.
  const BADGES = {
    generated: "text-bg-secondary",
    approved: "text-bg-success",
    edited: "text-bg-info",
    rejected: "text-bg-danger",
  };
  const live = document.getElementById("bank-live");

  function showStatus(item, result) {
    item.dataset.status = result.status;
    const badge = item.querySelector(".bank-status");
    badge.className = "badge bank-status " + BADGES[result.status];
    badge.textContent = result.label;
    item.querySelectorAll(".bank-review-buttons button").forEach(function (button) {
      button.closest("form").hidden = button.value === result.status;
    });
    Object.keys(result.counts).forEach(function (status) {
      const count = document.querySelector(
        '[data-count="' + result.item + "-" + status + '"]'
      );
      if (count) {
        count.textContent = result.counts[status];
      }
    });
    if (live) {
      live.textContent = result.message;
    }
  }

  document.addEventListener("submit", function (event) {
    const form = event.target.closest(".bank-review-buttons form");
    const item = form && form.closest(".bank-item");
    if (!item || !window.fetch) {
      return;
    }
    event.preventDefault();
    const button = form.querySelector("button[name=status]");
    const data = new FormData(form);
    data.set("status", button.value);
    button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "XMLHttpRequest" },
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.statusText);
        }
        return response.json();
      })
      .then(function (result) {
        showStatus(item, result);
      })
      .catch(function () {
        // Fall back to the plain form, which reports any problem on its own page;
        // submit() sends no button, so the decision travels in a hidden field.
        const decision = document.createElement("input");
        decision.type = "hidden";
        decision.name = "status";
        decision.value = button.value;
        form.appendChild(decision);
        form.submit();
      })
      .finally(function () {
        button.disabled = false;
      });
  });

  // Review several at once: count the ticked items and tick every one shown (the folded
  // rejected items only while their list is open).
  const bulk = document.getElementById("bank-bulk");
  if (bulk) {
    const counter = bulk.querySelector("[data-bulk-count]");
    const all = bulk.querySelector("[data-bulk-all]");
    bulk.querySelectorAll("[data-bulk-tools]").forEach(function (tools) {
      tools.hidden = false;
    });
    const shown = function () {
      return Array.from(document.querySelectorAll("[data-bulk-item]")).filter(function (box) {
        const folded = box.closest(".bank-folded");
        return !folded || folded.open;
      });
    };
    const count = function () {
      const ticked = document.querySelectorAll("[data-bulk-item]:checked").length;
      counter.textContent = ticked + " selected";
    };
    document.addEventListener("change", function (event) {
      if (event.target.matches("[data-bulk-item]")) {
        count();
      }
    });
    all.addEventListener("change", function () {
      shown().forEach(function (box) {
        box.checked = all.checked;
      });
      count();
    });
    count();
  }
})();
