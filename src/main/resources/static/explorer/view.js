/* Small helpers for the page: building elements, and the status line (loading, messages, errors). */

/** An element with attributes (and on* listeners) and children (strings become text). */
export function el(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      element.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
    }
  }
  return element;
}

/** Empties an element and fills it with these children. */
export function fill(element, ...children) {
  element.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined && c !== false)
    .map(c => typeof c === 'string' ? document.createTextNode(c) : c));
}

const busy = new Map();

/** Shows or hides the loading indicator for one kind of request. */
export function setBusy(what, running) {
  const count = (busy.get(what) || 0) + (running ? 1 : -1);
  if (count > 0) {
    busy.set(what, count);
  } else {
    busy.delete(what);
  }
  const indicator = document.getElementById('loading');
  indicator.hidden = busy.size === 0;
  fill(indicator, busy.size ? `Loading: ${[...busy.keys()].join(', ')}…` : '');
  document.getElementById('chart').setAttribute('aria-busy', busy.size > 0 ? 'true' : 'false');
}

/** A message in the status line (what the chart now holds, an empty result said plainly). */
export function say(message) {
  fill(document.getElementById('status'), message);
}

/** An error in words, with its code, until the next action clears it. */
export function showError(error) {
  const box = document.getElementById('error');
  fill(box, typeof error.describe === 'function' ? error.describe() : String(error.message || error));
  box.hidden = false;
}

export function clearError() {
  const box = document.getElementById('error');
  fill(box);
  box.hidden = true;
}

/** A date as the API writes it, YYYY-MM-DD (UTC). */
export function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

/** A link's validity in words: "2009-03-17 to 2009-08-31", "since 2009-09-01", "always". */
export function validity(properties) {
  const from = properties && properties.validFrom;
  const to = properties && properties.validTo;
  if (from && to) {
    return `${from} to ${to}`;
  }
  if (from) {
    return `since ${from}`;
  }
  if (to) {
    return `until ${to}`;
  }
  return 'no dates';
}
