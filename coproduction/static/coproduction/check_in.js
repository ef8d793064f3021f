// The door's scan page: read attendees' QR codes with the camera and send each code.
//
// Uses the browser's own BarcodeDetector (Chrome and Edge on Android, Safari behind a flag)
// and the camera; without either, the page stays a plain form for a typed code.
(function () {
  "use strict";
  var form = document.querySelector("[data-check-in-form]");
  var video = document.querySelector("[data-check-in-video]");
  var start = document.querySelector("[data-check-in-start]");
  if (!form || !video || !start) return;
  if (!("BarcodeDetector" in window) || !navigator.mediaDevices) {
    document.querySelector("[data-check-in-no-camera]").hidden = false;
    return;
  }
  var prefix = form.getAttribute("data-prefix");
  var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
  var sent = false;

  function send(value) {
    if (sent) return;
    sent = true;
    form.querySelector("[name=code]").value = value;
    form.querySelector("[name=via]").value = "camera";
    form.submit();
  }

  function look() {
    if (sent) return;
    detector.detect(video).then(function (codes) {
      for (var i = 0; i < codes.length; i++) {
        if (codes[i].rawValue.indexOf(prefix) === 0) {
          send(codes[i].rawValue);
          return;
        }
      }
      window.setTimeout(look, 250);
    }, function () {
      window.setTimeout(look, 500);
    });
  }

  function open() {
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (stream) {
        video.srcObject = stream;
        video.hidden = false;
        start.hidden = true;
        return video.play();
      })
      .then(look, function () {
        document.querySelector("[data-check-in-no-camera]").hidden = false;
      });
  }

  start.hidden = false;
  start.addEventListener("click", open);
  // After a check-in the page reloads: carry on scanning if the camera was in use.
  if (form.getAttribute("data-resume") === "true") open();
})();
