// Shared by the page benchmarks: a static server for a built site on a free loopback port, and
// the large application they type into (the §12.8 worked example grown to 20 team members and
// 10 key patents).
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm' };

// extra: { '/path': [content type, body] } served before the site's own files.
export async function serveSite(site, extra = {}) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (extra[url.pathname]) {
      res.writeHead(200, { 'content-type': extra[url.pathname][0] });
      res.end(extra[url.pathname][1]);
      return;
    }
    let file = path.join(site, decodeURIComponent(url.pathname));
    if (file.endsWith('/')) file += 'index.html';
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, base: `http://127.0.0.1:${server.address().port}/` };
}

export function largeApplication() {
  const example = JSON.parse(readFileSync('schemas/bluetech-2023-company/examples/01-worked-example.json', 'utf8')).answers;
  const large = structuredClone(example);
  while (large.team.core_team.length < 20) large.team.core_team.push({ ...large.team.core_team[large.team.core_team.length % 4], name: `成员${large.team.core_team.length}` });
  while (large.ip.key_patents.length < 10) large.ip.key_patents.push({ ...large.ip.key_patents[0], number: `ZL20191012345${large.ip.key_patents.length}.X` });
  return large;
}
