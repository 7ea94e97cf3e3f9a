// The take page: save each answer to the server as it changes, keep unsent answers in
// localStorage so a dropped connection loses nothing, count down to the server's deadline,
// and move ordering items with buttons. Without this script the form still posts normally.
(function () {
  "use strict";

  const root = document.getElementById("attempt");
  const form = document.getElementById("attempt-form");
  if (!root || !form) return;

  const saveUrl = root.dataset.saveUrl;
  const queueKey = "attempt-" + root.dataset.attemptId + "-unsaved";
  const csrfToken = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  const statusBox = document.getElementById("save-status");
  const progress = document.getElementById("attempt-progress");
  const answeredLabel = document.querySelector("[data-answered]");
  const closedBox = document.getElementById("attempt-closed");
  const notesBox = document.getElementById("save-notes");

  let queue = loadQueue(); // question id -> {given, check, seq}
  let sequence = Date.now();
  let flushing = false;
  let closed = false;
  let retryTimer = null;
  let retryDelay = 1000;
  let refusedCount = 0;
  const typingTimers = {};

  function loadQueue() {
    try {
      return JSON.parse(window.localStorage.getItem(queueKey)) || {};
    } catch (error) {
      return {};
    }
  }

  function storeQueue() {
    try {
      if (Object.keys(queue).length) window.localStorage.setItem(queueKey, JSON.stringify(queue));
      else window.localStorage.removeItem(queueKey);
    } catch (error) {
      // Private browsing without storage: answers still go straight to the server.
    }
  }

  function setStatus(text, tone) {
    statusBox.textContent = text;
    statusBox.className = "text-" + (tone || "muted");
  }

  function boxFor(questionId) {
    return form.querySelector('[data-question-id="' + questionId + '"]');
  }

  // The answer shown in a question's inputs, in the shape the server stores;
  // undefined means "not finished yet" (an ordering with gaps), so nothing is sent.
  function readGiven(box) {
    const kind = box.dataset.kind;
    const name = "q" + box.dataset.questionId;
    if (kind === "multiple_choice" || kind === "true_false") {
      const picked = box.querySelector('input[name="' + name + '"]:checked');
      return picked ? picked.value : null;
    }
    if (kind === "fill_blank" || kind === "short_answer") {
      const typed = box.querySelector('input[name="' + name + '"]').value.trim();
      return typed || null;
    }
    if (kind === "multiple_response") {
      const ticked = Array.from(box.querySelectorAll('input[name="' + name + '"]:checked'));
      return ticked.length ? ticked.map((input) => input.value) : null;
    }
    if (kind === "matching") {
      const matched = {};
      box.querySelectorAll("select[data-left]").forEach((select) => {
        if (select.value) matched[select.dataset.left] = select.value;
      });
      return Object.keys(matched).length ? matched : null;
    }
    if (kind === "ordering") {
      const rows = Array.from(box.querySelectorAll("[data-item]"));
      const places = rows.map((row) => parseInt(row.querySelector("select").value, 10));
      if (places.every(isNaN)) return null;
      if (places.some(isNaN) || new Set(places).size !== places.length) return undefined;
      return rows
        .map((row, index) => [places[index], row.dataset.item])
        .sort((a, b) => a[0] - b[0])
        .map((pair) => pair[1]);
    }
    return null;
  }

  // Put an answer back into the inputs (answers that never reached the server).
  function writeGiven(box, given) {
    const kind = box.dataset.kind;
    const name = "q" + box.dataset.questionId;
    if (kind === "fill_blank" || kind === "short_answer") {
      box.querySelector('input[name="' + name + '"]').value = given || "";
    } else if (kind === "multiple_choice" || kind === "true_false" || kind === "multiple_response") {
      const chosen = Array.isArray(given) ? given : [given];
      box.querySelectorAll('input[name="' + name + '"]').forEach((input) => {
        input.checked = chosen.indexOf(input.value) !== -1;
      });
    } else if (kind === "matching") {
      box.querySelectorAll("select[data-left]").forEach((select) => {
        select.value = (given && given[select.dataset.left]) || "";
      });
    } else if (kind === "ordering" && Array.isArray(given)) {
      const list = box.querySelector("[data-ordering]");
      given.forEach((item) => {
        const row = Array.from(list.children).find((li) => li.dataset.item === item);
        if (row) list.appendChild(row);
      });
      renumber(box);
    }
  }

  function renumber(box) {
    box.querySelectorAll("[data-item] select").forEach((select, index) => {
      select.value = String(index + 1);
    });
  }

  function showQuestionError(questionId, message) {
    const box = boxFor(questionId);
    const slot = box && box.querySelector("[data-question-error]");
    if (slot) slot.textContent = message || "";
  }

  function showClosed(message, reviewUrl) {
    closed = true;
    queue = {};
    storeQueue();
    closedBox.querySelector("[data-message]").textContent = message;
    if (reviewUrl) closedBox.querySelector("[data-review-link]").href = reviewUrl;
    closedBox.classList.remove("d-none");
    form.querySelectorAll("input, select, button").forEach((element) => {
      if (element.type !== "hidden") element.disabled = true;
    });
    setStatus("Not saved", "danger");
    closedBox.scrollIntoView({ block: "center" });
  }

  function showFeedback(questionId, feedback) {
    const box = boxFor(questionId);
    if (!box) return;
    box.dataset.locked = "1";
    box.querySelectorAll("input, select, button").forEach((element) => {
      element.disabled = true;
    });
    const slot = box.querySelector("[data-feedback]");
    if (!slot) return;
    const tone = feedback.correct ? "success" : feedback.mark ? "warning" : "danger";
    const verdict = feedback.correct ? "Right." : feedback.mark ? "Partly right." : "Not right.";
    const alert = document.createElement("div");
    alert.className = "alert alert-" + tone + " py-2 mb-0";
    const strong = document.createElement("strong");
    strong.textContent = verdict;
    alert.append(strong, " The answer: " + feedback.right_answer);
    if (feedback.explanation) {
      const why = document.createElement("div");
      why.className = "small";
      why.textContent = feedback.explanation;
      alert.append(why);
    }
    slot.replaceChildren(alert);
  }

  function updateProgress(data) {
    if (typeof data.answered !== "number") return;
    progress.value = data.answered;
    answeredLabel.textContent = String(data.answered);
  }

  // A 4xx says this answer itself is bad: sending it again cannot help. Logging in again
  // (401, 403 without a message: an expired session or CSRF token), a timeout or a busy
  // server (408, 429) can pass, so those are kept like a server error.
  function refusedForGood(response, data) {
    const status = response.status;
    if (status < 400 || status >= 500) return false;
    if (status === 403) return Boolean(data.error);
    return [401, 408, 429].indexOf(status) === -1;
  }

  function noteRefused(questionId, reason) {
    refusedCount += 1;
    showQuestionError(questionId, "This answer was not saved: " + reason);
    notesBox.textContent =
      refusedCount === 1
        ? "1 answer could not be saved; it is marked below. The others are saved."
        : refusedCount + " answers could not be saved; they are marked below. The others are saved.";
    notesBox.classList.remove("d-none");
  }

  function scheduleRetry() {
    setStatus("Not saved yet, retrying…", "danger");
    if (retryTimer) return;
    retryTimer = window.setTimeout(() => {
      retryTimer = null;
      flush();
    }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 30000);
  }

  function enqueue(box, check) {
    if (closed || box.dataset.locked) return;
    const given = readGiven(box);
    const questionId = box.dataset.questionId;
    if (given === undefined) {
      showQuestionError(questionId, "Give each item a different place to save this answer.");
      return;
    }
    showQuestionError(questionId, "");
    sequence += 1;
    queue[questionId] = { given: given, check: Boolean(check), seq: sequence };
    storeQueue();
    flush();
  }

  async function send(questionId, entry) {
    const response = await fetch(saveUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        "X-CSRFToken": csrfToken,
      },
      body: JSON.stringify({ question: Number(questionId), given: entry.given, check: entry.check }),
    });
    let data = {};
    try {
      data = await response.json();
    } catch (error) {
      data = {};
    }
    return { response: response, data: data };
  }

  async function flush() {
    if (flushing || closed) return;
    flushing = true;
    setStatus("Saving…");
    let keptForLater = false;
    try {
      for (const questionId of Object.keys(queue)) {
        const entry = queue[questionId];
        let result;
        try {
          result = await send(questionId, entry);
        } catch (error) {
          scheduleRetry(); // offline or the server is unreachable: nothing else would go
          return;
        }
        const { response, data } = result;
        if (response.ok && data.saved) {
          if (queue[questionId] && queue[questionId].seq === entry.seq) delete queue[questionId];
          storeQueue();
          updateProgress(data);
          showQuestionError(questionId, "");
          if (data.feedback) showFeedback(questionId, data.feedback);
          continue;
        }
        if (response.status === 409 && data.closed) {
          showClosed(data.error, data.review_url);
          return;
        }
        if (refusedForGood(response, data)) {
          // Refused for good: drop it, say why, and carry on with the rest.
          if (queue[questionId] && queue[questionId].seq === entry.seq) delete queue[questionId];
          storeQueue();
          noteRefused(questionId, data.error || "the server refused it (" + response.status + ").");
          continue;
        }
        // A server error or a login page instead of JSON: keep this answer for a retry,
        // but do not let it hold back the answers queued after it.
        keptForLater = true;
      }
      if (keptForLater) {
        scheduleRetry();
        return;
      }
      retryDelay = 1000;
      setStatus("Saved", "success");
    } finally {
      flushing = false;
    }
    if (Object.keys(queue).length && !retryTimer) flush();
  }

  form.addEventListener("change", (event) => {
    const box = event.target.closest("[data-question-id]");
    if (!box) return;
    if (event.target.matches('input[type="text"]')) window.clearTimeout(typingTimers[box.dataset.questionId]);
    enqueue(box, false);
  });

  form.addEventListener("input", (event) => {
    if (!event.target.matches('input[type="text"]')) return;
    const box = event.target.closest("[data-question-id]");
    const questionId = box.dataset.questionId;
    window.clearTimeout(typingTimers[questionId]);
    typingTimers[questionId] = window.setTimeout(() => enqueue(box, false), 700);
  });

  form.addEventListener("click", (event) => {
    const move = event.target.closest("[data-move]");
    if (move) {
      const row = move.closest("[data-item]");
      const list = row.parentElement;
      if (move.dataset.move === "-1" && row.previousElementSibling) {
        list.insertBefore(row, row.previousElementSibling);
      } else if (move.dataset.move === "1" && row.nextElementSibling) {
        list.insertBefore(row.nextElementSibling, row);
      }
      const box = row.closest("[data-question-id]");
      renumber(box);
      move.focus();
      enqueue(box, false);
      return;
    }
    const check = event.target.closest("[data-check]");
    if (check) {
      event.preventDefault();
      enqueue(check.closest("[data-question-id]"), true);
    }
  });

  form.querySelectorAll(".order-moves").forEach((moves) => moves.classList.remove("d-none"));

  // Answers typed while offline before a reload: show them again and send them.
  Object.keys(queue).forEach((questionId) => {
    const box = boxFor(questionId);
    if (box && !box.dataset.locked) writeGiven(box, queue[questionId].given);
  });
  if (Object.keys(queue).length) flush();

  window.addEventListener("online", () => flush());
  let leaving = false;
  window.addEventListener("beforeunload", (event) => {
    if (Object.keys(queue).length && !closed && !leaving) event.preventDefault();
  });
  // A form post carries the page's answers itself; the queue stays until the server confirms.
  // A save still on its way could land after the post and put back an older answer, so the
  // post waits (briefly) for it.
  form.addEventListener("submit", (event) => {
    if (leaving) return;
    leaving = true;
    if (!flushing) return;
    event.preventDefault();
    const submitter = event.submitter;
    const startedAt = Date.now();
    const waitThenPost = () => {
      if (flushing && Date.now() - startedAt < 5000) {
        window.setTimeout(waitThenPost, 50);
      } else if (submitter) {
        form.requestSubmit(submitter);
      } else {
        form.requestSubmit();
      }
    };
    waitThenPost();
  });

  // The countdown follows the server's deadline; at zero the attempt is handed in.
  if (root.dataset.secondsLeft !== undefined) {
    const endsAt = Date.now() + Number(root.dataset.secondsLeft) * 1000;
    const display = document.querySelector("[data-countdown]");
    const banner = document.getElementById("countdown");
    const tick = () => {
      const left = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
      const minutes = Math.floor(left / 60);
      const seconds = String(left % 60).padStart(2, "0");
      display.textContent = minutes + ":" + seconds;
      if (left <= 60) banner.classList.replace("alert-warning", "alert-danger");
      if (left === 0) {
        window.clearInterval(timer);
        flush().finally(() => {
          leaving = true;
          window.setTimeout(() => document.getElementById("attempt-submit-form").submit(), 500);
        });
      }
    };
    const timer = window.setInterval(tick, 1000);
    tick();
  }
})();
