/* Quick exit: leave at once, and leave no entry for this page to come back to.
   The link works without this script; with it, the page blanks immediately,
   the current history entry is replaced, and Shift pressed three times in
   two seconds does the same as the link. Nothing is logged or sent.

   So that Back after the quick exit shows no page of this site, links within
   the site (and search and filter forms) replace the current history entry
   instead of adding one: the whole visit holds a single entry. A form that is
   sent (POST) still adds one, as browsers do. */
(function () {
  "use strict";
  var link = document.querySelector("[data-quick-exit]");
  if (!link) { return; }
  var hint = document.querySelector("[data-quick-exit-hint]");
  if (hint) { hint.hidden = false; }

  function leave(event) {
    if (event) { event.preventDefault(); }
    document.documentElement.classList.add("quick-exit-active");
    document.title = "";
    window.location.replace(link.href);
  }

  link.addEventListener("click", leave);

  function sameSite(url) {
    return url.origin === window.location.origin;
  }

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0) { return; }
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) { return; }
    var anchor = event.target.closest ? event.target.closest("a[href]") : null;
    if (!anchor || anchor === link || anchor.hasAttribute("download")) { return; }
    if (anchor.target && anchor.target !== "_self") { return; }
    var url = new URL(anchor.href, window.location.href);
    if (!sameSite(url) || url.pathname.indexOf("/admin/") === 0) { return; }
    if (url.hash && url.pathname === window.location.pathname && url.search === window.location.search) {
      return; // a jump within the page (skip link, error summary)
    }
    event.preventDefault();
    window.location.replace(url.href);
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || (form.method || "get").toLowerCase() !== "get") { return; }
    var url = new URL(form.action || window.location.href, window.location.href);
    if (!sameSite(url)) { return; }
    event.preventDefault();
    url.search = new URLSearchParams(new FormData(form)).toString();
    window.location.replace(url.href);
  });

  var presses = [];
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") { presses = []; return; }
    var now = Date.now();
    presses = presses.filter(function (time) { return now - time < 2000; });
    presses.push(now);
    if (presses.length >= 3) { leave(); }
  });
})();
