// Copydesk reader script: tells a reader with the story open that a newer version is live.
// Polls the tiny cached /stories/{slug}/version endpoint (no framework, no inline script, CSP script-src
// 'self').
(function () {
  "use strict";
  var body = document.body;
  var slug = body.getAttribute("data-story-slug");
  var shownVersion = Number(body.getAttribute("data-story-version"));
  var region = document.getElementById("reader-live");
  if (!slug || !shownVersion || !region || !window.fetch) return;

  var url = "/stories/" + encodeURIComponent(slug) + "/version";
  var intervalMs = 15000;
  // A dismissal is remembered for this tab and this version only: a later version is announced again. Kept in
  // the browser, so the page itself stays the same cacheable document for every reader.
  var dismissedKey = "copydesk:update-dismissed:" + slug;
  var bar = null;
  var announcedVersion = 0;

  function dismissedVersion() {
    try {
      return Number(window.sessionStorage.getItem(dismissedKey)) || 0;
    } catch {
      return 0;
    }
  }

  function dismiss() {
    try {
      window.sessionStorage.setItem(dismissedKey, String(announcedVersion));
    } catch {
      // Storage refused (private mode, full): the notice still goes away for now.
    }
    if (bar) region.removeChild(bar);
    bar = null;
  }

  function announce(version) {
    if (bar || version <= dismissedVersion()) return;
    announcedVersion = version;
    bar = document.createElement("div");
    bar.className = "reader-notice";
    var text = document.createElement("span");
    text.textContent = "This story has been updated.";
    var link = document.createElement("a");
    link.href = window.location.pathname;
    link.textContent = "Load the latest version";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "reader-notice-dismiss";
    close.textContent = "Dismiss";
    close.addEventListener("click", dismiss);
    bar.appendChild(text);
    bar.appendChild(document.createTextNode(" "));
    bar.appendChild(link);
    bar.appendChild(close);
    region.appendChild(bar);
  }

  function check() {
    if (bar || document.visibilityState === "hidden") return;
    window
      .fetch(url, { headers: { accept: "application/json" }, credentials: "omit" })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (data && typeof data.version === "number" && data.version > shownVersion) announce(data.version);
      })
      .catch(function () {
        // Offline or a hiccup: the next poll tries again.
      });
  }

  window.setInterval(check, intervalMs);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") check();
  });
})();
