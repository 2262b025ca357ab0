// The place in the app as the URL fragment, so back and forward (Android's back too) move
// between tabs and close the explanation.

// Pushes a new history entry, or replaces the current one (C++ decides which: web/main.cpp).
Module.setRoute = function (fragment, replace) {
  if (location.hash === fragment || (fragment === '#' && !location.hash)) return;
  history[replace ? 'replaceState' : 'pushState'](null, '', fragment);
};
window.addEventListener('popstate', () => {
  if (Module._app_route) withCString(location.hash, (ptr) => Module._app_route(ptr));
});
