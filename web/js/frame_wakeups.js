// Render on demand: input, page and viewport changes wake the paused frame loop for a few frames;
// the browser coming back online is reported too.

for (const type of ['pointerdown', 'pointermove', 'pointerup', 'touchstart', 'touchmove', 'touchend',
                    'touchcancel', 'wheel', 'mousedown', 'mouseup', 'mousemove']) {
  Module.canvas.addEventListener(type, () => wake(4), { passive: true });
}
for (const type of ['keydown', 'keyup', 'focus', 'blur']) window.addEventListener(type, () => wake(4));
document.addEventListener('visibilitychange', () => wake(2));
window.addEventListener('online', () => { if (Module._app_online) Module._app_online(); });

function viewportChanged() {
  if (Module.calledRun && Module._app_viewport_changed) Module._app_viewport_changed();
}
window.addEventListener('resize', viewportChanged);
// The system's preferences the host follows, as query lists made once: they are read every frame
// (web_platform.cpp) and wake the loop when they change.
Module.mediaQueries = window.matchMedia ? {
  dark: matchMedia('(prefers-color-scheme: dark)'), moreContrast: matchMedia('(prefers-contrast: more)'),
  forcedColors: matchMedia('(forced-colors: active)'), reducedMotion: matchMedia('(prefers-reduced-motion: reduce)'),
} : null;
if (Module.mediaQueries) Object.values(Module.mediaQueries).forEach((query) => query.addEventListener('change', () => wake(4)));
if (window.visualViewport) window.visualViewport.addEventListener('resize', viewportChanged);
// devicePixelRatio changes (browser zoom, moving between screens) do not always fire resize.
(function watchPixelRatio() {
  const query = matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
  query.addEventListener('change', () => { viewportChanged(); watchPixelRatio(); }, { once: true });
})();
