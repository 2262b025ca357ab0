// learnledger web platform layer (--pre-js): runs before the Emscripten runtime starts.
// Fixes Emscripten 3.1.6's GLFW for phones, wakes the on-demand frame loop, bridges fetch,
// and publishes the stable test/tool face `window.learnledger`.
'use strict';

Module.canvas = document.getElementById('canvas');
Module.preRun = Module.preRun || [];

Module.preRun.push(function () {
  // GLFW routes touches through stale mouse coordinates: ignore touch events there, C++ feeds them.
  const skipTouch = (handler) => function (event) {
    if (event && typeof event.type === 'string' && event.type.startsWith('touch')) return;
    return handler.apply(this, arguments);
  };
  GLFW.onMousemove = skipTouch(GLFW.onMousemove);
  GLFW.onMouseButtonChanged = skipTouch(GLFW.onMouseButtonChanged);
});

function wake(frames) {
  if (Module.calledRun && Module._app_wake) Module._app_wake(frames || 4);
}

// Any input or page change wakes the loop for a few frames; idle pages render nothing.
for (const type of ['pointerdown', 'pointermove', 'pointerup', 'touchstart', 'touchmove', 'touchend',
                    'touchcancel', 'wheel', 'mousedown', 'mouseup', 'mousemove']) {
  Module.canvas.addEventListener(type, () => wake(4), { passive: true });
}
for (const type of ['keydown', 'keyup', 'focus', 'blur']) window.addEventListener(type, () => wake(4));
document.addEventListener('visibilitychange', () => wake(2));

function viewportChanged() {
  if (Module.calledRun && Module._app_viewport_changed) Module._app_viewport_changed();
}
window.addEventListener('resize', viewportChanged);
if (window.visualViewport) window.visualViewport.addEventListener('resize', viewportChanged);
// devicePixelRatio changes (browser zoom, moving between screens) do not always fire resize.
(function watchPixelRatio() {
  const query = matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
  query.addEventListener('change', () => { viewportChanged(); watchPixelRatio(); }, { once: true });
})();

// fetch() bridge: answers return to C++ through _app_http_done; status 0 means no answer.
Module.llFetch = function (id, method, path, body, headers) {
  const init = { method, credentials: 'same-origin', headers: Object.assign({ 'Accept': 'application/json' }, headers) };
  if (body) {
    init.body = body;
    init.headers['Content-Type'] = 'application/json';
  }
  const answer = (status, text) => {
    const size = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    try { Module._app_http_done(id, status, ptr); } finally { _free(ptr); }
    wake(4);
  };
  fetch(path, init)
    .then((response) => response.text().then((text) => answer(response.status, text)))
    .catch(() => answer(0, ''));
};

Module.onRuntimeInitialized = function () {
  const loading = document.getElementById('loading');
  if (loading) loading.remove();
};

Module.setStatus = function (text) {
  const status = document.getElementById('loading-status');
  if (status && text) status.textContent = text.replace(/\(.*\)/, '').trim() || 'Loading';
};

window.learnledger = {
  // Frames rendered since load: stays constant while the page is idle.
  frames: () => (Module._app_frames ? Module._app_frames() : 0),
  // Widgets of the last frame: {id, role, label, value, x, y, w, h} in CSS pixels.
  items: () => (Module._app_items_json ? JSON.parse(UTF8ToString(Module._app_items_json())) : []),
  ready: () => !!(Module.calledRun && Module._app_frames && Module._app_frames() > 0),
};
