// Copydesk reader script: tells a reader with the story open that a newer version is live.
// Polls the tiny cached /stories/{slug}/version endpoint (no framework, no inline script, CSP script-src 'self').
(function () {
  "use strict";
  var body = document.body;
  var slug = body.getAttribute("data-story-slug");
  var shownVersion = Number(body.getAttribute("data-story-version"));
  var region = document.getElementById("reader-live");
  if (!slug || !shownVersion || !region || !window.fetch) return;

  var url = "/stories/" + encodeURIComponent(slug) + "/version";
  var intervalMs = 15000;
  var announced = false;
  var timer = null;

  function announce() {
    if (announced) return;
    announced = true;
    var bar = document.createElement("div");
    bar.className = "reader-notice";
    var text = document.createElement("span");
    text.textContent = "This story has been updated.";
    var link = document.createElement("a");
    link.href = window.location.pathname;
    link.textContent = "Load the latest version";
    bar.appendChild(text);
    bar.appendChild(document.createTextNode(" "));
    bar.appendChild(link);
    region.appendChild(bar);
    if (timer) window.clearInterval(timer);
  }

  function check() {
    if (announced || document.visibilityState === "hidden") return;
    window
      .fetch(url, { headers: { accept: "application/json" }, credentials: "omit" })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (data && typeof data.version === "number" && data.version > shownVersion) announce();
      })
      .catch(function () {
        // Offline or a hiccup: the next poll tries again.
      });
  }

  timer = window.setInterval(check, intervalMs);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") check();
  });
})();
