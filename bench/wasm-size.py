#!/usr/bin/env python3
"""What a WebAssembly file of the build is made of (issue 23: the buddy's bundle).

    python3 bench/wasm-size.py FILE.wasm               # sections, raw and brotli
    python3 bench/wasm-size.py FILE.wasm crates [N]    # code per crate (needs a name section)
    python3 bench/wasm-size.py FILE.wasm match REGEX.. # code of the functions whose name matches

The split build keeps the main module with its names before wasm-bindgen and wasm-opt:
`$CARGO_TARGET_DIR/front/wasm32-unknown-unknown/wasm-release/frontend_split.wasm`. Brotli
sizes need `pip install brotli` (quality 9 for code groups, 11 for sections).
"""
import collections
import re
import sys

import brotli


def leb(b, i):
    result = shift = 0
    while True:
        x = b[i]
        i += 1
        result |= (x & 0x7F) << shift
        shift += 7
        if x < 0x80:
            return result, i


SECTIONS = {0: "custom", 1: "type", 2: "import", 3: "func", 4: "table", 5: "memory",
            6: "global", 7: "export", 8: "start", 9: "elem", 10: "code", 11: "data",
            12: "datacount"}


def read(path):
    data = open(path, "rb").read()
    sections, names, bodies, imported = [], {}, [], 0
    i = 8
    while i < len(data):
        sid = data[i]
        size, i = leb(data, i + 1)
        label = SECTIONS.get(sid, str(sid))
        if sid == 0:
            n, j = leb(data, i)
            label += ":" + data[j:j + n].decode()
            if data[j:j + n] == b"name":
                j += n
                while j < i + size:
                    sub = data[j]
                    sub_size, j = leb(data, j + 1)
                    if sub == 1:
                        count, k = leb(data, j)
                        for _ in range(count):
                            index, k = leb(data, k)
                            length, k = leb(data, k)
                            names[index] = data[k:k + length].decode("utf-8", "replace")
                            k += length
                    j += sub_size
        elif sid == 2:
            count, j = leb(data, i)
            for _ in range(count):
                for _ in range(2):
                    length, j = leb(data, j)
                    j += length
                kind = data[j]
                j += 1
                if kind == 0:
                    _, j = leb(data, j)
                    imported += 1
                elif kind in (1, 2):
                    j += kind == 1
                    flags, j = leb(data, j)
                    _, j = leb(data, j)
                    if flags & 1:
                        _, j = leb(data, j)
                elif kind == 3:
                    j += 2
        elif sid == 10:
            count, j = leb(data, i)
            for f in range(count):
                size_f, j = leb(data, j)
                bodies.append((imported + f, data[j:j + size_f]))
                j += size_f
        sections.append((label, data[i:i + size]))
        i += size
    return sections, names, bodies


ESCAPES = {"$LT$": "<", "$GT$": ">", "$u20$": " ", "$RF$": "&", "$C$": ",", "$u27$": "'",
           "$u5b$": "[", "$u5d$": "]", "$u7b$": "{", "$u7d$": "}", "$BP$": "*", "$SP$": "@",
           "$LP$": "(", "$RP$": ")", "$u3b$": ";", "$u21$": "!", "$u2b$": "+", "$u22$": '"',
           "$u7e$": "~", "$u3d$": "="}


def demangle(name):
    """Rust's legacy mangling (`_ZN…E`), without the hash."""
    if not name.startswith("_ZN"):
        return name
    i, parts = 3, []
    while i < len(name) and name[i] != "E":
        m = re.match(r"\d+", name[i:])
        if not m:
            break
        length = int(m.group(0))
        i += len(m.group(0))
        parts.append(name[i:i + length])
        i += length
    if parts and re.fullmatch(r"h[0-9a-f]{16}", parts[-1]):
        parts.pop()
    unescape = lambda p: re.sub(r"\$[A-Za-z0-9]+\$", lambda m: ESCAPES.get(m.group(0), m.group(0)),
                                (p[1:] if p.startswith("_$") else p).replace("..", "::"))
    return "::".join(unescape(p) for p in parts)


def crate_of(name):
    s = name.lstrip("<&* ")
    for prefix in ("impl ", "mut ", "dyn "):
        while s.startswith(prefix):
            s = s[len(prefix):].lstrip("<&* ")
    m = re.match(r"[A-Za-z_][A-Za-z0-9_]*", s)
    return m.group(0) if m else s[:30]


def br(blob, quality):
    return len(brotli.compress(bytes(blob), quality=quality))


def main():
    sections, names, bodies = read(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else "sections"
    if mode == "sections":
        for label, blob in sections:
            print(f"{label:32} {len(blob):>10} raw {br(blob, 11):>9} brotli")
        return
    named = [(demangle(names.get(index, "?")), body) for index, body in bodies]
    if mode == "crates":
        size, blob, count = collections.Counter(), collections.defaultdict(bytearray), collections.Counter()
        for name, body in named:
            crate = crate_of(name)
            size[crate] += len(body)
            blob[crate] += body
            count[crate] += 1
        top = int(sys.argv[3]) if len(sys.argv) > 3 else 25
        print(f"{'crate':32} {'functions':>9} {'raw':>10} {'brotli':>9}")
        for crate, raw in size.most_common(top):
            print(f"{crate:32} {count[crate]:>9} {raw:>10} {br(blob[crate], 9):>9}")
        print(f"{'all':32} {len(named):>9} {sum(size.values()):>10}")
    elif mode == "match":
        for pattern in sys.argv[3:]:
            hits = [body for name, body in named if re.search(pattern, name)]
            blob = b"".join(hits)
            print(f"{pattern:48} {len(hits):>7} {len(blob):>10} {br(blob, 9):>9}")


if __name__ == "__main__":
    main()
