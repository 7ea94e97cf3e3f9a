// The quiz builder, progressively enhanced: without JavaScript every question shows and
// the form still works; with it, filters, a live count, "select all ready", live warnings
// for picks that give each other away, and the error summary focused.
(function () {
  "use strict";

  const form = document.querySelector("[data-quiz-builder]");
  const summary = document.querySelector("[data-error-summary]");

  // The error summary: read first, and each link puts the cursor in its field.
  if (summary) {
    summary.focus();
    summary.addEventListener("click", function (event) {
      const link = event.target.closest("a[href^='#']");
      const target = link && document.getElementById(link.hash.slice(1));
      if (!target) {
        return;
      }
      event.preventDefault();
      const field = target.matches("input, select, textarea")
        ? target
        : target.querySelector("input, select, textarea") || target;
      field.scrollIntoView({ block: "center" });
      field.focus();
    });
  }

  const picker = document.querySelector("[data-picker]");
  if (!form || !picker) {
    return;
  }
  const rows = Array.from(picker.querySelectorAll("[data-question-row]"));
  const box = function (row) {
    return row.querySelector("input[type=checkbox]");
  };
  const byId = new Map(rows.map(function (row) {
    return [row.dataset.id, row];
  }));
  const filters = {};
  picker.querySelectorAll("[data-filter]").forEach(function (control) {
    filters[control.dataset.filter] = control;
  });
  picker.querySelectorAll("[data-picker-tools]").forEach(function (tools) {
    tools.hidden = false;
  });

  function matches(row) {
    const kind = filters.kind.value;
    const tier = filters.tier.value;
    const point = filters["key-point"].value;
    const words = filters.search.value.trim().toLowerCase();
    if (kind && row.dataset.kind !== kind) {
      return false;
    }
    if (tier === "picked" ? !box(row).checked : tier && row.dataset.tier !== tier) {
      return false;
    }
    if (point && row.dataset.keyPoint !== point) {
      return false;
    }
    return !words || row.textContent.toLowerCase().includes(words);
  }

  function promptOf(row) {
    return row.querySelector("[data-prompt]").textContent.trim();
  }

  function showGiveaways() {
    const warnings = picker.querySelector("[data-giveaway-warnings]");
    const list = warnings.querySelector("[data-giveaway-list]");
    list.replaceChildren();
    rows.forEach(function (row) {
      if (!box(row).checked) {
        return;
      }
      JSON.parse(row.dataset.giveaways || "[]").forEach(function (pair) {
        const other = byId.get(String(pair[0]));
        if (other && box(other).checked && Number(row.dataset.id) < Number(pair[0])) {
          const item = document.createElement("li");
          item.textContent =
            "“" + promptOf(row) + "” and “" + promptOf(other) + "”: " + pair[1] + ".";
          list.appendChild(item);
        }
      });
    });
    warnings.hidden = list.children.length === 0;
  }

  function update() {
    let shown = 0;
    let picked = 0;
    rows.forEach(function (row) {
      row.hidden = !matches(row);
      shown += row.hidden ? 0 : 1;
      picked += box(row).checked ? 1 : 0;
    });
    picker.querySelectorAll("[data-picker-group]").forEach(function (group) {
      group.hidden = !group.querySelector("[data-question-row]:not([hidden])");
    });
    picker.querySelector("[data-picked-count]").textContent = picked;
    picker.querySelector("[data-shown-count]").textContent = shown;
    showGiveaways();
  }

  Object.values(filters).forEach(function (control) {
    control.addEventListener("input", update);
  });
  picker.addEventListener("change", function (event) {
    if (event.target.matches("input[type=checkbox]")) {
      update();
    }
  });
  picker.querySelector("[data-select-ready]").addEventListener("click", function () {
    rows.forEach(function (row) {
      if (!row.hidden && (row.dataset.tier === "ready" || row.dataset.tier === "approved")) {
        box(row).checked = true;
      }
    });
    update();
  });
  picker.querySelector("[data-select-none]").addEventListener("click", function () {
    rows.forEach(function (row) {
      box(row).checked = false;
    });
    update();
  });
  // Search must not send the form when Enter is pressed in it.
  filters.search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      event.preventDefault();
    }
  });

  // Only the part of the form the chosen way of picking uses.
  const randomOnly = form.querySelector("[data-random-only]");
  function showMode() {
    const mode = form.querySelector("input[name=selection_mode]:checked");
    if (!mode) {
      return;
    }
    const random = mode.value === "random";
    picker.hidden = random;
    if (randomOnly) {
      randomOnly.hidden = !random;
    }
  }
  form.querySelectorAll("input[name=selection_mode]").forEach(function (radio) {
    radio.addEventListener("change", showMode);
  });
  showMode();
  update();
})();
