/* Wagtail's admin writes a few initialisers as inline <script> elements
   (date and time pickers, inline panels). The admin's Content-Security-Policy
   allows no inline script, so security/templates/ overrides those templates
   to leave a marker element instead:

     <span hidden data-csp-init="initDateChooser" data-csp-target="id" data-csp-config="{json}">

   This script, loaded on every admin page through the insert_global_admin_js
   hook, runs each marker once, when it enters the document: while the page
   is parsed, or later when Wagtail inserts a new form (an inline panel child,
   a modal). Only the initialisers named here can be called. */
(function () {
  "use strict";
  var initialisers = {
    initDateChooser: function (el, config) { window.initDateChooser(el.dataset.cspTarget, config); },
    initDateTimeChooser: function (el, config) { window.initDateTimeChooser(el.dataset.cspTarget, config); },
    initTimeChooser: function (el, config) { window.initTimeChooser(el.dataset.cspTarget, config); },
    InlinePanel: function (el, config) { return new window.InlinePanel(config); },
    MultipleChooserPanel: function (el, config) { return new window.MultipleChooserPanel(config); }
  };

  function run(el) {
    if (el.dataset.cspDone || el.closest("template")) { return; }
    var initialiser = initialisers[el.dataset.cspInit];
    if (!initialiser) { return; }
    el.dataset.cspDone = "true";
    initialiser(el, JSON.parse(el.dataset.cspConfig));
  }

  function scan(root) {
    if (root.nodeType !== 1) { return; }
    if (root.matches("[data-csp-init]")) { run(root); }
    root.querySelectorAll("[data-csp-init]").forEach(run);
  }

  new MutationObserver(function (records) {
    records.forEach(function (record) { record.addedNodes.forEach(scan); });
  }).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", function () { scan(document.documentElement); });
})();
