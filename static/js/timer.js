/*
 * timer.js: counts the remaining time of a quiz down on screen. The
 * server keeps the real deadline and grades an overdue attempt as it
 * stands; this only shows it, and reloads the page when time is up.
 */
(function () {
	"use strict";
	var el = document.getElementById("timer");
	if (!el)
		return;
	var end = Date.now() + 1000 * parseInt(el.getAttribute("data-remaining"), 10);
	function tick() {
		/* Whole seconds still to go: 0 only once the end has passed. */
		var left = Math.max(0, Math.ceil((end - Date.now()) / 1000));
		el.textContent = "剩余 " + Math.floor(left / 60) + " 分 " + (left % 60) + " 秒";
		if (left <= 60)
			el.className = "quiz-timer low";
		if (left === 0) {
			window.location.reload();
			return;
		}
		window.setTimeout(tick, 1000);
	}
	tick();
})();
