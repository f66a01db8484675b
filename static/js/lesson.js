/*
 * lesson.js: a video lesson's progress. While the video plays, its
 * position is posted every 5 seconds (and when it pauses or ends) to the
 * lesson's progress address; the server decides what counts: only
 * watching at the furthest point reached, no faster than time passes.
 * A reloaded lesson resumes where it was watched up to. When the server
 * says the lesson is completed, the page is loaded again to show it.
 */
(function () {
	"use strict";
	var video = document.querySelector("video[data-progress]");
	if (!video || !video.dataset.progress || !window.fetch)
		return;
	var url = video.dataset.progress, csrf = video.dataset.csrf;
	var shown = document.getElementById("lesson-furthest");
	var furthest = parseFloat(video.dataset.furthest) || 0;
	var timer = null, done = false;

	function report() {
		if (done)
			return;
		var body = "csrf=" + encodeURIComponent(csrf) +
		    "&position=" + video.currentTime.toFixed(1);
		fetch(url, {
			method: "POST",
			credentials: "same-origin",
			headers: { "Content-Type": "application/x-www-form-urlencoded" },
			body: body
		}).then(function (r) {
			return r.ok ? r.json() : null;
		}).then(function (j) {
			if (!j)
				return;
			if (shown)
				shown.textContent = Math.floor(j.furthest);
			if (j.completed) {
				done = true;
				window.location.reload();
			}
		}).catch(function () {});
	}
	video.addEventListener("loadedmetadata", function () {
		if (furthest > 0 && furthest < video.duration)
			video.currentTime = furthest;
	});
	video.addEventListener("play", function () {
		if (timer === null)
			timer = window.setInterval(report, 5000);
	});
	function stop() {
		if (timer !== null)
			window.clearInterval(timer);
		timer = null;
		report();
	}
	video.addEventListener("pause", stop);
	video.addEventListener("ended", stop);
})();
