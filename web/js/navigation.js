// The place in the app as the URL fragment, so back and forward (Android's back too) move
// between tabs and close the explanation.

// Places in the app live in the URL fragment: back (also Android's) returns to the previous one.
Module.setRoute = function (fragment, replace) {
  if (location.hash === fragment || (fragment === '#' && !location.hash)) return;
  history[replace ? 'replaceState' : 'pushState'](null, '', fragment);
};
window.addEventListener('popstate', () => {
  if (Module._app_route) withCString(location.hash, (ptr) => Module._app_route(ptr));
});
