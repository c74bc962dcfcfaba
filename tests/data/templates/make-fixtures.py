#!/usr/bin/env python3
# Writes the template fixtures of tests/test-template.c: a valid base, valid
# variants, and malformed files that each break exactly one rule.
# Run from this folder; the output is committed, so this only needs re-running
# when a fixture changes.
import copy
import json
import os

STAGES = ['detection', 'rights', 'recovery', 'autonomy']
DOMAINS = ['safety', 'housing', 'health', 'psychological', 'legal',
           'language', 'education', 'employment', 'social', 'family']


def text(en, it=None, es=None):
    t = {'en': en}
    if it is not None:
        t['it'] = it
    if es is not None:
        t['es'] = es
    return t


def step(stage, slug, domain, n, spanish=True):
    def es(s):
        return s if spanish else None
    return {
        'id': f'{stage}.{slug}',
        'domain': domain,
        'title': text(f'Example step {n}', f'Tappa di esempio {n}', es(f'Paso de ejemplo {n}')),
        'description': text(f'Zebra-marker-{n} describes a fictional step.',
                            f'Zebra-marker-{n} descrive una tappa fittizia.',
                            es(f'Zebra-marker-{n} describe un paso ficticio.')),
        'survivor_role': text('Example Rosemary decides.', 'Example Rosemary decide.',
                              es('Example Rosemary decide.')),
        'community_role': text('The example service helps.', 'Il servizio di esempio aiuta.',
                               es('El servicio de ejemplo ayuda.')),
    }


def base():
    t = {
        'format': 'pathway-template',
        'format_version': 1,
        'id': 'test-minimal',
        'version': 2,
        'languages': ['en', 'it', 'es'],
        'name': text('Test pathway', 'Percorso di prova', 'Itinerario de prueba'),
        'description': text('A fictional template for tests.', 'Un modello fittizio per i test.'),
        'x-notes': {'anything': [1, 2, {'goes': True}]},
        'domains': [{'id': d, 'icon': f'{d}-symbolic',
                     'name': text(d.title(), f'IT {d}', f'ES {d}')} for d in DOMAINS],
        'stages': [],
        'indicators': [
            {'id': 'safety.feeling-safe', 'domain': 'safety',
             'name': text('Feeling safe', 'Sentirsi al sicuro', 'Sentirse segura'),
             'question': text('How safe does she feel?', 'Quanto si sente al sicuro?'),
             'levels': [text(f'Level {i}', f'Livello {i}', f'Nivel {i}') for i in range(1, 6)]},
            {'id': 'housing.stable', 'domain': 'housing',
             'name': text('Stable housing', 'Casa stabile', 'Vivienda estable'),
             'levels': [text(f'Anchor {i}', f'Ancora {i}', f'Ancla {i}') for i in range(1, 6)]},
        ],
    }
    n = 1
    for i, s in enumerate(STAGES):
        steps = []
        for slug, domain in (('first', DOMAINS[i]), ('second', DOMAINS[i + 4])):
            steps.append(step(s, slug, domain, n))
            n += 1
        t['stages'].append({
            'id': s,
            'name': text(f'Stage {s}', f'Fase {s}', f'Etapa {s}'),
            'summary': text(f'Summary of {s}.', f'Sintesi di {s}.', f'Resumen de {s}.'),
            'survivor_role': text('She leads.', 'Lei guida.', 'Ella dirige.'),
            'community_role': text('Services support.', 'I servizi sostengono.', 'Los servicios apoyan.'),
            'steps': steps,
        })
    first = t['stages'][0]['steps'][0]
    first['references'] = [
        {'label': text('Example reference', 'Riferimento di esempio', 'Referencia de ejemplo'),
         'country': 'IT', 'url': 'https://example.org/zebra-marker-7431'},
        {'label': text('Reference without country')},
    ]
    first['x-source'] = 'fictional'
    # Left untranslated on purpose: the missing-texts report lists these.
    del t['stages'][3]['steps'][1]['description']['es']
    del t['stages'][1]['summary']['es']
    return t


def variant():
    return {
        '$schema': '../../../data/templates/pathway-template.schema.json',
        'format': 'pathway-template',
        'format_version': 1,
        'id': 'test-variant',
        'version': 1,
        'extends': 'test-minimal',
        'languages': ['en', 'it'],
        'name': text('Test variant', 'Variante di prova'),
        'domains': [{'id': 'legal', 'icon': 'scales-symbolic', 'name': text('Law', 'Diritto')}],
        'stages': [
            {'id': 'rights',
             'summary': text('Variant summary of rights.', 'Sintesi variante dei diritti.'),
             'steps': [
                 step('rights', 'first', 'legal', 101, spanish=False),
                 step('rights', 'appended', 'legal', 102, spanish=False),
                 dict(step('rights', 'inserted', 'housing', 103, spanish=False),
                      insert_after='rights.first'),
             ]},
        ],
        'indicators': [
            {'id': 'housing.stable', 'domain': 'housing',
             'name': text('Housing, variant', 'Casa, variante'),
             'levels': [text(f'Variant anchor {i}', f'Ancora variante {i}') for i in range(1, 6)]},
            {'id': 'legal.permit', 'domain': 'legal',
             'name': text('Residence permit', 'Permesso di soggiorno'),
             'levels': [text(f'Permit {i}', f'Permesso {i}') for i in range(1, 6)]},
        ],
    }


def chain():
    return {
        'format': 'pathway-template',
        'format_version': 1,
        'id': 'test-chain',
        'version': 1,
        'extends': 'test-variant',
        'languages': ['en', 'it'],
        'name': text('Test chain', 'Catena di prova'),
        'stages': [{'id': 'autonomy', 'steps': [step('autonomy', 'third', 'family', 201, spanish=False)]}],
    }


def dump(obj):
    return json.dumps(obj, ensure_ascii=False, indent=2) + '\n'


def write(name, content):
    mode = 'wb' if isinstance(content, bytes) else 'w'
    with open(name, mode, **({} if mode == 'wb' else {'encoding': 'utf-8'})) as f:
        f.write(content)


def bad(name, change):
    t = base()
    change(t)
    write(name, dump(t))


def bad_variant(name, change):
    t = variant()
    change(t)
    write(name, dump(t))


write('valid-minimal.json', dump(base()))
write('valid-variant.json', dump(variant()))
write('valid-chain.json', dump(chain()))
write('valid-bom.json', b'\xef\xbb\xbf' + dump(dict(base(), id='test-bom')).encode())

good = dump(base())
write('bad-empty.json', '')
write('bad-whitespace-only.json', '  \n\t\n')
write('bad-truncated.json', good[:len(good) // 2])
write('bad-not-an-object.json', '["pathway-template", 1]\n')
write('bad-not-a-template.json', '{\n  "title": "A shopping list",\n  "items": ["zebra-marker-7431"]\n}\n')
write('bad-trailing-garbage.json', good + '{"id": "again"}\n')
write('bad-invalid-utf8.json', good.encode().replace(b'Example step 3', b'Example st\xffep 3'))
write('bad-comment.json', good.replace('"version": 2,', '"version": 2, // raised in May'))
write('bad-single-quotes.json', good.replace('"id": "test-minimal"', "'id': 'test-minimal'"))
write('bad-trailing-comma.json', good.replace('"es"\n  ],', '"es",\n  ],'))
write('bad-leading-zero.json', good.replace('"version": 2,', '"version": 02,'))
write('bad-number-too-large.json', good.replace('"version": 2,', '"version": 123456789012345678901234567890,'))
write('bad-control-char.json', good.replace('Summary of recovery.', 'Summary\tof recovery.'))
write('bad-lone-surrogate.json', good.replace('Summary of recovery.', 'Summary \\ud800 of recovery.'))
write('bad-nul-escape.json', good.replace('Summary of recovery.', 'Summary \\u0000 of recovery.'))
write('bad-duplicate-member.json', good.replace(
    '"title": {\n            "en": "Example step 4"',
    '"title": {"en": "Zebra"},\n          "title": {\n            "en": "Example step 4"'))

bad('bad-wrong-format.json', lambda t: t.update(format='pathway-templates'))
bad('bad-format-version-2.json', lambda t: t.update(format_version=2))
bad('bad-format-version-string.json', lambda t: t.update(format_version='1'))
bad('bad-missing-id.json', lambda t: t.pop('id'))
bad('bad-template-id.json', lambda t: t.update(id='Test Minimal'))
bad('bad-version-string.json', lambda t: t.update(version='3'))
bad('bad-version-zero.json', lambda t: t.update(version=0))
bad('bad-steps-object.json', lambda t: t['stages'][2].update(steps={'id': 'recovery.first'}))
bad('bad-title-string.json', lambda t: t['stages'][1]['steps'][1].update(title='Example step 4'))
bad('bad-duplicate-step-id.json', lambda t: t['stages'][2]['steps'][1].update(id='recovery.first'))
bad('bad-duplicate-indicator-id.json', lambda t: t['indicators'][1].update(id='safety.feeling-safe'))
bad('bad-duplicate-domain.json', lambda t: t['domains'][9].update(id='social'))
bad('bad-nine-domains.json', lambda t: t['domains'].pop(4))
bad('bad-unknown-domain.json', lambda t: t['stages'][2]['steps'][0].update(domain='houseing'))
bad('bad-indicator-unknown-domain.json', lambda t: t['indicators'][1].update(domain='home'))
bad('bad-unknown-member.json', lambda t: t['stages'][1]['steps'][0].update(
    survivor_rol=t['stages'][1]['steps'][0].pop('survivor_role')))
bad('bad-unknown-root-member.json', lambda t: t.update(author='Example Rosemary'))
bad('bad-missing-english.json', lambda t: t['stages'][0]['steps'][1]['description'].pop('en'))
bad('bad-bad-language-code.json', lambda t: t.update(languages=['en', 'it', 'ES']))
bad('bad-language-twice.json', lambda t: t.update(languages=['en', 'it', 'es', 'it']))
bad('bad-no-english-language.json', lambda t: t.update(languages=['it', 'es']))
bad('bad-unlisted-language.json', lambda t: t['stages'][0]['summary'].update(fr='Résumé de détection.'))
bad('bad-empty-text.json', lambda t: t['stages'][3]['steps'][0]['title'].update(it=''))
bad('bad-blank-text.json', lambda t: t['indicators'][0]['levels'][2].update(es=' \n '))
bad('bad-four-levels.json', lambda t: t['indicators'][0]['levels'].pop())
bad('bad-six-levels.json', lambda t: t['indicators'][1]['levels'].append(text('Level 6')))
bad('bad-huge-string.json', lambda t: t['stages'][0]['steps'][0]['description'].update(en='z' * 10001))
bad('bad-title-too-long.json', lambda t: t['stages'][0]['steps'][0]['title'].update(
    en='An example title that is far too long for a map station'))


t = base()
t['x-deep'] = 'DEEP'
write('bad-deep-nesting.json', dump(t).replace('"DEEP"', '[' * 40 + '"bottom"' + ']' * 40))
bad('bad-stage-order.json', lambda t: t['stages'].insert(0, t['stages'].pop(1)))
bad('bad-three-stages.json', lambda t: t['stages'].pop())
bad('bad-step-prefix.json', lambda t: t['stages'][1]['steps'][1].update(id='recovery.sneaky'))
bad('bad-empty-steps.json', lambda t: t['stages'][3].update(steps=[]))
bad('bad-country.json', lambda t: t['stages'][0]['steps'][0]['references'][0].update(country='Italy'))
bad('bad-url.json', lambda t: t['stages'][0]['steps'][0]['references'][0].update(url='ftp://example.org/x'))
bad('bad-insert-after-in-base.json', lambda t: t['stages'][0]['steps'][1].update(insert_after='detection.first'))
bad('bad-level-number.json', lambda t: t['indicators'][0]['levels'].__setitem__(3, 4))

bad_variant('bad-extends-missing.json', lambda t: t.update(id='test-orphan', extends='no-such-base'))
bad_variant('bad-extends-self.json', lambda t: t.update(extends='test-variant'))
bad_variant('bad-extends-cycle-a.json', lambda t: t.update(id='test-cycle-a', extends='test-cycle-b'))
bad_variant('bad-extends-cycle-b.json', lambda t: t.update(id='test-cycle-b', extends='test-cycle-a'))
bad_variant('bad-insert-after-unknown.json',
            lambda t: (t.update(id='test-bad-after-unknown'),
                       t['stages'][0]['steps'][2].update(insert_after='rights.nowhere')))
bad_variant('bad-insert-after-replacing.json',
            lambda t: (t.update(id='test-bad-after-replacing'),
                       t['stages'][0]['steps'][0].update(insert_after='rights.second')))
bad_variant('bad-variant-unknown-stage.json',
            lambda t: (t.update(id='test-bad-stage'), t['stages'][0].update(id='integration')))
bad_variant('bad-variant-new-domain.json',
            lambda t: (t.update(id='test-bad-domain'), t['domains'][0].update(id='leisure')))
