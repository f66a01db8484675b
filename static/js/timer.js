/*
 * timer.js: counts the remaining time of a quiz down on screen. The
 * server keeps the real deadline and grades an overdue attempt as it
 * stands; this only shows it, and reloads the page when time is up. The
 * words are the element's data-msg-left, in the page's language, with
 * {m} and {s} for the minutes and seconds.
 */
(function () {
	"use strict";
	var el = document.getElementById("timer");
	if (!el)
		return;
	var text = el.getAttribute("data-msg-left");
	var end = Date.now() + 1000 * parseInt(el.getAttribute("data-remaining"), 10);
	function tick() {
		/* Whole seconds still to go: 0 only once the end has passed. */
		var left = Math.max(0, Math.ceil((end - Date.now()) / 1000));
		el.textContent = text.replace("{m}", Math.floor(left / 60)).
		    replace("{s}", left % 60);
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
