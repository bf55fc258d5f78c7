// Tiny dependency-free static file server for the e2e fixtures and the demo.
//
//   import { startServer } from './serve.mjs';
//   const { url, close } = await startServer({ root: 'tests/fixtures', port: 0, host: '127.0.0.1' });
//   // url is the origin without a trailing slash, e.g. http://127.0.0.1:41234
//
//   node scripts/serve.mjs <root> <port> [host]
//
// GET/HEAD only; files under root only (no traversal, also not via symlinks); a directory serves its
// index.html if present; everything else is 404. GET /__health answers 200 "ok" (readiness probe
// for Playwright's webServer, whose fixture root has no index page).
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function isInside(root, candidate) {
  return candidate === root || candidate.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

function send(res, status, body, method) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(method === 'HEAD' ? undefined : body);
}

/** Resolves a request path to a readable file under root, or null. */
async function resolveFile(realRoot, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  let candidate = path.resolve(realRoot, '.' + path.posix.normalize('/' + decoded));
  if (!isInside(realRoot, candidate)) return null;
  try {
    let info = await stat(candidate);
    if (info.isDirectory()) {
      candidate = path.join(candidate, 'index.html');
      info = await stat(candidate);
    }
    if (!info.isFile()) return null;
    const real = await realpath(candidate);
    if (!isInside(realRoot, real)) return null;
    return { file: real, size: info.size };
  } catch {
    return null;
  }
}

/**
 * @param {{ root: string, port?: number, host?: string }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startServer({ root, port = 0, host = '127.0.0.1' }) {
  const realRoot = await realpath(path.resolve(root));
  if (!(await stat(realRoot)).isDirectory()) throw new Error(`serve: root is not a directory: ${root}`);

  const server = http.createServer(async (req, res) => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'Method Not Allowed\n', method);
    }
    let pathname;
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      return send(res, 400, 'Bad Request\n', method);
    }
    if (pathname === '/__health') return send(res, 200, 'ok\n', method);

    const found = await resolveFile(realRoot, pathname);
    if (!found) return send(res, 404, 'Not Found\n', method);
    res.writeHead(200, {
      'Content-Type': contentTypeFor(found.file),
      'Content-Length': found.size,
      'Cache-Control': 'no-store',
    });
    if (method === 'HEAD') return res.end();
    createReadStream(found.file)
      .on('error', () => res.destroy())
      .pipe(res);
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });

  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const hostPart = host.includes(':') ? `[${host}]` : host;
  const url = `http://${hostPart}:${actualPort}`;

  const close = () =>
    new Promise((resolve) => {
      server.close(() => resolve(undefined));
      server.closeAllConnections();
    });

  return { url, close };
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const [root, portArg = '0', host = '127.0.0.1'] = process.argv.slice(2);
  const port = Number(portArg);
  if (!root || !Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('usage: node scripts/serve.mjs <root> <port> [host]');
    process.exit(2);
  }
  try {
    const { url, close } = await startServer({ root, port, host });
    console.log(`Serving ${path.resolve(root)} at ${url}/`);
    const stop = async () => {
      await close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    console.error(`serve: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
