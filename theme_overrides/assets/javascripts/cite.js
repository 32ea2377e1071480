/* The citation box: the date the reader opened the page ("Diakses 8 Desember 2026", which a build cannot know),
 * and a button that copies the citation as plain text. Without scripts the citation reads whole, without both. */
(function () {
  "use strict";
  var MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
                "November", "Desember"];

  function today() {
    var d = new Date();
    return d.getDate() + " " + MONTHS[d.getMonth()] + " " + d.getFullYear();
  }

  function init() {
    var text = document.getElementById("kutipan");
    if (!text) return;
    var accessed = text.querySelector(".kc-accessed");
    if (accessed) {
      accessed.querySelector("[data-kc-today]").textContent = today();
      accessed.hidden = false;
    }
    var button = document.querySelector("button[data-kc-copy]");
    if (!button || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var plain = text.textContent.replace(/\s+/g, " ").trim();
      navigator.clipboard.writeText(plain).then(function () {
        button.textContent = "Kutipan disalin";
      }, function () {
        button.textContent = "Tidak dapat menyalin: pilih teksnya lalu salin";
      });
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
