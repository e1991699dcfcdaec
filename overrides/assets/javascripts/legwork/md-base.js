// Material for MkDocs' page helpers, which its bundle expects as globals, moved out of an inline <script> so the
// site runs under a Content-Security-Policy without 'unsafe-inline'. Same behaviour as Material's own: storage
// keys are prefixed by the site's path, so two sites on one origin keep their settings apart.
(function () {
  var scope = document.currentScript.getAttribute("data-scope") || ".";
  window.__md_scope = new URL(scope, location);
  window.__md_hash = function (text) {
    return Array.prototype.reduce.call(text, function (hash, char) {
      return (hash << 5) - hash + char.charCodeAt(0);
    }, 0);
  };
  window.__md_get = function (key, storage, base) {
    storage = storage || localStorage;
    base = base || window.__md_scope;
    return JSON.parse(storage.getItem(base.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, base) {
    storage = storage || localStorage;
    base = base || window.__md_scope;
    try {
      storage.setItem(base.pathname + "." + key, JSON.stringify(value));
    } catch (error) {
      // storage full or disabled (private mode, file://): the setting lasts for this page only
    }
  };
})();
