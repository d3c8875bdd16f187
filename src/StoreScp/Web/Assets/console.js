// VoxDose console: the slice viewer (server-rendered PNG per slice; the wheel, arrow keys and sliders choose what to render).
(function () {
  "use strict";
  var viewer = document.getElementById("viewer");
  if (!viewer) return;
  var img = document.getElementById("slice");
  var slice = document.getElementById("slice-index");
  var petMax = document.getElementById("pet-max");
  var doseMax = document.getElementById("dose-max");
  var label = document.getElementById("slice-label");
  var base = viewer.getAttribute("data-src");
  var count = parseInt(slice.max, 10) + 1;
  var pending = null;
  function labels() {
    label.textContent = (parseInt(slice.value, 10) + 1) + " / " + count;
    document.getElementById("pet-max-label").textContent = petMax.value + " %";
    document.getElementById("dose-max-label").textContent = doseMax.value + " Gy";
  }
  labels();
  function render() {
    if (pending) clearTimeout(pending);
    pending = setTimeout(function () {
      labels();
      img.src = base + "?k=" + slice.value + "&petPercent=" + petMax.value + "&doseMaxGy=" + doseMax.value;
    }, 40);
  }
  function step(delta) {
    var k = Math.min(count - 1, Math.max(0, parseInt(slice.value, 10) + delta));
    slice.value = String(k);
    render();
  }
  img.addEventListener("wheel", function (e) { e.preventDefault(); step(e.deltaY > 0 ? 1 : -1); }, { passive: false });
  document.addEventListener("keydown", function (e) {
    if (e.target && e.target.tagName === "INPUT" && e.target.type !== "range") return;
    if (e.key === "ArrowUp" || e.key === "PageUp") { step(1); e.preventDefault(); }
    if (e.key === "ArrowDown" || e.key === "PageDown") { step(-1); e.preventDefault(); }
  });
  [slice, petMax, doseMax].forEach(function (input) { input.addEventListener("input", render); });
})();
