// Shows a chosen file's real size against the limits before it is sent, so nobody waits for an
// upload that will be refused, and shrinks a large photo before it is sent. The server checks everything again.
(function () {
  "use strict";
  var KB = 1024;
  function size(bytes) {
    return bytes >= KB * KB ? (bytes / KB / KB).toFixed(1) + "MB" : (bytes / KB).toFixed(1) + "KB";
  }
  function describe(input, file) {
    var max = Number(input.dataset.maxBytes);
    var isPdf = /\.pdf$/i.test(file.name) || file.type === "application/pdf";
    if (file.size === 0) {
      return { ok: false, text: "文件为空，请重新选择" };
    }
    if (file.size > max) {
      return { ok: false, text: "文件为" + size(file.size) + "，超过" + size(max) + "的上限，请压缩后再上传" };
    }
    if (input.dataset.kind === "photo") {
      var photoMax = Number(input.dataset.photoMax);
      return { ok: true, text: "文件为" + size(file.size) + (file.size > photoMax ? "，大于50KB，上传后系统会裁剪压缩供您确认" : "") };
    }
    var min = Number(input.dataset.scanMin), scanMax = Number(input.dataset.scanMax);
    var inside = file.size >= min && file.size <= scanMax;
    if (isPdf && !inside) {
      return { ok: false, text: "PDF文件为" + size(file.size) + "，须在200KB至300KB之间（含），请重新扫描后再上传" };
    }
    return { ok: true, text: "文件为" + size(file.size) + (inside ? "" : "，不在200KB至300KB之间，上传后系统会重新压缩供您确认") };
  }
  // A photo larger than the portal keeps as it is gets shrunk here before it is sent (data-shrink-to, the long side in
  // pixels): the server cuts a 295×413 photo from it anyway, so nothing visible is lost, while a phone's connection
  // carries a fraction of the bytes and the server decodes a fraction of the pixels. The camera's turn mark is applied
  // while drawing. Without the browser features needed, or if anything fails, the original is sent; the server checks
  // and fits whatever arrives.
  var canShrink = !!(window.createImageBitmap && window.DataTransfer && window.HTMLCanvasElement && HTMLCanvasElement.prototype.toBlob);
  function shrink(input, file, hint) {
    var longest = Number(input.dataset.shrinkTo);
    if (!canShrink || !longest || file.size <= Number(input.dataset.photoMax) || !/^image\/(jpeg|png)$/.test(file.type)) {
      return;
    }
    var button = input.form && input.form.querySelector("button[type=submit]");
    if (button) { button.disabled = true; }
    createImageBitmap(file, { imageOrientation: "from-image" }).then(function (bitmap) {
      var scale = longest / Math.max(bitmap.width, bitmap.height);
      if (scale >= 1) {
        bitmap.close();
        return null;
      }
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      var context = canvas.getContext("2d");
      context.fillStyle = "#fff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.imageSmoothingQuality = "high";
      context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      bitmap.close();
      return new Promise(function (resolve) { canvas.toBlob(resolve, "image/jpeg", 0.9); }).then(function (blob) {
        if (!blob || blob.size >= file.size || input.files[0] !== file) {
          return;
        }
        var shrunk = new File([blob], file.name.replace(/\.[^.]*$/, "") + ".jpg", { type: "image/jpeg" });
        var transfer = new DataTransfer();
        transfer.items.add(shrunk);
        input.files = transfer.files;
        input.setCustomValidity("");
        if (hint) {
          hint.textContent = "原图为" + size(file.size) + "，已在本机缩小为" + canvas.width + "×" + canvas.height + "像素（" + size(shrunk.size) + "）再上传；上传后系统会裁剪压缩为一寸照片供您确认";
          hint.className = "upload-hint";
        }
      });
    }).catch(function () {
      return null;
    }).then(function () {
      if (button) { button.disabled = false; }
    });
  }
  document.querySelectorAll("input[type=file][data-kind]").forEach(function (input) {
    var hint = document.querySelector("[data-size-for='" + input.id + "']");
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file || !hint) { return; }
      var verdict = describe(input, file);
      hint.textContent = verdict.text;
      hint.className = verdict.ok ? "upload-hint" : "upload-warning";
      input.setCustomValidity(verdict.ok ? "" : verdict.text);
      shrink(input, file, hint);
    });
  });
}());

// The 代缴 remark follows the payer name and amount as they are typed; the server builds the same text.
(function () {
  "use strict";
  var text = document.getElementById("proxy-remark-text");
  var form = document.getElementById("payment-form");
  if (!text || !form) {
    return;
  }
  var payer = form.querySelector("[name='Input.PayerName']");
  var amount = form.querySelector("[name='Input.Amount']");
  var box = document.getElementById("proxy-remark");
  var other = document.getElementById("paid-by-other");
  var template = text.textContent;
  var candidate = text.dataset.templateCandidate;
  function refresh() {
    var value = Number((amount.value || "").replace(/[¥￥,元\s]/g, ""));
    var name = payer.value.trim() || "（代缴人姓名）";
    var prefix = "该笔费用由";
    var rest = template.substring(template.indexOf("代" + candidate + "缴纳"));
    rest = rest.replace(/金额为[^元]*元$/, "金额为" + (isFinite(value) ? value.toFixed(2) : "") + "元");
    text.textContent = prefix + name + rest;
    box.hidden = !other.checked;
  }
  [payer, amount].forEach(function (input) { input.addEventListener("input", refresh); });
  form.querySelectorAll("[name='Input.PaidByOther']").forEach(function (radio) { radio.addEventListener("change", refresh); });
  refresh();
})();

// The institution's selection: head count and total follow the ticked applicants.
(function () {
  "use strict";
  var form = document.getElementById("institution-payment-form");
  if (!form) {
    return;
  }
  var boxes = form.querySelectorAll("input[name='Input.RegistrationIds']");
  function refresh() {
    var count = 0, total = 0;
    boxes.forEach(function (box) {
      if (box.checked) {
        count += 1;
        total += Math.round(Number(box.dataset.fee) * 100);
      }
    });
    document.getElementById("selected-count").textContent = String(count);
    document.getElementById("selected-total").textContent = "¥" + (total / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  boxes.forEach(function (box) { box.addEventListener("change", refresh); });
})();
