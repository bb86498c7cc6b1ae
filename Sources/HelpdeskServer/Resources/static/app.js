// Helpdesk: the little JavaScript the UI uses. Everything works without it.
// 1. Lists marked data-refresh="N" reload their #live region every N seconds while the page is
//    visible and no form field has focus, so queues and the P0/P1 board stay current (SLA countdowns
//    are computed by the server in business time, so a refresh is the honest way to count down).
// 2. Buttons of forms are disabled after submit to avoid double submissions.
(function () {
  "use strict";
  var main = document.getElementById("main");
  var seconds = main && parseInt(main.getAttribute("data-refresh") || "0", 10);
  if (seconds > 0) {
    setInterval(function () {
      if (document.hidden) return;
      var active = document.activeElement;
      if (active && /^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName)) return;
      fetch(location.href, { credentials: "same-origin", headers: { "X-Requested-With": "refresh" } })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (!html) return;
          var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("live");
          var current = document.getElementById("live");
          if (fresh && current) current.replaceWith(fresh);
        })
        .catch(function () {});
    }, seconds * 1000);
  }
  document.addEventListener("submit", function (event) {
    var buttons = event.target.querySelectorAll("button[type=submit]");
    setTimeout(function () { buttons.forEach(function (b) { b.disabled = true; }); }, 0);
  });
})();
