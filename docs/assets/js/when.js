/* Shows the parts of a page that hold for today by the reader's own clock:
   the "Næste skridt" step and the edition banner. The build writes every
   state with its window (data-cb-from / data-cb-until, ISO times, see
   hooks/coursebook/content/dates.py); without JavaScript the steps all show
   and the banners stay hidden. A banner with data-cb-unless-current shows
   only while the site's versions.json names another edition as `aktuel`.
   Runs again on every page Material's instant navigation swaps in. */
(function () {
  var current = {};

  function holds(element, now) {
    var from = element.getAttribute("data-cb-from");
    var until = element.getAttribute("data-cb-until");
    return (!from || Date.parse(from) <= now) && (!until || now < Date.parse(until));
  }

  /* the edition versions.json at url names `aktuel` (null if unknown) */
  function currentEdition(url) {
    if (!current[url]) {
      current[url] = fetch(url, { cache: "no-cache" })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (versions) {
          var found = versions.filter(function (v) {
            return (v.aliases || []).indexOf("aktuel") >= 0;
          })[0];
          return found ? found.version : null;
        })
        .catch(function () { return null; });
    }
    return current[url];
  }

  function pick() {
    var now = Date.now();
    document.querySelectorAll(".cb-when").forEach(function (element) {
      var edition = element.getAttribute("data-cb-unless-current");
      element.hidden = true;
      if (!holds(element, now)) return;
      if (!edition) {
        element.hidden = false;
        return;
      }
      var url = new URL(element.getAttribute("data-cb-versions"), location.href).href;
      currentEdition(url).then(function (aktuel) {
        element.hidden = !aktuel || aktuel === edition;
      });
    });
  }

  if (window.document$) {
    window.document$.subscribe(pick);
  } else {
    document.addEventListener("DOMContentLoaded", pick);
  }
})();
