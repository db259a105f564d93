// The page offline: a copy of its files (the list in precache.json, generated at build time by
// build-scripts/precache.mjs, each file with a hash of its content) kept in the Cache API.
//
// - Network first: online, every file comes from the server as if there were no worker, so a new
//   version is on screen at the first load that the server serves it. The copy is the answer
//   when the network fails (offline), does not answer within a few seconds (a server that is
//   that slow on some files only could give one load a mix of versions), or answers with
//   something that is not the file: any status but 2xx (a 404 mid-deploy as much as a 5xx), or
//   an HTML page for a file that is not one (a host's or a CDN's fallback page).
// - The copy is one version of the whole page, never a mix: it is replaced as a whole, by a
//   complete copy of the new version, built beside it (files whose hash did not change are
//   taken over from the old copy, the rest fetched) before the old one is deleted. It is made
//   at install, and brought up to date when the page, loaded and idle, says so (app.js).
// - Requests to other origins are never touched (the page makes none: see its CSP).
const scope = new URL(self.registration.scope);
const LIST = new URL('precache.json', scope).href;
const INDEX = new URL('index.html', scope).href;
// One copy per version, per scope: two deployments on one origin keep apart.
const PREFIX = `cbmcalc ${scope.href} `;
const TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => event.waitUntil(update().then(() => self.skipWaiting())));

// Old copies go (update() has already deleted them unless it was interrupted), and the pages
// open now come under this worker at once: a first visit is offline-ready without a reload.
self.addEventListener('activate', (event) =>
  event.waitUntil(
    (async () => {
      await self.registration.navigationPreload?.enable();
      const copy = await newest();
      if (copy) await deleteAllBut(copy.name);
      await self.clients.claim();
    })(),
  ),
);

self.addEventListener('message', (event) => {
  if (event.data === 'update') event.waitUntil(update().catch(() => {})); // offline: next time
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const navigation = request.mode === 'navigate';
  // The page keeps its state in the address (?query, #hash): any address of it is index.html.
  const key = navigation && url.pathname === scope.pathname ? INDEX : url.origin + url.pathname;
  // A navigation's request has started with the worker (navigation preload): no wait for it.
  const network = navigation ? (event.preloadResponse ?? Promise.resolve()).then((r) => r ?? fetch(request)) : fetch(request);
  event.respondWith(networkFirst(network, key));
});

/** The network's answer, or the copy's when the network fails, is late or answers with
 * something else than the file. */
async function networkFirst(network, key) {
  network.catch(() => {}); // answered from the copy: a late failure is nobody's business
  const late = new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS));
  const usable = network.then(
    (r) => (isTheFile(r, key) ? r : null),
    () => null,
  );
  const answer = await Promise.race([usable, late]);
  if (answer) return answer;
  const copy = await newest();
  return (await copy?.cache.match(key)) ?? network; // no copy of it: whatever the network says
}

/** Whether `response` can be the file `key` names. Its content is not checked against the
 * list's hash: online, a new version is served before any list names it. */
function isTheFile(response, key) {
  if (response.type === 'opaqueredirect') return true; // a navigation's redirect, for the browser to follow
  if (!response.ok) return false;
  const html = (response.headers.get('Content-Type') ?? '').startsWith('text/html');
  return !html || key.endsWith('.html');
}

/** The newest complete copy: a cache holding its list (the list is written last). */
async function newest() {
  const names = (await caches.keys()).filter((name) => name.startsWith(PREFIX));
  for (const name of names.reverse()) {
    const cache = await caches.open(name);
    const list = await cache.match(LIST);
    if (list) return { name, cache, list };
  }
  return null;
}

let updating = null;
/** Makes the copy of the version the server serves now, unless there is one. */
function update() {
  updating ??= copyServedVersion().finally(() => (updating = null));
  return updating;
}

async function copyServedVersion() {
  const listed = await fetch(LIST, { cache: 'no-cache' });
  if (!listed.ok) throw new Error(`precache.json: HTTP ${listed.status}`);
  const { version, files } = await listed.clone().json();
  const name = PREFIX + version;
  const old = await newest();
  // Unfinished copies of other versions (a file that failed) would pile up: only this one resumes.
  for (const other of await caches.keys())
    if (other.startsWith(PREFIX) && other !== name && other !== old?.name) await caches.delete(other);
  const cache = await caches.open(name);
  if (!(await cache.match(LIST))) {
    const oldFiles = old && (await old.list.json()).files;
    await Promise.all(
      Object.entries(files).map(async ([path, hash]) => {
        const url = new URL(path, scope).href;
        if (await cache.match(url)) return; // an interrupted copy of this version, resumed
        const kept = oldFiles?.[path] === hash && (await old.cache.match(url));
        await cache.put(url, kept || (await served(path, url, hash)));
      }),
    );
    await cache.put(LIST, listed);
  }
  await deleteAllBut(name);
}

/** The file as the server serves it now, if it is the listed version: a deploy under way, a
 * stale CDN or a host that answers every path with its index page would mix versions. */
async function served(path, url, hash) {
  const response = await fetch(url, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer()));
  const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
  if (!hex.startsWith(hash)) throw new Error(`${path}: not the listed version`);
  // A redirected response cannot answer a navigation (a host sending index.html to /): unwrap it.
  return response.redirected ? new Response(response.body, response) : response;
}

async function deleteAllBut(name) {
  for (const other of await caches.keys()) if (other.startsWith(PREFIX) && other !== name) await caches.delete(other);
}
