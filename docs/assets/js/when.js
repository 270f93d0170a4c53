/* Shows the parts of a page that hold for today by the reader's own clock:
   the "Næste skridt" step and the edition banner. The build writes every
   state with its window (data-cb-from / data-cb-until, ISO times, see
   hooks/coursebook/content/dates.py); without JavaScript the steps all show
   and the banners stay hidden. Runs again on every page Material's instant
   navigation swaps in. */
(function () {
  function holds(element, now) {
    var from = element.getAttribute("data-cb-from");
    var until = element.getAttribute("data-cb-until");
    return (!from || Date.parse(from) <= now) && (!until || now < Date.parse(until));
  }

  function pick() {
    var now = Date.now();
    document.querySelectorAll(".cb-when").forEach(function (element) {
      element.hidden = !holds(element, now);
    });
  }

  if (window.document$) {
    window.document$.subscribe(pick);
  } else {
    document.addEventListener("DOMContentLoaded", pick);
  }
})();
