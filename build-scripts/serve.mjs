// A static file server for web/: the right MIME types for .mjs and .wasm, nothing else.
// `node build-scripts/serve.mjs [port]`; tests import serve() and use port 0.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const webRoot = resolve(fileURLToPath(new URL('../web/', import.meta.url)));

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

/** Serves web/ on 127.0.0.1:`port`; `headers(path)` may add response headers (a CSP, say);
 * `override(path)` may return other content (a string or a Buffer) to serve for `path` instead of
 * the file's: a test's "new version" of a file, with web/ left as it is; or a whole answer
 * { status, type, body } (a host's 404, or its HTML fallback page for any path). */
export function serve(port = 8080, { headers = () => ({}), override = () => undefined } = {}) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    let file = normalize(join(webRoot, path));
    if (!file.startsWith(webRoot)) return send(response, 403, 'Forbidden');
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const content = override(path);
      if (content?.status) {
        response.writeHead(content.status, { 'Content-Type': content.type, 'Cache-Control': 'no-cache' });
        return response.end(content.body);
      }
      response.writeHead(200, {
        'Content-Type': types[extname(file)] ?? 'application/octet-stream',
        'Content-Length': content === undefined ? statSync(file).size : Buffer.byteLength(content),
        'Cache-Control': 'no-cache',
        ...headers(path),
      });
      if (content === undefined) createReadStream(file).pipe(response);
      else response.end(content);
    } catch {
      send(response, 404, 'Not found');
    }
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

function send(response, status, text) {
  response.writeHead(status, { 'Content-Type': 'text/plain' });
  response.end(text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serve(Number(process.argv[2] ?? 8080));
  console.log(`cbmcalc: http://127.0.0.1:${server.address().port}/`);
}
