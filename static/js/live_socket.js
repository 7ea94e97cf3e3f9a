/* A live game's socket: reconnects by itself (a phone that slept or lost the network comes
   back as the same player; the server sends where the game stands) and a countdown that
   only shows the server's clock. */
(function () {
  "use strict";

  var FINAL_CODES = { 4001: "removed", 4403: "forbidden" };

  window.LiveSocket = function (path, handlers) {
    var socket = null;
    var attempts = 0;
    var finished = false;
    var retry = null;

    function address() {
      return (window.location.protocol === "https:" ? "wss://" : "ws://") + window.location.host + path;
    }

    function connect() {
      retry = null;
      socket = new WebSocket(address());
      socket.onopen = function () {
        attempts = 0;
        handlers.status("Connected");
      };
      socket.onmessage = function (event) {
        var frame;
        try {
          frame = JSON.parse(event.data);
        } catch (error) {
          return;
        }
        handlers.frame(frame);
      };
      socket.onclose = function (event) {
        if (FINAL_CODES[event.code]) {
          finished = true;
          handlers.status(FINAL_CODES[event.code] === "removed" ? "Removed from the game" : "Not allowed");
          return;
        }
        if (finished) {
          return;
        }
        attempts += 1;
        handlers.status("Connection lost: reconnecting…");
        retry = window.setTimeout(connect, Math.min(8000, 400 * Math.pow(2, attempts - 1)));
      };
    }

    // A phone waking up reconnects at once instead of waiting for the next retry.
    document.addEventListener("visibilitychange", function () {
      if (!document.hidden && !finished && socket && socket.readyState === WebSocket.CLOSED) {
        if (retry) {
          window.clearTimeout(retry);
        }
        connect();
      }
    });
    connect();

    return {
      send: function (frame) {
        if (socket && socket.readyState === WebSocket.OPEN) {
          socket.send(JSON.stringify(frame));
          return true;
        }
        return false;
      },
      drop: function () {
        if (socket) {
          socket.close();
        }
      },
    };
  };

  /* Shows the seconds left from the server's figure; tells screen readers at 10 and 5
     seconds and when time is up, not every second. */
  window.LiveCountdown = function (show, announce) {
    var timer = null;
    var endsAt = 0;
    var lastSaid = null;

    function tick() {
      var left = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
      show(left);
      if ((left === 10 || left === 5) && lastSaid !== left) {
        lastSaid = left;
        announce(left + " seconds left");
      }
      if (left === 0) {
        stop();
        if (lastSaid !== 0) {
          lastSaid = 0;
          announce("Time is up");
        }
      }
    }

    function stop() {
      if (timer) {
        window.clearInterval(timer);
        timer = null;
      }
    }

    return {
      start: function (leftMs) {
        stop();
        lastSaid = null;
        endsAt = Date.now() + leftMs;
        tick();
        timer = window.setInterval(tick, 250);
      },
      hold: function (leftMs) {
        stop();
        show(Math.ceil(leftMs / 1000));
      },
      stop: stop,
    };
  };

  window.liveOrdinal = function (number) {
    var tens = number % 100;
    var suffix = "th";
    if (tens < 11 || tens > 13) {
      suffix = { 1: "st", 2: "nd", 3: "rd" }[number % 10] || "th";
    }
    return number + suffix;
  };

  window.liveShow = function (root, stage) {
    root.querySelectorAll("[data-stage]").forEach(function (section) {
      section.hidden = section.getAttribute("data-stage") !== stage;
    });
  };
})();
