// Helpdesk: the little JavaScript the UI uses. Everything works without it.
// 1. Live pages (data-live on <main>) follow the server's event stream /live: the unread badge in
//    the header changes as notices arrive, and queues, the P0/P1 board ("tickets") and the inbox
//    ("inbox") reload their #live region when what they show has changed.
// 2. Lists marked data-refresh="N" also reload #live every N seconds while the event stream is not
//    connected (SLA countdowns are computed by the server in business time, so a refresh is the
//    honest way to count down), and every minute while it is.
// A region is never replaced while a form field has focus; the reload waits for the next tick.
// 3. Buttons of forms are disabled after submit to avoid double submissions.
// 4. The intake form's knowledge suggestions follow what the requester types.
(function () {
  "use strict";
  var main = document.getElementById("main");
  var seconds = main && parseInt(main.getAttribute("data-refresh") || "0", 10);
  var live = main && main.getAttribute("data-live");
  var connected = false;
  var owed = false;
  var lastRefresh = Date.now();

  function typing() {
    var active = document.activeElement;
    return active && /^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName);
  }

  function refresh() {
    if (document.hidden || typing()) { owed = true; return; }
    owed = false;
    lastRefresh = Date.now();
    fetch(location.href, { credentials: "same-origin", headers: { "X-Requested-With": "refresh" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("live");
        var current = document.getElementById("live");
        if (fresh && current) current.replaceWith(fresh);
      })
      .catch(function () {});
  }

  function showUnread(count) {
    var link = document.getElementById("inbox-link");
    if (!link) return;
    var badge = document.getElementById("unread-count");
    if (count > 0) {
      if (!badge) {
        badge = document.createElement("span");
        badge.id = "unread-count";
        badge.className = "badge unread";
        badge.setAttribute("aria-label", link.getAttribute("data-unread-label") || "");
        link.appendChild(document.createTextNode(" "));
        link.appendChild(badge);
      }
      badge.textContent = String(count);
    } else if (badge) {
      badge.remove();
    }
  }

  if (window.EventSource && document.getElementById("inbox-link")) {
    var source = new EventSource("/live");
    source.onopen = function () { connected = true; };
    source.onerror = function () { connected = false; };
    source.addEventListener("inbox", function (event) {
      var unread = JSON.parse(event.data).unread;
      var changed = String(unread) !== ((document.getElementById("unread-count") || {}).textContent || "0");
      showUnread(unread);
      if (live === "inbox" && changed) refresh();
    });
    source.addEventListener("tickets", function () {
      if (live === "tickets") refresh();
    });
  }

  if (live || seconds > 0) {
    setInterval(function () {
      var every = connected ? Math.max(seconds, 60) : seconds;
      var due = every > 0 && Date.now() - lastRefresh >= every * 1000;
      if (owed || due) refresh();
    }, 1000 * Math.min(Math.max(seconds, 1), 5));
  }

  // A print button where the page is meant to be printed (the retrospective); without
  // JavaScript it stays hidden and the browser's own print serves.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  // 4. The intake form asks for knowledge articles as the requester types (R6.2); without
  //    JavaScript its "look for answers" button does the same.
  //    Staff recording a request also see the open tickets like it (R6.3), a ticked major
  //    incident kept across refreshes.
  var suggestions = document.getElementById("kb-suggestions");
  var similar = document.getElementById("similar-tickets");
  var form = document.getElementById("new-ticket");
  if (suggestions && form && window.fetch) {
    var timer = null;
    var asked = "";
    var fill = function (box, path, text, keep) {
      fetch(path + "?q=" + encodeURIComponent(text.slice(0, 2000)), { credentials: "same-origin" })
        // A session that ended answers with the sign-in page: nothing to show then.
        .then(function (response) { return response.ok && !response.redirected ? response.text() : null; })
        .then(function (html) {
          if (html === null || asked !== text) return;
          var ticked = keep ? Array.prototype.map.call(
            box.querySelectorAll("input:checked"), function (input) { return input.value; }) : [];
          box.innerHTML = html;
          ticked.forEach(function (value) {
            var input = box.querySelector("input[value='" + value + "']");
            if (input) input.checked = true;
          });
        })
        .catch(function () {});
    };
    var ask = function () {
      var text = ["title", "description"].map(function (name) {
        return (form.elements[name] && form.elements[name].value) || "";
      }).join("\n").trim();
      if (text === asked || text.length < 2) return;
      asked = text;
      fill(suggestions, suggestions.getAttribute("data-suggest"), text, false);
      if (similar) fill(similar, similar.getAttribute("data-similar"), text, true);
    };
    form.addEventListener("input", function (event) {
      if (!/^(title|description)$/.test(event.target.name || "")) return;
      clearTimeout(timer);
      timer = setTimeout(ask, 400);
    });
  }

  document.addEventListener("submit", function (event) {
    var buttons = event.target.querySelectorAll("button[type=submit]");
    setTimeout(function () { buttons.forEach(function (b) { b.disabled = true; }); }, 0);
  });
})();
