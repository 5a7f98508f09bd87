#!/usr/bin/env bash
# One command for applicants' page: install what is missing, build the wasm core and the site,
# then serve it on 127.0.0.1 and print the URL. The page opens on the Bluetech company form.
# PORT=8080 bash scripts/serve.sh to choose the port.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-web.sh
PORT=${PORT:-8080}
echo
echo "greenapply is being served at: http://127.0.0.1:${PORT}/"
echo "(Ctrl+C stops it; nothing leaves this machine)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory build/site
