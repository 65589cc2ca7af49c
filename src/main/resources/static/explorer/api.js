/*
 * The public API as any outside frontend uses it: GraphQL over POST with JSON at /graphql (subscriptions
 * as server-sent events from the same address), and the export endpoints over GET, each request signed in with HTTP Basic or a bearer token. Without a sign-in
 * of the page's own, requests go with the browser's (the credentials it asked for when the page opened).
 */

/** An error the API answered with: its code (extensions.code), the field it names, and its message. */
export class ApiError extends Error {
  constructor(code, message, field, status) {
    super(message);
    this.code = code || 'ERROR';
    this.field = field || null;
    this.status = status || null;
  }

  /** The error in words, with its code: "NOT_FOUND (ids): entity with id ... not found". */
  describe() {
    return `${this.code}${this.field ? ` (${this.field})` : ''}: ${this.message}`;
  }
}

const base = new URL('../', import.meta.url);

let authorization = null;
let pending = 0;
const listeners = new Set();

/** Sign in with a user name and password (HTTP Basic) for every request from now on. */
export function signInWithPassword(user, password) {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  authorization = 'Basic ' + btoa(String.fromCharCode(...bytes));
}

/** Sign in with a bearer token from the identity provider. */
export function signInWithToken(token) {
  authorization = 'Bearer ' + token.trim();
}

/** Back to the browser's own sign-in. */
export function useBrowserSignIn() {
  authorization = null;
}

/** How many requests are on their way (the page shows a loading indicator while any is). */
export function pendingRequests() {
  return pending;
}

/** Tells the listener (what, running) whenever a request starts or ends. */
export function onActivity(listener) {
  listeners.add(listener);
}

function headers(extra) {
  // A script's request: a refusal then carries no Basic challenge, which would open the browser's own
  // sign-in dialog over the page's form.
  const all = Object.assign({ Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }, extra);
  if (authorization) {
    all.Authorization = authorization;
  }
  return all;
}

async function tracked(what, work) {
  pending++;
  listeners.forEach(l => l(what, true));
  try {
    return await work();
  } finally {
    pending--;
    listeners.forEach(l => l(what, false));
  }
}

/** The first error of a GraphQL answer or of an export's JSON error body, as an ApiError. */
function errorOf(body, status) {
  if (body && Array.isArray(body.errors) && body.errors.length) {
    const first = body.errors[0];
    const ext = first.extensions || {};
    return new ApiError(ext.code, first.message, ext.field, status);
  }
  if (body && body.code) {
    return new ApiError(body.code, body.message, body.field, status);
  }
  return new ApiError('HTTP_' + status, `the application answered with HTTP status ${status}`, null, status);
}

async function json(response) {
  try {
    return await response.json();
  } catch (e) {
    return null;
  }
}

/** Runs a GraphQL operation and returns its data; any error in the answer is thrown as an ApiError. */
export function graphql(what, query, variables) {
  return tracked(what, async () => {
    let response;
    try {
      response = await fetch(new URL('graphql', base), {
        method: 'POST',
        credentials: 'same-origin',
        headers: headers({ 'Content-Type': 'application/json' }),
        body: JSON.stringify({ query, variables: variables || {} }),
      });
    } catch (e) {
      throw new ApiError('NETWORK', 'the application could not be reached: ' + e.message);
    }
    const body = await json(response);
    if (!response.ok || !body || (body.errors && body.errors.length)) {
      throw errorOf(body, response.status);
    }
    return body.data;
  });
}

/** Downloads an export (path and query parameters) as a Blob; an error answer is thrown as an ApiError. */
export function exportFile(what, path, params) {
  return tracked(what, async () => {
    const url = new URL(path, base);
    for (const [name, value] of params) {
      url.searchParams.append(name, value);
    }
    let response;
    try {
      response = await fetch(url, { credentials: 'same-origin', headers: headers({ Accept: '*/*' }) });
    } catch (e) {
      throw new ApiError('NETWORK', 'the application could not be reached: ' + e.message);
    }
    if (!response.ok) {
      throw errorOf(await json(response), response.status);
    }
    return response.blob();
  });
}

/**
 * Follows a GraphQL subscription as server-sent events (POST /graphql with Accept: text/event-stream):
 * `onOpen` once the application has answered, then `onNext` with the data of each event, until the
 * stream ends or `signal` aborts it. An error answer is thrown as an ApiError. Not counted as a pending
 * request: it stays open.
 */
export async function subscribe(query, variables, { onOpen, onNext, signal }) {
  let response;
  try {
    response = await fetch(new URL('graphql', base), {
      method: 'POST',
      credentials: 'same-origin',
      signal,
      headers: headers({ 'Content-Type': 'application/json', Accept: 'text/event-stream' }),
      body: JSON.stringify({ query, variables: variables || {} }),
    });
  } catch (e) {
    if (signal && signal.aborted) {
      return;
    }
    throw new ApiError('NETWORK', 'the application could not be reached: ' + e.message);
  }
  if (!response.ok) {
    throw errorOf(await json(response), response.status);
  }
  onOpen();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer = (buffer + value).replace(/\r\n/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const data = buffer.slice(0, end).split('\n').filter(line => line.startsWith('data:'))
          .map(line => line.slice(5).trimStart()).join('\n');
        buffer = buffer.slice(end + 2);
        if (!data) {
          continue;
        }
        const body = JSON.parse(data);
        if (body.errors && body.errors.length) {
          throw errorOf(body, response.status);
        }
        if (body.data) {
          onNext(body.data);
        }
      }
    }
  } catch (e) {
    if (signal && signal.aborted) {
      return;
    }
    throw e;
  }
}
