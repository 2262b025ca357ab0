// Answers Dear ImGui's per-frame questions about blend, viewport and scissor state from what the app
// last set, instead of asking WebGL: each of those getParameter calls waits for the GPU process.
'use strict';

// The OpenGL3 backend saves and restores this state around every frame (eight glGetIntegerv
// calls). Chromium answers them synchronously from the GPU process, so the frame first waited for
// all the GPU work queued before it: under SwiftShader, 30 frames of typing took 2.2-2.3 s with
// the calls and 0.75-1.1 s without (bench/RESULTS.md). Anything not set yet is still asked.
Module.llShadowGlState = function (gl) {
  const BLEND_EQUATION_RGB = 0x8009, BLEND_DST_RGB = 0x80C8, BLEND_SRC_RGB = 0x80C9, BLEND_DST_ALPHA = 0x80CA,
        BLEND_SRC_ALPHA = 0x80CB, BLEND_EQUATION_ALPHA = 0x883D, VIEWPORT = 0x0BA2, SCISSOR_BOX = 0x0C10;
  const known = new Map();
  const track = (name, remember) => {
    const set = gl[name].bind(gl);
    gl[name] = (...args) => { remember(...args); return set(...args); };
  };
  track('blendFunc', (src, dst) => known.set(BLEND_SRC_RGB, src).set(BLEND_DST_RGB, dst).set(BLEND_SRC_ALPHA, src).set(BLEND_DST_ALPHA, dst));
  track('blendFuncSeparate', (srcRgb, dstRgb, srcAlpha, dstAlpha) =>
    known.set(BLEND_SRC_RGB, srcRgb).set(BLEND_DST_RGB, dstRgb).set(BLEND_SRC_ALPHA, srcAlpha).set(BLEND_DST_ALPHA, dstAlpha));
  track('blendEquation', (mode) => known.set(BLEND_EQUATION_RGB, mode).set(BLEND_EQUATION_ALPHA, mode));
  track('blendEquationSeparate', (rgb, alpha) => known.set(BLEND_EQUATION_RGB, rgb).set(BLEND_EQUATION_ALPHA, alpha));
  track('viewport', (x, y, w, h) => known.set(VIEWPORT, Int32Array.of(x, y, w, h)));
  track('scissor', (x, y, w, h) => known.set(SCISSOR_BOX, Int32Array.of(x, y, w, h)));
  const ask = gl.getParameter.bind(gl);
  gl.getParameter = (name) => {
    const value = known.get(name);
    if (value === undefined) return ask(name);
    return value instanceof Int32Array ? value.slice() : value;  // the caller may write into an array
  };
  // WebGL's defaults, set through the shadow so that it knows them: the first frame asked for them
  // while the GPU process was still compiling shaders and uploading the font, 75-125 ms of waits.
  const start = () => {
    gl.viewport(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight);
    gl.scissor(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight);
    gl.blendEquation(gl.FUNC_ADD);
    gl.blendFunc(gl.ONE, gl.ZERO);
  };
  start();
  // A restored context starts again from WebGL's defaults.
  gl.canvas.addEventListener('webglcontextlost', () => known.clear());
  gl.canvas.addEventListener('webglcontextrestored', start);
};
