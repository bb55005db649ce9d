"""Every public function and initializer of the library has a doc comment (`///` right above it, attributes
allowed between). Protocol requirements documented on the protocol (==, <, hash(into:), Codable's init(from:) and
encode(to:), strippingProvenance) are exempt. Prints what lacks one and exits 1; run by `make test`.

    python3 scripts/check-docs.py
"""
import glob, os, re, sys

ROOT = os.path.join(os.path.dirname(__file__), "..")
DECLARATION = re.compile(r"(@\w+\s+)*public\s+(static\s+)?(convenience\s+)?(func|init)\b")
EXEMPT = re.compile(r"public\s+(static\s+)?func\s+(==|<|hash\(into)|public\s+init\(from decoder|"
                    r"public\s+func\s+encode\(to encoder|func strippingProvenance")


def undocumented(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    for i, line in enumerate(lines):
        text = line.strip()
        if not DECLARATION.match(text) or EXEMPT.search(text):
            continue
        j = i - 1
        while j >= 0 and lines[j].strip().startswith("@"):
            j -= 1
        if j < 0 or not lines[j].strip().startswith("///"):
            yield i + 1, text


def main():
    missing = [(os.path.relpath(p, ROOT), n, t) for p in sorted(glob.glob(os.path.join(ROOT, "Sources", "**", "*.swift"), recursive=True))
               for n, t in undocumented(p)]
    for path, n, text in missing:
        print("%s:%d: public declaration without a doc comment: %s" % (path, n, text[:100]))
    print("docs: %d public declarations without a doc comment" % len(missing))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
