// A page opened straight from disk (file://): browsers refuse module scripts and workers there, so Python cannot
// start and the calculators keep the answer the build wrote for the default values. Say so, and say how to get
// live calculation, in each widget's status line. A classic script on purpose: module scripts never run here.
(function () {
  if (location.protocol !== "file:") return;
  var NOTE =
    "Live calculation needs the little local server: in the unzipped folder, run python3 serve.py " +
    "and the site opens in your browser.";
  document.querySelectorAll("[data-calculator]").forEach(function (root) {
    root.setAttribute("data-offline-file", "true");
    var status = root.querySelector("[data-status]");
    if (status) status.textContent = status.textContent.trim() + " " + NOTE;
  });
})();
