#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes valid.json and malformed/*.json for tests/test-exchange.c.

Each malformed file is valid.json with exactly one flaw, named after it, so
a test that refuses it refuses it for that flaw. Run it again after changing
the format; the output is committed.
"""
import copy
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

VALID = {
    "format": "pathway-export",
    "format_version": 1,
    "exported_at": "2024-07-01T09:30:00.000000Z",
    "exported_by": {"program": "Pathway", "version": "0.1.0"},
    "scope": "vault",
    "services": [
        {"id": 1, "name": "Example Legal Aid", "type": "legal", "contact": "desk 3",
         "languages": ["it", "en"], "notes": None,
         "created_at": "2024-01-02T10:00:00Z", "updated_at": "2024-01-02T10:00:00Z"},
    ],
    "survivors": [
        {
            "id": 1, "case_code": "TEST-001", "alias": "Example Rosemary", "birth_year": 1999,
            "country_of_origin": "NG", "languages": ["en", "it"], "preferred_language": "en",
            "template": {"id": "default", "version": 1}, "key_worker": "Example Worker",
            "intake_date": "2024-01-15", "case_status": "active", "reason_for_case_closure": None,
            "residence_changed_on": None, "work_changed_on": "2024-05-01", "area_changed_on": None,
            "created_at": "2024-01-15T09:00:00Z", "updated_at": "2024-06-01T09:00:00Z",
            "stage_history": [
                {"id": 1, "stage": "detection", "status": "completed", "since": "2024-01-15",
                 "created_at": "2024-01-15T09:00:00Z"},
                {"id": 2, "stage": "recovery", "status": "current", "since": "2024-03-01",
                 "created_at": "2024-03-01T09:00:00Z"},
            ],
            "plan_items": [
                {"id": 1, "step": "recovery.language-course", "stage": "recovery", "domain": "language",
                 "title": "Italian course", "her_words": "Speak with the doctor alone",
                 "priority": 1, "responsible": "Example Language School", "due_date": "2024-06-30",
                 "status": "achieved", "achieved_date": "2024-06-20", "notes": None,
                 "status_history": [
                     {"status": "agreed", "date": "2024-02-01", "created_at": "2024-02-01T09:00:00Z"},
                     {"status": "achieved", "date": "2024-06-20"},
                 ],
                 "created_at": "2024-02-01T09:00:00Z", "updated_at": "2024-06-20T09:00:00Z"},
                {"id": 2, "step": "recovery.moon-landing", "title": "A step from elsewhere",
                 "status": "proposed"},
            ],
            "assessments": [
                {"id": 1, "kind": "risk", "date": "2024-01-16", "assessor": "Example Worker",
                 "risk_level": "medium", "risk_factors": ["debt-pressure"], "review_trigger": "intake",
                 "next_review": "2024-04-16", "notes": None, "needs": [], "scores": []},
                {"id": 2, "kind": "checkin", "date": "2024-03-16",
                 "scores": [{"indicator": "safety.feeling-safe", "her_score": 3, "worker_score": None}]},
                {"id": 3, "kind": "needs", "date": "2024-01-17",
                 "needs": [{"need": "own", "label": "Sending money home", "coverage": "partly", "priority": 1}]},
            ],
            "consents": [
                {"id": 1, "scope": "services", "service": 1, "form": "written", "status": "given",
                 "date": "2024-01-20", "expires": None, "notes": None},
                {"id": 2, "scope": "data_sharing", "service": 1, "form": "verbal", "status": "given",
                 "date": "2024-01-20", "expires": "2025-01-20"},
            ],
            "referrals": [
                {"id": 1, "referred_organisation": 1, "outgoing_referral_date": "2024-02-02",
                 "status": "sent", "plan_item": 1, "consent": 1, "no_consent_reason": None,
                 "outcome": None,
                 "status_history": [{"status": "proposed", "date": "2024-02-01"},
                                    {"status": "sent", "date": "2024-02-02"}]},
            ],
            "notes": [
                {"id": 1, "date": "2024-02-05", "body": "She chose the evening course", "author": None},
            ],
            "milestones": [
                {"id": 1, "date": "2024-06-20", "title": "A2 certificate", "stage": "recovery",
                 "domain": "language", "plan_item": 1},
            ],
        },
        {
            "id": 2, "case_code": "TEST-002", "template": {"id": "example-programme", "version": 2},
            "case_status": "closed", "reason_for_case_closure": "moved",
        },
    ],
}


def dump(obj):
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def variant(change):
    data = copy.deepcopy(VALID)
    change(data)
    return dump(data)


def first(data):
    return data["survivors"][0]


def setitem(path, value):
    def change(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def delitem(path):
    def change(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
    return change


def as_transfer(data, n_survivors, consent):
    data["scope"] = "survivor"
    data["survivors"] = data["survivors"][:n_survivors]
    data["transfer"] = {"outgoing_referral_date": "2024-07-01",
                        "reason_for_outgoing_referral": "migration_or_change_of_location",
                        "referred_organisation": "Example Service", "consent": consent}


def foreign_consent(data):
    data["survivors"][1]["referrals"] = [
        {"id": 7, "referred_organisation": 1, "outgoing_referral_date": "2024-02-02",
         "status": "sent", "consent": 1}]


def deep(data):
    nested = []
    for _ in range(40):
        nested = [nested]
    data["x-deep"] = nested


S0 = ["survivors", 0]
VALID_TEXT = dump(VALID)

FIXTURES = {
    "empty": "",
    "not-json": "This is a letter, not a case file.\n",
    "comment": VALID_TEXT.replace("{", "{ /* exported by hand */", 1),
    "trailing-data": VALID_TEXT + "{}\n",
    "duplicate-member": VALID_TEXT.replace('"scope": "vault"', '"scope": "vault",\n  "scope": "examples"', 1),
    "truncated-json": VALID_TEXT[: len(VALID_TEXT) * 6 // 10],
    "lone-surrogate": VALID_TEXT.replace("Speak with the doctor alone", "Speak \\ud800 alone", 1),
    "single-quotes": "{'format': 'pathway-export', 'format_version': 1}\n",
    "too-deep": variant(deep),
    "array-root": "[]\n",
    "wrong-format": variant(setitem(["format"], "pathway-template")),
    "template-file": dump({"format": "pathway-template", "format_version": 1, "id": "example",
                           "version": 1, "languages": ["en"]}),
    "newer-version": variant(setitem(["format_version"], 2)),
    "version-zero": variant(setitem(["format_version"], 0)),
    "version-text": variant(setitem(["format_version"], "1")),
    "missing-survivors": variant(delitem(["survivors"])),
    "missing-case-code": variant(delitem(S0 + ["case_code"])),
    "missing-exported-at": variant(delitem(["exported_at"])),
    "empty-case-code": variant(setitem(S0 + ["case_code"], "   ")),
    "case-code-number": variant(setitem(S0 + ["case_code"], 17)),
    "survivors-object": variant(setitem(["survivors"], {})),
    "plan-item-string": variant(setitem(S0 + ["plan_items"], ["buy bread"])),
    "birth-year-float": variant(setitem(S0 + ["birth_year"], 1999.5)),
    "bad-date": variant(setitem(S0 + ["plan_items", 0, "due_date"], "31/12/2024")),
    "february-30": variant(setitem(S0 + ["stage_history", 1, "since"], "2024-02-30")),
    "bad-time": variant(setitem(S0 + ["plan_items", 0, "created_at"], "yesterday")),
    "unknown-status": variant(setitem(S0 + ["plan_items", 0, "status"], "done")),
    "score-six": variant(setitem(S0 + ["assessments", 1, "scores", 0, "her_score"], 6)),
    "risk-level-on-checkin": variant(setitem(S0 + ["assessments", 1, "risk_level"], "high")),
    "country-three-letters": variant(setitem(S0 + ["country_of_origin"], "NGA")),
    "unknown-member": variant(setitem(S0 + ["notes", 0, "restricted"], True)),
    "duplicate-case-code": variant(setitem(["survivors", 1, "case_code"], "TEST-001")),
    "duplicate-plan-item-id": variant(setitem(S0 + ["plan_items", 1, "id"], 1)),
    "dangling-service": variant(setitem(S0 + ["referrals", 0, "referred_organisation"], 99)),
    "dangling-plan-item": variant(setitem(S0 + ["milestones", 0, "plan_item"], 99)),
    "foreign-consent": variant(foreign_consent),
    "referral-without-consent": variant(setitem(S0 + ["referrals", 0, "consent"], None)),
    "sharing-without-service": variant(delitem(S0 + ["consents", 1, "service"])),
    "transfer-two-survivors": variant(lambda d: as_transfer(d, 2, 2)),
    "transfer-dangling-consent": variant(lambda d: as_transfer(d, 1, 99)),
    "huge-number": VALID_TEXT.replace('"birth_year": 1999', '"birth_year": 12345678901234567890', 1),
    "bad-step-id": variant(setitem(S0 + ["plan_items", 0, "step"], "recovery/../secret")),
    "closure-reason-active": variant(setitem(S0 + ["reason_for_case_closure"], "moved")),
}

BINARY = {
    # "é" in Latin-1: a file saved in the wrong encoding.
    "not-utf8": VALID_TEXT.replace("She chose the evening course", "She chose the caf\u00e9 course").encode("latin-1"),
}


def main():
    with open(os.path.join(HERE, "valid.json"), "w", encoding="utf-8") as f:
        f.write(VALID_TEXT)
    for name, text in FIXTURES.items():
        with open(os.path.join(HERE, "malformed", name + ".json"), "w", encoding="utf-8") as f:
            f.write(text)
    for name, data in BINARY.items():
        with open(os.path.join(HERE, "malformed", name + ".json"), "wb") as f:
            f.write(data)
    print(f"valid.json and {len(FIXTURES) + len(BINARY)} malformed files")


if __name__ == "__main__":
    main()
