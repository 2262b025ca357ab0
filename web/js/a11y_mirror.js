// The accessibility mirror: the items Dear ImGui drew in the last frame as real elements laid over
// the canvas (buttons, checkboxes, text fields, headings, text, tables), so screen readers and the keyboard reach them.

// The elements are transparent and let pointers through to the canvas: a finger or mouse still
// talks to Dear ImGui, a screen reader's tap lands on the same spot. Their order is the order the
// items were drawn in, which is the reading order. Keys pressed on them are theirs alone (Tab moves
// the browser's focus, Enter and Space click), so Dear ImGui never acts on a key twice.
const mirror = document.createElement('div');
mirror.id = 'a11y-tree';
Object.assign(mirror.style, { position: 'fixed', inset: '0', overflow: 'hidden', pointerEvents: 'none', zIndex: '1' });
const announcer = document.createElement('div');  // the live region: outcomes and errors
announcer.setAttribute('role', 'status');
announcer.setAttribute('aria-live', 'polite');
Object.assign(announcer.style, { position: 'fixed', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)' });
const ring = document.createElement('style');
// A ring of two colours, visible on light, dark and high-contrast pages alike.
ring.textContent = '#a11y-tree :focus-visible { outline: 3px solid #ffdb00; box-shadow: 0 0 0 6px #111; border-radius: 6px; }';
document.head.appendChild(ring);
document.body.appendChild(mirror);
document.body.appendChild(announcer);
Module.canvas.setAttribute('aria-hidden', 'true');  // the mirror speaks for it

const nodes = new Map();  // key -> element
const itemOf = new WeakMap();  // element -> the item it stands for
let editing = 0;  // the id of the Dear ImGui text field being edited

// Interactive items keep their element across frames by id (focus stays put); text has no id and
// is keyed by what it says and how often that was said before it in the frame.
function keyOf(item, seen) {
  if (item.id && item.role !== 'text' && item.role !== 'heading') return item.role + ':' + item.id;
  const k = item.role + '\n' + item.label + '\n' + item.value;
  const n = (seen.get(k) || 0) + 1;
  seen.set(k, n);
  return k + '\n' + n;
}

function activate(element) {
  const item = itemOf.get(element);
  if (item && item.id && Module._app_activate_item) Module._app_activate_item(item.id);
}

function elementFor(item) {
  let e;
  if (item.role === 'button' || item.role === 'treeitem') {
    e = document.createElement('button');
    e.type = 'button';
    e.addEventListener('click', () => activate(e));
  } else if (item.role === 'checkbox') {
    e = document.createElement('input');
    e.type = 'checkbox';
    e.addEventListener('click', (event) => { event.preventDefault(); activate(e); });  // the app decides the state
  } else if (item.role === 'textbox') {
    e = document.createElement('input');
    e.type = 'text';
    e.addEventListener('focus', () => activate(e));  // Dear ImGui takes the field; the text agent carries the typing
  } else if (item.role === 'heading') {
    e = document.createElement('h2');
  } else if (item.role === 'image') {
    e = document.createElement('div');
    e.setAttribute('role', 'img');
  } else {
    e = document.createElement('p');
  }
  Object.assign(e.style, { position: 'absolute', margin: '0', padding: '0', border: '0', background: 'transparent',
                           color: 'transparent', caretColor: 'transparent', overflow: 'hidden', whiteSpace: 'nowrap',
                           font: '1px sans-serif', pointerEvents: 'none', boxSizing: 'border-box',
                           appearance: 'none', webkitAppearance: 'none' });  // a checkbox would draw its box otherwise
  e.addEventListener('focus', () => {
    const it = itemOf.get(e);
    if (it && it.id && Module._app_reveal_item) Module._app_reveal_item(it.id);
  });
  return e;
}

function setAttribute(e, name, value) {
  if (value === null) e.removeAttribute(name);
  else if (e.getAttribute(name) !== value) e.setAttribute(name, value);
}

function update(e, item, origin) {
  itemOf.set(e, item);
  const spoken = item.role === 'figure' || (item.role === 'text' && item.value) ? item.label + ': ' + item.value : item.label;
  if (e.tagName === 'BUTTON') {
    if (e.textContent !== item.label) e.textContent = item.label;
    setAttribute(e, 'aria-label', item.name || null);  // "Approve: Safe lifting, Anna Peeters"
    setAttribute(e, 'aria-pressed', item.value === 'pressed' ? 'true' : null);
    setAttribute(e, 'aria-expanded', item.role === 'treeitem' ? String(item.value === 'open') : null);
  } else if (e.type === 'checkbox') {
    e.checked = item.value === 'true';
    setAttribute(e, 'aria-label', item.name || item.label);
  } else if (e.tagName === 'INPUT') {
    setAttribute(e, 'aria-label', item.label);
    if (e.value !== item.value) e.value = item.value;
    // While Dear ImGui edits it, the text agent is this field for the screen reader and the keyboard.
    const edited = item.id === editing;
    setAttribute(e, 'aria-hidden', edited ? 'true' : null);
    e.tabIndex = edited ? -1 : 0;
  } else if (e.getAttribute('role') === 'img') {
    setAttribute(e, 'aria-label', item.label);
  } else if (e.textContent !== spoken) {
    e.textContent = spoken;
  }
  moveTo(e, item, origin);
}

// Places an element over its item; `origin` is where the box it sits in begins (a table's cell).
function moveTo(e, box, origin) {
  const s = e.style, px = (v) => Math.round(v * 10) / 10 + 'px';
  const left = px(box.x - origin.x), top = px(box.y - origin.y);
  if (s.left !== left || s.top !== top || s.width !== px(box.w) || s.height !== px(box.h))
    Object.assign(s, { left, top, width: px(box.w), height: px(box.h) });
}

// The text agent stands in for the field being edited: named like it, over it, and Tab from it
// goes to the mirror's next or previous element (Dear ImGui lets the field go).
function followEditing(items) {
  const agent = Module.textAgent;
  const item = editing ? items.find((i) => i.id === editing) : null;
  setAttribute(agent, 'aria-hidden', item ? null : 'true');
  setAttribute(agent, 'aria-label', item ? item.label : null);
  if (item) Object.assign(agent.style, { left: item.x + 'px', top: item.y + 'px', width: item.w + 'px', height: item.h + 'px' });
}

// Tab in the field being edited: to the mirror's next or previous element, Dear ImGui lets the
// field go. Returns false when there is none (the browser takes focus out of the page).
function tabFromField(backwards) {
  const field = nodes.get('textbox:' + editing);
  if (!field) return false;
  const side = backwards ? Node.DOCUMENT_POSITION_PRECEDING : Node.DOCUMENT_POSITION_FOLLOWING;
  const candidates = Array.from(mirror.querySelectorAll('button, input'))
    .filter((e) => e.tabIndex >= 0 && (field.compareDocumentPosition(e) & side));
  const next = backwards ? candidates[candidates.length - 1] : candidates[0];
  if (!next) return false;
  if (Module._app_release_text) Module._app_release_text();
  next.focus();
  return true;
}

Module.preRun.push(function () {
  // Registered before glfwInit, so they run first: keys on mirror elements never reach Dear ImGui,
  // nor does Tab anywhere (the browser's focus order is the one order; Dear ImGui's own tabbing
  // would move a second focus). Tab in the field being edited goes to the mirror's next element.
  for (const type of ['keydown', 'keyup', 'keypress']) {
    window.addEventListener(type, (event) => {
      if (!mirror.contains(event.target) && event.key !== 'Tab') return;
      event.stopImmediatePropagation();
      if (type === 'keydown' && event.key === 'Tab' && event.target === Module.textAgent && editing && tabFromField(event.shiftKey))
        event.preventDefault();
    }, true);
  }
});

// Items drawn in a table's cells sit inside a table, row and cell (a column header in the header
// row), so a screen reader reads a figure with its column's name. Each container spans what it
// holds, so a screen reader's highlight frames the row or the table.
function containersOf(item) {
  if (!item.table) return [];
  const t = 'table:' + item.table, r = t + ':' + item.row, c = r + ':' + item.column;
  return [{ key: t, role: 'table' }, { key: r, role: 'row' }, { key: c, role: item.header ? 'columnheader' : 'cell' }];
}

function container(role) {
  const e = document.createElement('div');
  e.setAttribute('role', role);
  Object.assign(e.style, { position: 'absolute', pointerEvents: 'none' });
  return e;
}

Module.mirrorItems = function (json, editingId, navId) {
  const items = JSON.parse(json).filter((i) => i.label || i.role === 'textbox');
  editing = editingId >>> 0;  // ids are unsigned; they arrive as signed 32-bit numbers
  navId >>>= 0;
  const seen = new Map(), keys = items.map((i) => keyOf(i, seen)), wanted = new Set(keys);
  const boxes = items.map(containersOf), spans = new Map();  // container key -> the box around its items
  items.forEach((item, i) => boxes[i].forEach((c) => {
    wanted.add(c.key);
    const b = spans.get(c.key);
    if (!b) return spans.set(c.key, { x: item.x, y: item.y, w: item.w, h: item.h });
    const x1 = Math.max(b.x + b.w, item.x + item.w), y1 = Math.max(b.y + b.h, item.y + item.h);
    b.x = Math.min(b.x, item.x); b.y = Math.min(b.y, item.y); b.w = x1 - b.x; b.h = y1 - b.y;
  }));
  nodes.forEach((e, key) => {
    if (!wanted.has(key)) { e.remove(); nodes.delete(key); }
  });
  // Only elements out of order move, so removals came first. A moved element loses focus, so the
  // one holding it stays and the elements not yet placed before it go after it (they are placed
  // later in this pass): focus survives the page scrolling under it. (An element placed already,
  // for an id drawn twice, is simply moved.)
  const last = new Map(), placed = new Set();  // parent -> the child placed last in this pass
  const place = (e, parent) => {
    const previous = last.get(parent) || null, spot = previous ? previous.nextSibling : parent.firstChild;
    if (e !== spot && !placed.has(e) && e.parentNode === parent && e.contains(document.activeElement)) {
      while (e.previousSibling !== previous) parent.insertBefore(e.previousSibling, e.nextSibling);
    } else if (e !== spot) {
      parent.insertBefore(e, spot);
    }
    last.set(parent, e);
    placed.add(e);
  };
  items.forEach((item, i) => {
    let parent = mirror, origin = { x: 0, y: 0 };
    for (const box of boxes[i]) {  // no destructuring here: Emscripten 3.1.6's minifier drops it
      let c = nodes.get(box.key);
      if (!c) { c = container(box.role); nodes.set(box.key, c); }
      const span = spans.get(box.key);
      if (!placed.has(c)) { place(c, parent); moveTo(c, span, origin); }
      parent = c;
      origin = span;
    }
    if (item.header && item.role === 'button') setAttribute(parent, 'aria-sort', /^(a|de)scending$/.test(item.value) ? item.value : null);
    let e = nodes.get(keys[i]);
    const fresh = !e;
    if (fresh) { e = elementFor(item); nodes.set(keys[i], e); }
    update(e, item, origin);
    place(e, parent);
    if (fresh && item.live) announcer.textContent = item.label;
  });
  followEditing(items);
  // Focus that fell out of the page (Dear ImGui moved its own) goes to the item Dear ImGui focuses.
  const lost = !document.activeElement || document.activeElement === document.body;
  const target = navId && (nodes.get('button:' + navId) || nodes.get('checkbox:' + navId) || nodes.get('textbox:' + navId));
  if (lost && target && !editing) target.focus({ preventScroll: true });
};
