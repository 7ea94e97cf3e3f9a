// Question form: show only the boxes the chosen kind uses. Without JavaScript every box
// shows, with help text saying which kinds use it.
(function () {
  "use strict";
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
})();
