#!/usr/bin/env python3
"""Validates goal documents against docs/goal-document.schema.json: the hand-written examples, the corpus's
expected documents (scripts/corpus), the national and system forms' expected documents (scripts/corpus/foreign.py)
and what `goalbridge import -o` writes for the examples and those forms. Prints a closing line 'N passed, N failed'."""
import glob, json, os, subprocess, sys, tempfile
import jsonschema

root = os.path.join(os.path.dirname(__file__), "..")
schema = json.load(open(os.path.join(root, "docs/goal-document.schema.json")))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
foreign = os.path.join(root, "Tests/BridgeTests/Fixtures/foreign")
docs = sorted(glob.glob(os.path.join(root, "Examples/*.json")) + glob.glob(os.path.join(root, "Tests/BridgeTests/Fixtures/corpus/*.json"))
              + glob.glob(os.path.join(foreign, "*.json")))
tool = os.path.join(root, ".build/debug/goalbridge")
passed = failed = 0
with tempfile.TemporaryDirectory() as tmp:
    for xlsx in sorted(glob.glob(os.path.join(root, "Examples/*.xlsx"))):
        out = os.path.join(tmp, os.path.basename(xlsx) + ".json")
        subprocess.run([tool, "import", xlsx, "-o", out], check=True, stdout=subprocess.DEVNULL)
        docs.append(out)
    # The forms of other writers: some must come back with errors (a 自评表 is no goal table), so the exit status is
    # not checked here; the document written must still follow the schema.
    for xlsx in sorted(glob.glob(os.path.join(foreign, "*.xlsx"))):
        out = os.path.join(tmp, "foreign-" + os.path.basename(xlsx) + ".json")
        subprocess.run([tool, "import", xlsx, "-o", out], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        docs.append(out)
    for path in docs:
        errors = list(validator.iter_errors(json.load(open(path))))
        if errors:
            failed += 1
            print("FAIL", os.path.basename(path), errors[0].message, list(errors[0].path))
        else:
            passed += 1
print("schema: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
