/* The projector: the lobby, each question with its countdown, the reveal and the podium.
   The buttons send the host's actions; the server says what happened. */
(function () {
  "use strict";

  var root = document.querySelector("[data-live-host]");
  if (!root) {
    return;
  }
  var LETTERS = "ABCDEFGHIJKL";
  var ENABLED = {
    lobby: ["start", "end"],
    question: ["pause", "skip", "end"],
    paused: ["resume", "skip", "end"],
    reveal: ["next", "end"],
    ended: [],
  };

  function find(name) {
    return root.querySelector("[data-" + name + "]");
  }
  function announce(text) {
    find("announce").textContent = text;
  }
  function item(tag, text, className) {
    var element = document.createElement(tag);
    element.textContent = text;
    if (className) {
      element.className = className;
    }
    return element;
  }

  var shownIndex = null;
  var countdown = window.LiveCountdown(function (seconds) {
    find("countdown").textContent = String(seconds);
  }, announce);

  function setPhase(phase, last) {
    root.querySelectorAll("[data-action]").forEach(function (button) {
      button.disabled = ENABLED[phase].indexOf(button.getAttribute("data-action")) === -1;
    });
    var next = root.querySelector('[data-action="next"]');
    next.textContent = last ? "Show the podium" : "Next question";
  }

  function renderLobby(frame) {
    find("player-count").textContent = String(frame.count);
    var list = find("players");
    list.replaceChildren();
    frame.players.forEach(function (player) {
      var entry = document.createElement("li");
      entry.className = "live-player";
      entry.appendChild(item("span", player.nickname));
      var remove = item("button", "×", "btn btn-sm btn-link text-danger p-0 ms-1");
      remove.type = "button";
      remove.setAttribute("aria-label", "Remove " + player.nickname);
      remove.addEventListener("click", function () {
        live.send({ type: "remove", player: player.id });
      });
      entry.appendChild(remove);
      list.appendChild(entry);
    });
  }

  function renderQuestion(frame) {
    window.liveShow(root, "question");
    find("question-number").textContent = "Question " + (frame.index + 1) + " of " + frame.total;
    find("prompt").textContent = frame.prompt;
    find("kind").textContent = frame.kind_label;
    var options = find("options");
    options.replaceChildren();
    frame.options.forEach(function (option, index) {
      options.appendChild(item("li", option, "live-option live-option-" + (index % 4)));
    });
    find("paused").hidden = !frame.paused;
    find("answer-players").textContent = String(frame.players);
    if (frame.index !== shownIndex) {
      shownIndex = frame.index;
      find("answered").textContent = "0";
    }
    if (frame.paused) {
      countdown.hold(frame.left_ms);
      setPhase("paused");
    } else {
      countdown.start(frame.left_ms);
      setPhase("question");
      announce("Question " + (frame.index + 1) + ": " + frame.prompt);
    }
    find("prompt").focus();
  }

  function renderReveal(frame) {
    countdown.stop();
    window.liveShow(root, "reveal");
    find("reveal-number").textContent = "Question " + (frame.index + 1) + " of " + frame.total;
    find("reveal-prompt").textContent = frame.prompt;
    var most = Math.max.apply(null, frame.bars.map(function (bar) { return bar.count; }).concat([1]));
    var bars = find("bars");
    bars.replaceChildren();
    frame.bars.forEach(function (bar, index) {
      var row = document.createElement("li");
      row.className = "live-bar" + (bar.right ? " live-bar-right" : "");
      var label = frame.bars.length === frame.options.length ? LETTERS[index] + ". " + bar.label : bar.label;
      row.appendChild(item("span", label + (bar.right ? " ✓" : ""), "live-bar-label"));
      var fill = item("span", "", "live-bar-fill");
      fill.style.width = Math.round((100 * bar.count) / most) + "%";
      row.appendChild(fill);
      row.appendChild(item("span", bar.count + (bar.count === 1 ? " player" : " players"), "live-bar-count"));
      bars.appendChild(row);
    });
    find("right-text").textContent = frame.right_text;
    find("explanation").textContent = frame.explanation || "";
    find("source").textContent = frame.source || "";
    find("source-block").hidden = !frame.source;
    var link = find("source-link");
    link.hidden = !frame.source_url;
    if (frame.source_url) {
      link.href = frame.source_url;
    }
    var top = find("top");
    top.replaceChildren();
    frame.top.forEach(function (row) {
      top.appendChild(item("li", row.nickname + " · " + row.score + " points"));
    });
    setPhase("reveal", frame.last);
    announce(
      "Time is up. The answer: " + frame.right_text + ". " + frame.answered + " of " + frame.players + " answered." +
      (frame.top.length ? " Leading: " + frame.top[0].nickname + " with " + frame.top[0].score + " points." : "")
    );
    find("reveal-prompt").focus();
  }

  function renderPodium(frame) {
    countdown.stop();
    window.liveShow(root, "podium");
    var podium = find("podium");
    podium.replaceChildren();
    frame.top.slice(0, 3).forEach(function (row, index) {
      var step = item("li", "", "live-step live-step-" + (index + 1));
      step.appendChild(item("span", window.liveOrdinal(row.rank), "live-step-rank"));
      step.appendChild(item("span", row.nickname, "live-step-name"));
      step.appendChild(item("span", row.score + " points", "live-step-score"));
      podium.appendChild(step);
    });
    var rest = find("podium-rest");
    rest.replaceChildren();
    frame.top.slice(3).forEach(function (row) {
      rest.appendChild(item("li", row.nickname + " · " + row.score + " points"));
    });
    setPhase("ended");
    announce(frame.top.length ? "Game over. The winner: " + frame.top[0].nickname + " with " + frame.top[0].score + " points." : "Game over.");
    root.querySelector("#podium-heading").focus();
  }

  var handlers = {
    lobby: function (frame) {
      renderLobby(frame);
      if (!find("player-count").dataset.started) {
        setPhase("lobby");
      }
    },
    question: function (frame) {
      find("player-count").dataset.started = "1";
      renderQuestion(frame);
    },
    answers: function (frame) {
      find("answered").textContent = String(frame.answered);
      find("answer-players").textContent = String(frame.players);
    },
    paused: function (frame) {
      countdown.hold(frame.left_ms);
      find("paused").hidden = false;
      setPhase("paused");
      announce("Paused");
    },
    reveal: function (frame) {
      find("player-count").dataset.started = "1";
      renderReveal(frame);
    },
    podium: function (frame) {
      find("player-count").dataset.started = "1";
      renderPodium(frame);
    },
    error: function (frame) {
      find("error").textContent = frame.message;
    },
  };

  var live = window.LiveSocket(root.getAttribute("data-socket"), {
    status: function (text) {
      find("connection").textContent = text;
    },
    frame: function (frame) {
      if (frame.type !== "error") {
        find("error").textContent = "";
      }
      if (handlers[frame.type]) {
        handlers[frame.type](frame);
      }
    },
  });

  root.querySelectorAll("[data-action]").forEach(function (button) {
    button.addEventListener("click", function () {
      var action = button.getAttribute("data-action");
      if (action === "end" && !window.confirm("End the game now? The results so far are kept.")) {
        return;
      }
      live.send({ type: action });
    });
  });
})();
