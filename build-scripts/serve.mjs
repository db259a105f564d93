// A static file server for the page, as a static host serves it: the right MIME types for .mjs
// and .wasm, and a file's precompressed copy (.br, .gz beside it) when the browser accepts it.
// It serves the production build (build/web/, build-scripts/production.mjs); with
// CBM_SERVE=sources, web/ as it is. `node build-scripts/serve.mjs [port]`; tests import serve()
// and use port 0.
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder served: build/web/, or web/ with CBM_SERVE=sources. */
export const pageRoot =
  process.env.CBM_SERVE === 'sources'
    ? resolve(fileURLToPath(new URL('../web/', import.meta.url)))
    : resolve(fileURLToPath(new URL('../build/web/', import.meta.url)));

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

// The encodings a precompressed copy may have, the best first.
const encodings = [
  ['br', '.br'],
  ['gzip', '.gz'],
];

/** Serves the page (pageRoot) on 127.0.0.1:`port`; `headers(path)` may add response headers (a CSP, say);
 * `override(path)` may return other content (a string or a Buffer) to serve for `path` instead of
 * the file's: a test's "new version" of a file, with web/ left as it is; or a whole answer
 * { status, type, body } (a host's 404, or its HTML fallback page for any path). `at` is the
 * folder of the site the page is served from ('/tools/cbmcalc/', say); the paths given to
 * `headers` and `override` are the page's own ('/index.html'). */
export function serve(port = 8080, { headers = () => ({}), override = () => undefined, at = '/' } = {}) {
  checkBuild();
  const server = createServer((request, response) => {
    const asked = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (!asked.startsWith(at)) return send(response, 404, 'Not found');
    const path = `/${asked.slice(at.length)}`;
    let file = normalize(join(pageRoot, path));
    if (!file.startsWith(pageRoot)) return send(response, 403, 'Forbidden');
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const content = override(path);
      if (content?.status) {
        response.writeHead(content.status, { 'Content-Type': content.type, 'Cache-Control': 'no-cache' });
        return response.end(content.body);
      }
      const accepted = content === undefined ? (request.headers['accept-encoding'] ?? '') : '';
      const [encoding, suffix] = encodings.find(([name, ext]) => accepts(accepted, name) && existsSync(file + ext)) ?? [];
      const sent = encoding ? file + suffix : file;
      response.writeHead(200, {
        'Content-Type': types[extname(file)] ?? 'application/octet-stream',
        'Content-Length': content === undefined ? statSync(sent).size : Buffer.byteLength(content),
        'Cache-Control': 'no-cache',
        Vary: 'Accept-Encoding',
        ...(encoding && { 'Content-Encoding': encoding }),
        ...headers(path),
      });
      if (content === undefined) createReadStream(sent).pipe(response);
      else response.end(content);
    } catch {
      send(response, 404, 'Not found');
    }
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

/** The production build must be there, and newer than the page's files in web/: a build left
 * from before an edit would be served (and tested) in its place. */
function checkBuild() {
  if (process.env.CBM_SERVE === 'sources') return;
  const rebuild = 'rebuild it (node build-scripts/production.mjs), or serve web/ as it is with CBM_SERVE=sources';
  const built = join(pageRoot, 'precache.json'); // written last but the compressed copies
  if (!existsSync(built)) throw new Error(`There is no production build in ${pageRoot}: ${rebuild}`);
  const web = resolve(pageRoot, '../../web');
  const newer = readdirSync(web, { recursive: true })
    .filter((path) => !/^(node_modules|bin)\b|\.(md|d\.ts)$|^package|precache\.json$/.test(path))
    .find((path) => statSync(join(web, path)).mtimeMs > statSync(built).mtimeMs);
  if (newer) throw new Error(`The production build is older than web/${newer}: ${rebuild}`);
}

/** Whether an Accept-Encoding header accepts `name` (listed, and not with q=0). */
function accepts(header, name) {
  return header.split(',').some((part) => {
    const [token, ...params] = part.split(';').map((s) => s.trim());
    return token === name && !params.some((param) => /^q=0(\.0*)?$/.test(param));
  });
}

function send(response, status, text) {
  response.writeHead(status, { 'Content-Type': 'text/plain' });
  response.end(text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serve(Number(process.argv[2] ?? 8080));
  console.log(`cbmcalc: http://127.0.0.1:${server.address().port}/ (${pageRoot})`);
}
