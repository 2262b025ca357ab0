// The installed app (service worker for offline start) and the stable face for tests and tools:
// window.learnledger.

// Offline start: the service worker keeps the app shell (never API answers). It is registered once
// the first frame is drawn: on a first visit its install downloads the whole shell again, and
// before the first frame that competed with the start-up for the network, the disk and the cores.
Module.llFirstFrameDrawn = function () {
  if ('serviceWorker' in navigator && (location.protocol === 'https:' || location.hostname === '127.0.0.1' || location.hostname === 'localhost')) {
    navigator.serviceWorker.register('service-worker.js').catch(() => {});
  }
};

// An export may be called only once the runtime runs: before that its wrapper exists but the
// WebAssembly instance behind it does not (a tool polling early would throw).
const live = (name) => Module.calledRun && Module[name];

window.learnledger = {
  // Frames rendered since load: stays constant while the page is idle.
  frames: () => (live('_app_frames') ? Module._app_frames() : 0),
  // Widgets of the last frame: {id, role, label, value, x, y, w, h} in CSS pixels.
  items: () => (live('_app_items_json') ? JSON.parse(UTF8ToString(Module._app_items_json())) : []),
  ready: () => !!(live('_app_frames') && Module._app_frames() > 0),
  // True once the frame loop has paused: what is drawn (and items()) shows what the last input led to.
  idle: () => !!(live('_app_idle') && Module._app_idle()),
  // The theme drawn: 'light' or 'dark' (prefers-color-scheme), 'high-contrast' (prefers-contrast:
  // more, forced colours, or chosen in the app); '' before the first frame.
  theme: () => (live('_app_theme') ? ['', 'light', 'dark', 'high-contrast'][Module._app_theme() + 1] : ''),
  // Time spent in frames since load: the app's own work, and whole frames with the WebGL calls.
  frameTimes: () => ({ appMs: live('_app_frame_ms') ? Module._app_frame_ms(0) : 0, frameMs: live('_app_frame_ms') ? Module._app_frame_ms(1) : 0 }),
  // Renders `count` frames at once (benchmarks: CPU per frame).
  renderFrames: (count) => { if (live('_app_run_frames')) Module._app_run_frames(count); },
  // Wakes the live loop for `count` frames, as input does (benchmarks: the loop's pace).
  wake: (count) => { if (live('_app_wake')) Module._app_wake(count); },
};
