/*
 * submit.js: before 交卷 with questions still unanswered, ask. The answer
 * sheet's cells say which questions have an answer; the question on
 * screen counts as answered when one of its options is chosen now. The
 * question it asks is the form's data-msg-unanswered, in the page's
 * language, with {n} for the number of questions left.
 */
(function () {
	"use strict";
	var form = document.querySelector("form.form");
	if (!form)
		return;
	form.addEventListener("submit", function (e) {
		var go = e.submitter;
		if (!go || go.value !== "submit")
			return;
		var cells = form.querySelectorAll(".grid .cell");
		var left = 0, here = form.querySelector("input[name=o]:checked");
		for (var i = 0; i < cells.length; i++) {
			var c = cells[i];
			var done = c.classList.contains("current") ? here !== null :
			    c.classList.contains("answered");
			if (!done)
				left++;
		}
		if (left > 0 && !window.confirm(form.getAttribute(
		    "data-msg-unanswered").replace("{n}", left)))
			e.preventDefault();
	});
})();
