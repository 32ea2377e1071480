"""The reports as the oracle: the audit against every inconsistency a person established from the seed reports.

tests/fixtures/inconsistencies.yaml lists each inconsistency of the three seed reports (000 Rupat Utara, 002 Batu
Sopang, 004 Lima Puluh Pesisir) with where it is printed and whether our data holds both sides. This checks

(a) every entry the data holds is found by the audit, with the kind the entry gives;
(b) every `selisih` the audit raises on the real data is one of those entries: a new one needs a person to
    confirm it from the report (or to list it as a false alarm, `alarm_palsu`, with the evidence);
(c) the recall: found / entries the data holds, and found / all entries.

Known misses (`ditemukan: false`) and known false alarms are reported as expected failures, not hidden: they
show up as "xfailed" until the audit is fixed, and the report says when one no longer applies.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from builder.audit import Kind, audit_kecamatan

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "inconsistencies.yaml"
KINDS = {k.value for k in Kind}


def _space(text: str) -> str:
    return " ".join(str(text).replace("\u202f", " ").replace("\xa0", " ").split())


@pytest.fixture(scope="module")
def oracle() -> dict:
    return yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def findings(results) -> dict:
    """{(kecamatan slug, year): [Finding]} of the real data."""
    return {(kec.slug, year): found for kec in results for year, found in audit_kecamatan(kec).items()}


def matches(item: dict, slug: str, year: int, finding, text: str, kind: bool = True) -> bool:
    """A finding is what `item` describes: same kecamatan and year, `text` in its what, the optional table/stated/
    cause narrowing, and (unless kind=False) the entry's kind."""
    if item["kecamatan"] != slug or item["year"] != year or text not in finding.what:
        return False
    if kind and "kind" in item and finding.kind.value != item["kind"]:
        return False
    if "table" in item and item["table"] not in finding.table:
        return False
    if "stated" in item and _space(finding.stated_text) != _space(item["stated"]):
        return False
    return "cause" not in item or item["cause"] in finding.cause


def temuan(item: dict) -> list[str]:
    value = item.get("temuan") or []
    return [value] if isinstance(value, str) else list(value)


def found_parts(item: dict, findings: dict, kind: bool = True) -> dict[str, list]:
    """Each temuan substring of the entry -> the findings that match it."""
    pool = [(slug, year, f) for (slug, year), fs in findings.items() for f in fs]
    return {t: [f for slug, year, f in pool if matches(item, slug, year, f, t, kind)] for t in temuan(item)}


def is_found(item: dict, findings: dict) -> bool:
    parts = found_parts(item, findings)
    return bool(parts) and all(parts.values())


def label(item: dict) -> str:
    return f"{item['kecamatan']} {item['year']} — {item.get('where', '')}: {item.get('what') or item.get('temuan')}"


def test_fixture_is_well_formed(oracle):
    for item in oracle["entries"]:
        for key in ("kecamatan", "year", "where", "what", "printed", "kind", "data_holds", "seed"):
            assert key in item, f"{key} missing in {label(item)}"
        assert item["kind"] in KINDS, label(item)
        assert item["kecamatan"].count("/") == 1, label(item)
        if item["data_holds"]:
            assert temuan(item) or item.get("ditemukan") is False, f"no temuan for {label(item)}"
            if item.get("ditemukan") is False:
                assert item.get("rule"), f"known miss without the rule that would catch it: {label(item)}"
        else:
            assert not temuan(item) and "ditemukan" not in item, f"data_holds false cannot be found: {label(item)}"
    for alarm in oracle["alarm_palsu"]:
        assert alarm.get("why") and temuan(alarm), alarm


def test_every_inconsistency_the_data_holds_is_found(oracle, findings):
    """(a) Each temuan of an entry matches a finding of the entry's kind."""
    missing = []
    for item in oracle["entries"]:
        if not item["data_holds"] or item.get("ditemukan") is False:
            continue
        for text, hits in found_parts(item, findings).items():
            if not hits:
                other = [f"{f.kind.value}: {f.table}" for f in found_parts(item, findings, kind=False)[text]]
                missing.append(f"{label(item)} — “{text}” ({item['kind']})" + (f"; found as {other}" if other else ""))
    assert not missing, "the audit no longer finds:\n" + "\n".join(missing)


def test_every_selisih_is_a_confirmed_inconsistency(oracle, findings):
    """(b) Nothing else is flagged: each `selisih` on the real data is a fixture entry or a listed false alarm."""
    described = [i for i in oracle["entries"] if i["data_holds"]] + oracle["alarm_palsu"]
    unconfirmed = []
    for (slug, year), found in sorted(findings.items()):
        for f in found:
            if f.kind != Kind.DIFFERENCE:
                continue
            if not any(matches(item, slug, year, f, t) for item in described for t in temuan(item)):
                unconfirmed.append(f"{slug} {year} | {f.table} | {f.what} | laporan {f.stated_text} | "
                                   f"dihitung {f.computed_text} | {f.cause}")
    assert not unconfirmed, ("selisih not confirmed from the report (add an entry to "
                             "tests/fixtures/inconsistencies.yaml after checking the seed, or fix the audit):\n"
                             + "\n".join(unconfirmed))


def test_recall(oracle, findings, capsys):
    """(c) found / entries the data holds, and found / all entries; the fixture's ditemukan flags stay true."""
    entries = oracle["entries"]
    held = [i for i in entries if i["data_holds"]]
    found = [i for i in held if i.get("ditemukan") is not False and is_found(i, findings)]
    misses = [i for i in held if i.get("ditemukan") is False]
    with capsys.disabled():
        print(f"\naudit recall against the reports: {len(found)}/{len(held)} = {len(found) / len(held):.1%} of the "
              f"inconsistencies the data holds; {len(found)}/{len(entries)} = {len(found) / len(entries):.1%} of all "
              f"{len(entries)} ({len(entries) - len(held)} only in text the data does not hold, "
              f"{len(misses)} known misses)")
    assert len(found) + len(misses) == len(held)  # (a) holds every other entry
    assert found


def test_known_misses(oracle, findings):
    """Inconsistencies the data holds but the audit does not find (`ditemukan: false`): expected failures."""
    misses = [i for i in oracle["entries"] if i["data_holds"] and i.get("ditemukan") is False]
    now_found = [label(i) for i in misses if any(found_parts(i, findings).values())]
    assert not now_found, "now found by the audit — set ditemukan: true and give temuan:\n" + "\n".join(now_found)
    if misses:
        pytest.xfail("known misses of the audit:\n" + "\n".join(f"{label(i)} [rule: {i['rule']}]" for i in misses))


def test_known_false_alarms(oracle, findings):
    """Findings that are not inconsistencies of the report (`alarm_palsu`): expected failures while raised."""
    raised, gone = [], []
    for alarm in oracle["alarm_palsu"]:
        hits = [f for part in found_parts(alarm, findings, kind=False).values() for f in part]
        (raised if hits else gone).append(f"{alarm['kecamatan']} {alarm['year']} {alarm['temuan']} "
                                          f"({len(hits)} temuan): {_space(alarm['why'])}")
    assert not gone, "no longer raised — remove from alarm_palsu:\n" + "\n".join(gone)
    if raised:
        pytest.xfail("false alarms of the audit:\n" + "\n".join(raised))
