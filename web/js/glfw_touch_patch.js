// Emscripten 3.1.6's GLFW routes touches through stale mouse coordinates; C++ feeds touches to
// Dear ImGui itself (web_platform.cpp), so GLFW's mouse handlers ignore them.

Module.preRun.push(function () {
  const skipTouch = (handler) => function (event) {
    if (event && typeof event.type === 'string' && event.type.startsWith('touch')) return;
    return handler.apply(this, arguments);
  };
  GLFW.onMousemove = skipTouch(GLFW.onMousemove);
  GLFW.onMouseButtonChanged = skipTouch(GLFW.onMouseButtonChanged);
});
