// Material's content script, moved out of an inline <script> (see md-base.js): a URL fragment naming a content
// tab opens that tab; with the "content.tabs.link" feature, the reader's last chosen tabs are restored too.
(function () {
  if (document.currentScript.hasAttribute("data-tabs-link")) restoreLinkedTabs();
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.indexOf("__tabbed_") === 0;

  function restoreLinkedTabs() {
    var tabs = window.__md_get("__tabs");
    if (!Array.isArray(tabs)) return;
    document.querySelectorAll(".tabbed-set").forEach(function (set) {
      var labels = set.querySelector(".tabbed-labels").getElementsByTagName("label");
      for (var i = 0; i < tabs.length; i++) {
        for (var j = 0; j < labels.length; j++) {
          if (labels[j].innerText.trim() === tabs[i]) {
            document.getElementById(labels[j].htmlFor).checked = true;
            return;
          }
        }
      }
    });
  }
})();
