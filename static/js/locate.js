/*
 * locate.js: the location step of the quiz. Asks the browser for its
 * position (WGS-84) and posts it; the server converts it and finds the
 * street or town. Without JavaScript or a position, the manual choice on
 * the same page still works.
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
	/* Back to this page from the browser's cache: ready to try again. */
	window.addEventListener("pageshow", function (e) {
		if (e.persisted) {
			button.disabled = false;
			say("");
		}
	});
	button.addEventListener("click", function () {
		button.disabled = true;
		say("正在获取位置……");
		navigator.geolocation.getCurrentPosition(function (pos) {
			document.getElementById("lng").value = pos.coords.longitude.toFixed(7);
			document.getElementById("lat").value = pos.coords.latitude.toFixed(7);
			say("已获取位置，正在确认所在镇街……");
			form.submit();
		}, function (err) {
			button.disabled = false;
			say(err.code === 1 ?
			    "未获得定位授权。请在浏览器设置中允许定位，或在下方手动选择镇街。" :
			    "暂时无法获取位置，请重试或在下方手动选择镇街。");
		}, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
	});
})();
