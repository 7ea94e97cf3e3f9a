/* The phone: the options as big buttons, "answer in" after a tap, then right or wrong, the
   points and the rank. Multiple response: tick, then send. Ordering: tap the items in order. */
(function () {
  "use strict";

  var root = document.querySelector("[data-live-play]");
  if (!root) {
    return;
  }
  var LETTERS = "ABCDEFGHIJKL";
  var current = null; // the open question's frame
  var picks = [];

  function find(name) {
    return root.querySelector("[data-" + name + "]");
  }
  function announce(text) {
    find("announce").textContent = text;
  }
  function show(stage) {
    window.liveShow(root, stage);
    var heading = root.querySelector('[data-stage="' + stage + '"] [tabindex="-1"]');
    if (heading) {
      heading.focus();
    }
  }

  var countdown = window.LiveCountdown(function (seconds) {
    find("countdown-text").textContent = seconds + " s left";
  }, announce);

  function send(choice) {
    if (!current || current.paused) {
      return;
    }
    root.querySelectorAll("[data-buttons] button, [data-send]").forEach(function (button) {
      button.disabled = true;
    });
    if (!live.send({ type: "answer", question: current.index, choice: choice })) {
      find("error").textContent = "Not connected: your answer was not sent. Reconnecting…";
      setButtonsEnabled(true);
    }
  }

  function setButtonsEnabled(enabled) {
    root.querySelectorAll("[data-buttons] button, [data-send], [data-clear]").forEach(function (button) {
      button.disabled = !enabled || button.getAttribute("aria-disabled") === "true";
    });
  }

  function renderOrder() {
    var order = find("order");
    order.replaceChildren();
    picks.forEach(function (pick) {
      var entry = document.createElement("li");
      entry.textContent = current.options[pick];
      order.appendChild(entry);
    });
    root.querySelectorAll("[data-buttons] button").forEach(function (button) {
      var placed = picks.indexOf(Number(button.dataset.option)) !== -1;
      button.setAttribute("aria-disabled", placed ? "true" : "false");
      button.disabled = placed;
    });
    find("send").disabled = picks.length !== current.options.length;
  }

  function renderQuestion(frame) {
    current = frame;
    picks = [];
    find("error").textContent = "";
    if (frame.answered) {
      countdown.stop();
      show("answered");
      return;
    }
    show("question");
    find("question-number").textContent = "Question " + (frame.index + 1) + " of " + frame.total;
    find("prompt").textContent = frame.prompt;
    var multi = frame.kind === "multiple_response";
    var ordering = frame.kind === "ordering";
    find("hint").textContent = multi
      ? "Tick every right option, then send."
      : ordering
        ? "Tap the items in the right order, then send."
        : "Tap your answer.";
    var buttons = find("buttons");
    buttons.replaceChildren();
    frame.options.forEach(function (option, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "live-answer live-option-" + (index % 4);
      button.dataset.option = String(index);
      var letter = document.createElement("span");
      letter.className = "live-answer-letter";
      letter.textContent = LETTERS[index];
      letter.setAttribute("aria-hidden", "true");
      button.appendChild(letter);
      button.appendChild(document.createTextNode(option));
      if (multi) {
        button.setAttribute("aria-pressed", "false");
      }
      button.addEventListener("click", function () {
        if (multi) {
          var on = button.getAttribute("aria-pressed") !== "true";
          button.setAttribute("aria-pressed", on ? "true" : "false");
          picks = on ? picks.concat([index]) : picks.filter(function (pick) { return pick !== index; });
          find("send").disabled = picks.length === 0;
        } else if (ordering) {
          picks.push(index);
          renderOrder();
        } else {
          send(index);
        }
      });
      buttons.appendChild(button);
    });
    find("multi-controls").hidden = !(multi || ordering);
    find("clear").hidden = !ordering;
    find("order").replaceChildren();
    find("order").hidden = !ordering;
    find("send").disabled = true;
    find("paused").hidden = !frame.paused;
    if (frame.paused) {
      countdown.hold(frame.left_ms);
      setButtonsEnabled(false);
    } else {
      countdown.start(frame.left_ms);
      announce("Question " + (frame.index + 1) + ": " + frame.prompt);
    }
  }

  find("send").addEventListener("click", function () {
    if (picks.length) {
      send(picks.slice());
    }
  });
  find("clear").addEventListener("click", function () {
    picks = [];
    renderOrder();
  });

  function showYou(you) {
    if (you) {
      find("score").textContent = String(you.score);
    }
  }

  var handlers = {
    you: function (frame) {
      find("nickname").textContent = frame.nickname;
      find("score").textContent = String(frame.score);
    },
    lobby: function (frame) {
      find("lobby-count").textContent = frame.count + (frame.count === 1 ? " player is in." : " players are in.");
    },
    question: renderQuestion,
    answered: function (frame) {
      if (current && frame.index === current.index) {
        current.answered = true;
      }
      countdown.stop();
      show("answered");
      announce("Answer in");
    },
    paused: function (frame) {
      if (current && current.index === frame.index) {
        current.paused = true;
      }
      countdown.hold(frame.left_ms);
      find("paused").hidden = false;
      setButtonsEnabled(false);
      announce("Paused by the host");
    },
    reveal: function (frame) {
      current = null;
      countdown.stop();
      var you = frame.you || { answered: false, right: false, points: 0, score: 0, rank: 0, of: 0 };
      var verdict = you.right ? "Right!" : you.answered ? "Wrong" : "No answer";
      find("verdict").textContent = verdict;
      find("verdict").className = "h2 " + (you.right ? "text-success" : "text-danger");
      find("points").textContent = you.right ? "+" + you.points + " points" : "0 points";
      find("right-answer").textContent = you.right ? "" : "The answer: " + frame.right_text;
      find("rank").textContent = you.rank ? "You are " + window.liveOrdinal(you.rank) + " of " + you.of + " with " + you.score + " points." : "";
      showYou(you);
      show("result");
      announce(verdict + ". " + find("points").textContent + ". " + find("rank").textContent);
    },
    podium: function (frame) {
      current = null;
      countdown.stop();
      var you = frame.you;
      find("final").textContent = you
        ? "You finished " + window.liveOrdinal(you.rank) + " of " + you.of + " with " + you.score + " points (" + you.correct + " of " + frame.total + " right)."
        : "The game is over.";
      showYou(you);
      show("podium");
      announce("Game over. " + find("final").textContent);
    },
    removed: function () {
      countdown.stop();
      show("removed");
    },
    error: function (frame) {
      find("error").textContent = frame.message;
      if (current && !current.answered && frame.code !== "rate") {
        if (frame.code === "duplicate") {
          show("answered");
        } else if (frame.code !== "late" && frame.code !== "closed") {
          setButtonsEnabled(true);
        }
      }
    },
  };

  var live = window.LiveSocket(root.getAttribute("data-socket"), {
    status: function (text) {
      find("connection").textContent = text;
    },
    frame: function (frame) {
      if (handlers[frame.type]) {
        handlers[frame.type](frame);
      }
    },
  });
  window.historyQuizLive = live; // lets a test drop the connection as a sleeping phone would
})();
