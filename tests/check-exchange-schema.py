#!/usr/bin/env python3
"""The JSON Schema of case files and the reader agree.

data/pathway-export.schema.json must accept the example cases and the valid
fixture, and reject every malformed fixture in tests/data/exchange/malformed/
-- except those whose rule JSON Schema cannot state, listed below with the
reason; those the schema must accept, so the list stays honest.
(tests/test-exchange.c proves that Pathway rejects all of them.)
Usage: check-exchange-schema.py SOURCE_ROOT
"""
import json
import pathlib
import sys

try:
    from jsonschema import Draft202012Validator
except ImportError:
    print('1..0 # SKIP python3-jsonschema is not installed')
    sys.exit(0)

READER_ONLY = {
    'duplicate-member.json': 'a parsed object keeps only the last of two members with the same name',
    'lone-surrogate.json': 'Python reads an unpaired \\ud800 escape into a string',
    'too-deep.json': '"x-" members may hold anything',
    'february-30.json': 'a pattern cannot know the length of each month',
    'duplicate-case-code.json': 'unique across the survivors, ignoring case',
    'duplicate-plan-item-id.json': 'ids unique per kind across the file',
    'dangling-service.json': 'references between records',
    'dangling-plan-item.json': 'references between records',
    'foreign-consent.json': 'references between records',
    'transfer-dangling-consent.json': 'references between records',
}

root = pathlib.Path(sys.argv[1])
fixtures = root / 'tests' / 'data' / 'exchange'
schema = json.loads((root / 'data' / 'pathway-export.schema.json').read_text('utf-8'))
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)


def verdict(path):
    """None when the schema accepts; else why it was rejected."""
    try:
        data = json.loads(path.read_bytes().decode('utf-8'))
    except (UnicodeDecodeError, ValueError) as e:
        return f'not JSON: {str(e)[:80]}'
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        e = errors[0]
        return f'schema: {"/".join(map(str, e.absolute_path))}: {e.message[:120]}'
    return None


cases = [(root / 'data' / 'demo' / 'cases.json', True), (fixtures / 'valid.json', True)]
for path in sorted((fixtures / 'malformed').glob('*.json')):
    cases.append((path, path.name in READER_ONLY))
missing = set(READER_ONLY) - {p.name for p, _ in cases}

print(f'1..{len(cases) + 1}')
failed = 0
for n, (path, accept) in enumerate(cases, 1):
    why = verdict(path)
    ok = (why is None) == accept
    failed += not ok
    expectation = 'accepts' if accept else 'rejects'
    note = f' # {why}' if why else ''
    print(f'{"ok" if ok else "not ok"} {n} - the schema {expectation} {path.name}{note}')
print(f'{"not ok" if missing else "ok"} {len(cases) + 1} - every exception names a fixture'
      + (f' # missing: {", ".join(sorted(missing))}' if missing else ''))
failed += bool(missing)
sys.exit(1 if failed else 0)
