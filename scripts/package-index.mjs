// Lists the form packages under a schemas folder as JSON, for the page's form picker:
// [{ "path": "bluetech-2023-company", "form": <form.json> }, ...] in folder order.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const root = process.argv[2] ?? 'schemas';
const packages = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(root, d.name, 'form.json')))
  .map((d) => d.name)
  .sort()
  .map((name) => ({ path: name, form: JSON.parse(readFileSync(path.join(root, name, 'form.json'), 'utf8')) }));
process.stdout.write(JSON.stringify({ default: 'bluetech-2023-company', packages }, null, 2) + '\n');
