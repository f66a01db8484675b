/*
 * locate.js: the location step of the quiz. Asks the browser for its
 * position (WGS-84) and posts it; the server converts it and finds the
 * street or town. Without JavaScript or a position, the manual choice on
 * the same page still works. What it says comes from the status
 * element's data-msg-* attributes, which the page's stylesheet writes in
 * the page's language.
 */
(function () {
	"use strict";
	var form = document.getElementById("locate-form");
	var button = document.getElementById("locate-button");
	var status = document.getElementById("locate-status");
	if (!form || !button || !("geolocation" in navigator))
		return;
	button.hidden = false;
	function say(text) { status.textContent = text; }
	function msg(name) {
		return status.getAttribute("data-msg-" + name) || "";
	}
	/* Back to this page from the browser's cache: ready to try again. */
	window.addEventListener("pageshow", function (e) {
		if (e.persisted) {
			button.disabled = false;
			say("");
		}
	});
	button.addEventListener("click", function () {
		button.disabled = true;
		say(msg("locating"));
		navigator.geolocation.getCurrentPosition(function (pos) {
			document.getElementById("lng").value = pos.coords.longitude.toFixed(7);
			document.getElementById("lat").value = pos.coords.latitude.toFixed(7);
			say(msg("located"));
			form.submit();
		}, function (err) {
			button.disabled = false;
			say(msg(err.code === 1 ? "denied" : "failed"));
		}, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
	});
})();
