/* The chooser URLs wagtail-localize's translation editor expects, read from
   this script element's data attributes instead of an inline script. */
(function () {
  "use strict";
  var data = document.currentScript.dataset;
  if (typeof window.chooserUrls === "undefined") {
    window.chooserUrls = {
      imageChooser: data.imageChooser,
      documentChooser: data.documentChooser,
      pageChooser: data.pageChooser
    };
  }
})();
