# Generates N draft-07 JSON Schemas with "$id"s (about 20 KB each) into DIR, for timing `validate --refs DIR`.
# Usage: python3 bench/gen-refs-folder.py 740 /tmp/refs
import json, os, sys
n, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out, exist_ok=True)
for i in range(n):
    props = {f"field_{k}": {"type": "string", "maxLength": 100 + k, "description": "x" * 60} for k in range(60)}
    props["nested"] = {"type": "object", "properties": {f"n{k}": {"enum": list(range(20))} for k in range(20)}}
    doc = {"$schema": "http://json-schema.org/draft-07/schema#", "$id": f"https://example.org/schemas/s{i}.json",
           "title": f"schema {i}", "type": "object", "properties": props, "required": ["field_0"]}
    with open(os.path.join(out, f"s{i}.json"), "w") as f: json.dump(doc, f, indent=2)
