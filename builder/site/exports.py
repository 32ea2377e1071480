"""Open data files: the same results as the pages, written one kecamatan at a time."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal

from ..analysis.results import BudgetLine, KecamatanResult
from ..audit import Finding
from ..formatting import json_number, plain

KINERJA_COLUMNS = [
    "provinsi", "kabupaten", "kecamatan", "kode_kecamatan", "tahun", "indikator_id", "indikator", "indikator_bersama",
    "satuan", "polaritas", "status", "target", "jenis_target", "target_renstra", "realisasi", "capaian_persen",
    "penilaian", "skala", "capaian_seragam_persen", "penilaian_seragam", "target_tercapai", "penyerapan_anggaran_persen",
    "efisiensi", "rumus_efisiensi", "cara_mengukur", "tahun_dinilai",
]
ANGGARAN_COLUMNS = ["kabupaten", "kecamatan", "tahun", "tingkat", "kode", "nama", "pagu", "realisasi",
                    "penyerapan_persen", "sumber"]


_PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    """A CSV cell a spreadsheet will not run: text starting like a formula gets a leading apostrophe (OWASP CSV
    injection guidance); numbers, negative ones included, stay numbers."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text


class _SafeWriter:
    def __init__(self, stream):
        self._writer = csv.writer(stream)

    def writerow(self, row) -> None:
        self._writer.writerow([cell(v) for v in row])


class OpenData:
    """Collects the downloadable files while the kecamatan are rendered one by one."""

    def __init__(self):
        self._kinerja = io.StringIO()  # rows only: the header is added by files()
        self._anggaran = io.StringIO()
        self.kinerja = _SafeWriter(self._kinerja)
        self.anggaran = _SafeWriter(self._anggaran)
        self.summary: list[dict] = []

    def part(self) -> tuple[str, str, list[dict]]:
        """What was collected so far, for a build made of shards (see Site.part)."""
        return self._kinerja.getvalue(), self._anggaran.getvalue(), self.summary

    def absorb(self, part: tuple[str, str, list[dict]]) -> None:
        kinerja, anggaran, summary = part
        self._kinerja.write(kinerja)
        self._anggaran.write(anggaran)
        self.summary.extend(summary)

    def add(self, kec: KecamatanResult, findings: dict[int, list[Finding]]) -> None:
        region, method = kec.region, kec.method
        for history in kec.history.values():
            for h in history:
                ind = h.indicator
                self.kinerja.writerow([
                    region.provinsi.nama, region.nama, kec.name, kec.profile.kode or "", h.year, ind.id, ind.nama,
                    ind.kanonik or "", ind.satuan, ind.polaritas, h.status, plain(h.target), h.target_kind,
                    plain(h.target_renstra), plain(h.realisasi), plain(h.capaian), h.rating.label if h.rating else "",
                    method.scale.id, plain(h.capaian_uniform), h.rating_uniform.label if h.rating_uniform else "",
                    "" if h.reached is None else ("ya" if h.reached else "tidak"),
                    plain(h.penyerapan), plain(h.efisiensi), method.efisiensi.id,
                    h.measurement.text if h.measurement else "", h.evaluated_year or "",
                ])
        for year in kec.years:
            if year.budget is None:
                continue
            table = year.budget.source.table or ""

            def write(line: BudgetLine) -> None:
                self.anggaran.writerow([region.nama, kec.name, year.year, line.level, line.kode or "", line.nama,
                                        plain(line.pagu), plain(line.realisasi), plain(line.penyerapan), table])
                for child in line.children:
                    write(child)

            for line in year.budget.programs:
                write(line)
        self.summary.append({
            "slug": kec.slug, "nama": kec.name, "kode": kec.profile.kode, "kabupaten": region.nama,
            "provinsi": region.provinsi.nama,
            "metode": {"skala": method.scale.id, "rumus_capaian_turun": method.capaian_turun.id,
                       "rumus_efisiensi": method.efisiensi.id},
            "tahun": [{"tahun": y.year, "rata_rata_capaian": json_number(y.capaian_mean), "indikator_tercapai": y.on_target,
                       "indikator_diukur": y.measured, "jumlah_indikator": y.indicator_count,
                       "pagu": json_number(y.budget_pagu), "realisasi_anggaran": json_number(y.budget_realisasi),
                       "penyerapan": json_number(y.penyerapan),
                       "temuan_audit": [{"tabel": f.table, "angka": f.what, "laporan": f.stated_text,
                                         "dihitung": f.computed_text,
                                         "laporan_angka": json_number(f.stated) if isinstance(f.stated, Decimal) else None,
                                         "dihitung_angka": json_number(f.computed) if isinstance(f.computed, Decimal) else None,
                                         "jenis": f.kind, "penyebab": f.cause}
                                        for f in findings[y.year]]} for y in kec.years],
        })

    def files(self) -> dict[str, bytes]:
        def with_header(columns, body: str) -> bytes:
            head = io.StringIO()
            _SafeWriter(head).writerow(columns)
            return (head.getvalue() + body).encode("utf-8")

        summary = sorted(self.summary, key=lambda s: s["slug"])
        return {
            "unduh/kinerja.csv": with_header(KINERJA_COLUMNS, self._kinerja.getvalue()),
            "unduh/anggaran.csv": with_header(ANGGARAN_COLUMNS, self._anggaran.getvalue()),
            "unduh/ringkasan.json": json.dumps({"kecamatan": summary}, ensure_ascii=False, indent=1).encode("utf-8"),
        }
