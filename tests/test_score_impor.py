"""benchmarks/score_impor.py: the import benchmark's scoring, on copies of the hand-made Rupat Utara data."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, load_benchmark

HAND = ROOT / "data" / "wilayah" / "bengkalis" / "rupat-utara"
REPORT = ROOT / "tests" / "fixtures" / "laporan" / "000_f5c815a18d890b49.txt"

RENAMED_ID, NEW_ID = "desa-berkinerja-baik", "kinerja-desa-kelurahan"
RENAMED_LABEL = "persentase desa kelurahan yang berkinerja baik"  # its name, normalised

score_impor = load_benchmark("score_impor")


@pytest.fixture(scope="module")
def report_text() -> str:
    return REPORT.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def self_score(report_text):
    return score_impor.score(HAND, HAND, report_text)


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "rupat-utara"
    shutil.copytree(HAND, target)
    return target


def _edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _numbers_in(node) -> int:
    """How many numbers a subtree of the data holds (what the scoring counts as figures in a budget line)."""
    if isinstance(node, dict):
        return sum(_numbers_in(value) for key, value in node.items() if key not in ("halaman", "tahun"))
    if isinstance(node, list):
        return sum(_numbers_in(item) for item in node)
    return int(isinstance(node, (int, float)) and not isinstance(node, bool))


def _unique_budget_line(year: dict) -> tuple[list, int]:
    """(its sibling list, index) of a sub kegiatan with rincian whose name no sibling shares."""
    for program in year["anggaran"]["program"]:
        for kegiatan in program.get("kegiatan", []):
            lines = kegiatan.get("sub_kegiatan", [])
            names = [line["nama"] for line in lines]
            for index, line in enumerate(lines):
                if line.get("rincian") and names.count(line["nama"]) == 1:
                    return lines, index
    raise AssertionError("no sub kegiatan with rincian in the hand data")


def test_identical_copy_scores_100_percent(tmp_path, report_text):
    result = score_impor.score(HAND, _copy(tmp_path), report_text)
    total = result.total
    assert total.hand > 1000  # the 2023 budget alone has over a thousand figures
    assert (total.identical, total.different, total.missing, total.extra) == (total.hand, 0, 0, 0)
    assert total.percent == 100.0
    for kind in ("renstra", "pengukuran", "dinyatakan", "anggaran", "belanja", "anggaran per kinerja", "ikm", "idm",
                 "pegawai"):
        assert result.counts[kind].hand > 0, kind


def test_changed_copy(tmp_path, report_text, self_score):
    draft = _copy(tmp_path)
    # Rename an indicator id everywhere (same name): the renstra and every year file.
    for path in draft.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(rf"\b{RENAMED_ID}\b", NEW_ID, text), encoding="utf-8")
    deleted = {}

    def change(year: dict) -> None:
        ikm = next(item for item in year["kinerja"] if item["indikator"] == "ikm")
        ikm["realisasi"] = 91.5  # hand: 89.81
        lines, index = _unique_budget_line(year)
        deleted["line"] = lines.pop(index)

    _edit_yaml(draft / "2023.yaml", change)
    result = score_impor.score(HAND, draft, report_text)

    different = result.with_status(score_impor.DIFFERENT)
    assert [(r.key[-1], r.hand, r.draft) for r in different] == [("realisasi", Decimal("89.81"), Decimal("91.5"))]
    assert different[0].kind == "pengukuran"

    def renamed(outcome) -> int:
        return sum(1 for r in outcome.with_status(score_impor.IDENTICAL) if any(RENAMED_LABEL in k for k in r.key))

    assert renamed(self_score) > 5
    assert renamed(result) == renamed(self_score)

    missing = result.with_status(score_impor.MISSING)
    line_name = score_impor.normalise(deleted["line"]["nama"])
    assert len(missing) == _numbers_in(deleted["line"]) > 3
    assert all(f"sub_kegiatan[{line_name}]" in r.key for r in missing)
    assert result.total.extra == 0
    assert result.total.identical == self_score.total.identical - 1 - len(missing)


def test_never_invent_accepts_printed_forms():
    printed = score_impor.printed_numbers(
        "Pagu Rp 1.234.567,89 dan 10374789534 serta 10.374.789.534; IKM 89,81 (89.81 %), target 87,50 %, 103%."
    )
    for value in ("1234567.89", "10374789534", "89.81", "87.5", "87.50", "103"):
        assert score_impor.is_printed(Decimal(value), printed), value
    assert not score_impor.is_printed(Decimal("1234567.8"), printed)
    assert not score_impor.is_printed(Decimal("3"), score_impor.printed_numbers("tahun 2.103 dan 1030"))


def test_never_invent_flags_a_number_absent_from_the_text(tmp_path):
    hand, draft = tmp_path / "hand", tmp_path / "draft"
    hand.mkdir()
    draft.mkdir()
    year = {"tahun": 2023, "kinerja": [{"indikator": "ikm", "realisasi": 12.34}],
            "anggaran": {"program": [{"nama": "Program A", "pagu": 1234567.89}]}}
    (draft / "2023.yaml").write_text(yaml.safe_dump(year), encoding="utf-8")
    result = score_impor.score(hand, draft, "Pagu Program A: Rp 1.234.567,89")
    assert result.draft_numbers == 2
    assert [(f.key[-1], f.value) for f in result.invented] == [("realisasi", Decimal("12.34"))]
    assert result.total.extra == 2 and result.total.hand == 0


def test_indicator_names_match_despite_punctuation_and_case():
    hand = {"ikm": ["indeks kepuasan masyarakat"], "desa": ["persentase desa kelurahan yang berkinerja baik"]}
    draft = {"x1": [score_impor.normalise("Persentase Desa/Kelurahan yg berkinerja baik")],
             "x2": [score_impor.normalise("INDEKS KEPUASAN MASYARAKAT (IKM)")],
             "x3": [score_impor.normalise("Jumlah temuan")]}
    assert score_impor.match_ids(hand, draft) == {"x1": "desa", "x2": "ikm"}


def test_budget_lines_match_by_kode_when_both_have_one():
    hand = [{"kode": "1.01", "nama": "Program Penunjang", "pagu": 5},
            {"kode": "1.02", "nama": "Program Lain", "pagu": 7}]
    draft = [{"kode": "1.02", "nama": "Program Lain-lain", "pagu": 7},  # same kode, name read differently
             {"kode": "9.99", "nama": "Program Penunjang", "pagu": 5}]  # same name, other kode: another line
    score_impor.adopt_hand_names(hand, draft, score_impor.BUDGET_CHILDREN)
    assert [line["nama"] for line in draft] == ["Program Lain", "Program Penunjang (kode 9.99)"]


def test_command_line_prints_a_table_per_kind(tmp_path, capsys):
    code = score_impor.main([str(HAND), str(_copy(tmp_path)), "--laporan", str(REPORT)])
    out = capsys.readouterr().out
    assert code == 0
    assert re.search(r"^pengukuran +(\d+) +\1 +0 +0 +0 +100\.0$", out, re.MULTILINE)
    assert re.search(r"^jumlah +(\d+) +\1 +0 +0 +0 +100\.0$", out, re.MULTILINE)
    assert "(dikarang): 0 dari" in out
