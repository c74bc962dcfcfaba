#!/usr/bin/env python3
"""The JSON Schema and the loader agree.

data/templates/pathway-template.schema.json must accept the shipped templates
and the valid fixtures, and reject every malformed fixture in
tests/data/templates/ -- except the few whose rule JSON Schema cannot state,
listed below with the reason; those the schema must accept, so the list stays
honest. (tests/test-template.c proves that the loader rejects all of them.)
Usage: check-template-schema.py SOURCE_ROOT
"""
import json
import pathlib
import sys

try:
    from jsonschema import Draft202012Validator
except ImportError:
    print('1..0 # SKIP python3-jsonschema is not installed')
    sys.exit(0)

LOADER_ONLY = {
    'bad-duplicate-member.json': 'a parsed object keeps only the last of two members with the same name',
    'bad-duplicate-step-id.json': 'ids unique across arrays',
    'bad-duplicate-indicator-id.json': 'ids unique across arrays',
    'bad-duplicate-domain.json': None,
    'bad-unlisted-language.json': 'a text key must be one of the values of "languages"',
    'bad-deep-nesting.json': '"x-" members may hold anything',
    'bad-lone-surrogate.json': 'Python reads an unpaired \\ud800 escape into a string',
    'bad-nul-escape.json': 'Python reads \\u0000 into a string',
    'bad-extends-missing.json': 'needs the other templates',
    'bad-extends-self.json': 'compares two members',
    'bad-extends-cycle-a.json': 'needs the other templates',
    'bad-extends-cycle-b.json': 'needs the other templates',
    'bad-insert-after-unknown.json': 'needs the base template',
    'bad-insert-after-replacing.json': 'needs the base template',
}
# A duplicate domain makes one of the ten missing, which the schema does see.
del LOADER_ONLY['bad-duplicate-domain.json']

root = pathlib.Path(sys.argv[1])
fixtures = root / 'tests' / 'data' / 'templates'
schema = json.loads((root / 'data' / 'templates' / 'pathway-template.schema.json').read_text('utf-8'))
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)


def verdict(path):
    """None when the schema accepts; else why it was rejected."""
    try:
        data = json.loads(path.read_bytes().decode('utf-8-sig'))
    except (UnicodeDecodeError, ValueError) as e:
        return f'not JSON: {e}'
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        e = errors[0]
        return f'schema: {"/".join(map(str, e.absolute_path))}: {e.message[:160]}'
    return None


cases = []
for path in sorted((root / 'data' / 'templates').glob('*.json')):
    if path.name != 'pathway-template.schema.json':
        cases.append((path, True))
for path in sorted(fixtures.glob('valid-*.json')):
    cases.append((path, True))
for path in sorted(fixtures.glob('bad-*.json')):
    cases.append((path, path.name in LOADER_ONLY))

print(f'1..{len(cases)}')
failed = 0
for n, (path, accept) in enumerate(cases, 1):
    why = verdict(path)
    ok = (why is None) == accept
    failed += not ok
    expectation = 'accepts' if accept else 'rejects'
    note = f' # {why}' if why else ''
    print(f'{"ok" if ok else "not ok"} {n} - the schema {expectation} {path.name}{note}')
sys.exit(1 if failed else 0)
